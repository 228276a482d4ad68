"""Detectors: AIS tracks in, evasion events out.

Each detector is one small class with one SQL query (its single definition, run unchanged by
DuckDB and by Spark, see `engines`) and a pure-Python oracle that the tests hold it to. The
query reads the views that `inputs.prepare` builds (fixes, grid, identities, designated) and
returns one row per event in the columns of `base.EVENT_COLUMNS` plus detector-specific detail
columns; `base.to_events` turns them into stamped `Event`s.
"""
