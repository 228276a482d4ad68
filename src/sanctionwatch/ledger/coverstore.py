"""Rows other contexts own that ledger entries cover, read as `ledger verify` needs them.

List loads: the list version row, the statement rows a version inserted (in the canonical
column order of list_loads.py) and the keys of those it ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.lists.tables import statements, versions

VERSION_COLUMNS = ("source", "version", "format", "sha256", "records", "statements")
STATEMENT_COLUMNS = (
    "key",
    "source",
    "record_id",
    "entity_id",
    "main",
    "schema",
    "prop",
    "value",
    "lang",
    "original_value",
    "first_seen",
)
_MAIN = STATEMENT_COLUMNS.index("main")


def list_version(conn: Connection, version_id: Any) -> dict[str, Any] | None:
    """The logged columns of a list version row, or None if there is no such row."""
    if type(version_id) is not int:
        return None
    query = select(*(versions.c[c] for c in VERSION_COLUMNS)).where(versions.c.id == version_id)
    found = conn.execute(query).first()
    return None if found is None else dict(zip(VERSION_COLUMNS, found, strict=True))


def inserted_statements(conn: Connection, version_id: int) -> Iterator[tuple[Any, ...]]:
    """Every statement row that list version inserted (`main` as a bool on both databases)."""
    query = select(*(statements.c[c] for c in STATEMENT_COLUMNS)).where(
        statements.c.first_version == version_id
    )
    for row in conn.execute(query):
        yield (*row[:_MAIN], bool(row[_MAIN]), *row[_MAIN + 1 :])


def ended_keys(conn: Connection, source: str, version_id: int) -> Iterator[str]:
    """The keys of the statements that list version ended."""
    query = select(statements.c.key).where(
        statements.c.source == source, statements.c.end_version == version_id
    )
    return iter(conn.scalars(query))


def list_versions(conn: Connection) -> list[tuple[int, str, str]]:
    """(id, source, version) of every list version loaded."""
    query = select(versions.c.id, versions.c.source, versions.c.version).order_by(versions.c.id)
    return [(int(i), str(s), str(v)) for i, s, v in conn.execute(query)]
