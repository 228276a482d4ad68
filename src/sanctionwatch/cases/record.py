"""Every change of the investigations context: one new row and its signed ledger entry, together.

    with engine.begin() as conn:
        row = write(conn, actor, tables.votes, {"finding_id": ..., "choice": ...})

`write` inserts the row and appends an entry signed by the acting user's key, in the caller's
transaction: both commit or neither. The log keeps only the hash of the row's canonical JSON
(not the row, which may be restricted) under a blinded subject (a hash of table and id, which
no one who cannot read the object can link to it). `ledger verify` rebuilds each row's JSON
from the table (`recompute`), so an edited, deleted or unlogged row names its entry.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select

from sanctionwatch.cases import reach, tables
from sanctionwatch.cases.model import User
from sanctionwatch.errors import InputError
from sanctionwatch.ledger.coverage import Coverage, register
from sanctionwatch.ledger.record import record

KIND = "cases.change"


def new_id(prefix: str) -> str:
    """A fresh random id, `prefix-` and 32 hex digits (unguessable: ids reveal nothing)."""
    return f"{prefix}-{uuid.uuid4().hex}"


def utcnow() -> datetime:
    return datetime.now(UTC)


def write(conn: Connection, actor: User, table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    """Insert one row (stamped with its author and time) and log it; the row as stored."""
    if any(isinstance(v, str) and "\x00" in v for v in values.values()):
        raise InputError(f"{table.name}: text may not contain NUL characters")
    row = {"created_at": utcnow(), "created_by": actor.name, **values}
    payload = as_payload(table, row)
    index = record(
        conn, KIND, subject(table, str(row["id"])), payload, author=actor.name, keep_payload=False
    )
    conn.execute(table.insert().values(**row, entry=index))
    reach.keep(conn, table, row)
    return {**row, "entry": index}


def subject(table: Table, row_id: str) -> str:
    """The blinded subject of a row's entries: links entries about one object, names none."""
    return "cs:" + hashlib.sha256(f"{table.name}:{row_id}".encode()).hexdigest()[:40]


def as_payload(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON the log commits to: the table and every column but `entry`."""
    values = {c.name: _json(row.get(c.name)) for c in table.columns if c.name != "entry"}
    return {"table": table.name, "row": values}


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return value


def recompute(conn: Connection, logged: Any) -> Any:
    """The payload the row recorded by this entry gives now (or what is missing)."""
    index = logged.get("index") if isinstance(logged, dict) else None
    for table in tables.LOGGED:
        found = conn.execute(select(table).where(table.c.entry == index)).mappings().first()
        if found is not None:
            return as_payload(table, dict(found))
    return {"missing": logged}


def uncovered(conn: Connection, logged: Iterable[Any]) -> list[str]:
    """Rows of the context that no entry records."""
    seen = {p.get("index") for p in logged if isinstance(p, dict)}
    problems = []
    for table in tables.LOGGED:
        for row_id, entry in conn.execute(select(table.c.id, table.c.entry)):
            if entry is None or entry not in seen:
                problems.append(f"{table.name} row {row_id} is not in the log")
    return problems


register(KIND, Coverage(recompute, uncovered))
