"""Investigations: parties, audiences, sources, evidence, cases, findings, votes and dissents.

model.py     domain types (roles, audiences, TLP, grades, topics, statuses, vote choices)
access.py    can_read: the one read rule; derived audiences
parties.py   members, the secretariat, users and roles
auth.py      passwords (argon2id) and API tokens
record.py    every change: a row and its signed ledger entry, in one transaction
tables.py    the append-only tables
"""
