"""What a list load covers: every statement row it inserted and every one it ended.

The payload of a "list.load" entry names the list version row and holds two Merkle roots (RFC
9162, over sorted SHA-256 hashes): one over the canonical JSON of each statement row the load
inserted, one over the keys of the rows it ended. `ledger verify` recomputes both from the rows
as they stand, so an edited, added or deleted designation row shows as that entry going bad.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.errors import NotFoundError
from sanctionwatch.ledger import coverstore
from sanctionwatch.ledger.merkle import root_by_levels
from sanctionwatch.ledger.record import record
from sanctionwatch.lists.statements import Row

KIND = "list.load"


def record_load(
    conn: Connection, version_id: int, inserted: Sequence[Row], ended: Sequence[str]
) -> int:
    """Log a load in the load's transaction: the rows it inserted, the keys of those it ended."""
    version = coverstore.list_version(conn, version_id)
    if version is None:
        raise NotFoundError(f"list version {version_id} does not exist")
    rows = [_as_stored(r, version["source"], version["version"]) for r in inserted]
    data = payload(version_id, version, rows, ended)
    return record(conn, KIND, f"list:{version['source']}", data)


def _as_stored(r: Row, source: str, version: str) -> tuple[Any, ...]:
    """A statement row as inserted, in coverstore.STATEMENT_COLUMNS order."""
    values = (r.key, source, r.record_id, r.entity_id, bool(r.main), r.schema, r.prop, r.value)
    return (*values, None, None, version)


def payload(
    version_id: int,
    version: dict[str, Any],
    inserted: Iterable[Sequence[Any]],
    ended: Iterable[str],
) -> dict[str, Any]:
    return {
        "version_id": version_id,
        **version,
        "inserted": _digest(row_hash(row) for row in inserted),
        "ended": _digest(hashlib.sha256(key.encode()).digest() for key in ended),
    }


def row_hash(row: Sequence[Any]) -> bytes:
    """SHA-256 of a row's canonical JSON array (for strings, booleans and nulls, Python's
    compact JSON without ASCII escaping is exactly RFC 8785, and ten times faster)."""
    text = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).digest()


def _digest(hashes: Iterable[bytes]) -> dict[str, Any]:
    ordered = sorted(hashes)
    return {"count": len(ordered), "root": root_by_levels(ordered).hex()}


def recompute(conn: Connection, logged: Any) -> Any:
    """The payload the load's rows give now (compare its hash with the entry's)."""
    version_id = logged.get("version_id") if isinstance(logged, dict) else None
    version = coverstore.list_version(conn, version_id)
    if version is None or type(version_id) is not int:
        return {"missing": logged}
    inserted = coverstore.inserted_statements(conn, version_id)
    ended = coverstore.ended_keys(conn, version["source"], version_id)
    return payload(version_id, version, inserted, ended)


def uncovered(conn: Connection, logged: Iterable[Any]) -> list[str]:
    """List versions that no list.load entry covers."""
    seen = {p.get("version_id") for p in logged if isinstance(p, dict)}
    return [
        f"list version {source} {version} (id {vid}) is not in the log"
        for vid, source, version in coverstore.list_versions(conn)
        if vid not in seen
    ]
