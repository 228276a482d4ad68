"""Designations registry: official lists -> one FtM entity store, with history."""
