"""Tables of screening: analyst dispositions of matches (append-only)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text

from sanctionwatch.db import metadata

dispositions = Table(
    "screening_dispositions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("query_key", String(64), nullable=False),
    Column("query_text", Text, nullable=False),
    Column("entity_id", String(255), nullable=False),
    Column("judgement", String(32), nullable=False),
    Column("author", String(255), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_screening_dispositions_key", "query_key", "entity_id"),
)
