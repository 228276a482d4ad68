"""Tables of the maritime context: detected events and the detection runs that found them.

Event ids are content-derived (type, vessels, start, detector, version, parameters), so running
the same detectors on the same positions again adds nothing.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)

from sanctionwatch.db import metadata

runs = Table(
    "maritime_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("engine", String(16), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False),
    Column("positions", Integer, nullable=False),
    Column("scope", JSON, nullable=False),  # since, until, bbox
    Column("counts", JSON, nullable=False),  # events found per type
)

events = Table(
    "maritime_events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("mmsi", JSON, nullable=False),
    Column("start", DateTime(timezone=True), nullable=False),
    Column("end", DateTime(timezone=True), nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("severity", String(16), nullable=False),
    Column("detector", String(64), nullable=False),
    Column("version", String(16), nullable=False),
    Column("params", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
    Column("details", JSON, nullable=False),
    Column("synthetic", Boolean, nullable=False),
    Column("run_id", Integer, ForeignKey("maritime_runs.id"), nullable=False),
    Index("ix_maritime_events_type_start", "type", "start"),
)
