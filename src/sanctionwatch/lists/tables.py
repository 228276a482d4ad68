"""Tables of the designations registry (statement store, versions, decisions)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from sanctionwatch.db import metadata

versions = Table(
    "list_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(100), nullable=False),
    Column("version", String(32), nullable=False),
    Column("format", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("paths", Text, nullable=False),
    Column("url", Text),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("records", Integer, nullable=False),
    Column("statements", Integer, nullable=False),
    UniqueConstraint("source", "version", name="uq_list_versions_source_version"),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(40), nullable=False),
    Column("source", String(100), nullable=False),
    Column("record_id", String(255), nullable=False),
    Column("entity_id", String(255), nullable=False),
    Column("main", Boolean, nullable=False),
    Column("schema", String(64), nullable=False),
    Column("prop", String(64), nullable=False),
    Column("value", Text, nullable=False),
    Column("lang", String(16)),
    Column("original_value", Text),
    Column("first_version", Integer, ForeignKey("list_versions.id"), nullable=False),
    Column("end_version", Integer, ForeignKey("list_versions.id")),
    Column("first_seen", String(32), nullable=False),
    Index("ix_statements_source_active", "source", "end_version"),
    Index("ix_statements_entity", "entity_id"),
    Index("ix_statements_key", "key"),
)

decisions = Table(
    "link_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("left_id", String(255), nullable=False),
    Column("right_id", String(255), nullable=False),
    Column("judgement", String(16), nullable=False),
    Column("method", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("author", String(255), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undoes", Integer, ForeignKey("link_decisions.id")),
    Index("ix_link_decisions_pair", "left_id", "right_id"),
)

canonical = Table(
    "canonical",
    metadata,
    Column("entity_id", String(255), primary_key=True),
    Column("canonical_id", String(255), nullable=False, index=True),
)
