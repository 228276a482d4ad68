"""Alembic environment: runs on the engine handed over by `sanctionwatch.db`."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import sanctionwatch.cases.tables
import sanctionwatch.ledger.tables
import sanctionwatch.lists.tables
import sanctionwatch.maritime.tables
import sanctionwatch.screening.tables  # noqa: F401
from sanctionwatch.db import metadata

config = context.config
engine = config.attributes.get("engine") or create_engine(
    config.get_main_option("sqlalchemy.url") or ""
)

with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
