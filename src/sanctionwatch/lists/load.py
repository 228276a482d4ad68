"""Load one published version of a list into the statement store, as one transaction.

History without deletion: a statement first seen in this version is inserted;
one still present gets `last_version` moved on; one that disappeared gets
`end_version` set and stays in the store. Loading the same file twice is a
no-op; a version older than the newest loaded one is refused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from sanctionwatch.errors import VersionError
from sanctionwatch.lists import detect, linking
from sanctionwatch.lists.model import ParsedList
from sanctionwatch.lists.statements import Row, rows_of
from sanctionwatch.lists.tables import statements, versions
from sanctionwatch.logs import get_logger

log = get_logger(__name__)
_BATCH = 5000


@dataclass(frozen=True)
class LoadResult:
    source: str
    version: str
    format: str
    records: int
    added: int
    ended: int
    kept: int
    unchanged: bool


def load_path(
    engine: Engine, path: Path, source: str | None = None, published: str | None = None
) -> LoadResult:
    """Parse `path` completely, then write it in one transaction."""
    fmt = detect.detect(path)
    parsed = fmt.parse(path)
    records = list(parsed.records)  # parse errors surface here, before any write
    source = source or parsed.source
    version = published or parsed.version or detect.version_from_path(path)
    version = version or detect.version_from_mtime(path)
    rows = rows_of(source, records)
    digest = _digest(parsed)
    with engine.begin() as conn:
        return _store(conn, parsed, source, version, digest, len(records), rows)


def _digest(parsed: ParsedList) -> str:
    sha = hashlib.sha256()
    for path in sorted(parsed.paths, key=lambda p: p.name):
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def _store(
    conn: Connection,
    parsed: ParsedList,
    source: str,
    version: str,
    digest: str,
    n_records: int,
    rows: dict[str, Row],
) -> LoadResult:
    latest = conn.execute(
        select(versions.c.id, versions.c.version, versions.c.sha256)
        .where(versions.c.source == source)
        .order_by(versions.c.id.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.sha256 == digest:
        log.info("list unchanged", source=source, version=latest.version)
        return LoadResult(source, latest.version, parsed.format, n_records, 0, 0, len(rows), True)
    if latest is not None and version <= latest.version:
        raise VersionError(
            f"{parsed.paths[0]}: version {version} of {source} is not newer than the loaded"
            f" {latest.version}; pass --published with the real publication date"
        )
    version_id = _insert_version(conn, parsed, source, version, digest, n_records, len(rows))
    query = select(statements.c.key, statements.c.id).where(
        statements.c.source == source, statements.c.end_version.is_(None)
    )
    active: dict[str, int] = {key: sid for key, sid in conn.execute(query)}
    new = [row for key, row in rows.items() if key not in active]
    gone = [sid for key, sid in active.items() if key not in rows]
    _end(conn, gone, version_id)
    conn.execute(
        update(statements)
        .where(statements.c.source == source, statements.c.end_version.is_(None))
        .values(last_version=version_id, last_seen=version)
    )
    _insert(conn, source, version_id, version, new)
    linking.relink(conn)
    log.info("list loaded", source=source, version=version, added=len(new), ended=len(gone))
    kept = len(rows) - len(new)
    return LoadResult(source, version, parsed.format, n_records, len(new), len(gone), kept, False)


def _insert_version(
    conn: Connection, parsed: ParsedList, source: str, version: str, digest: str, n: int, s: int
) -> int:
    result = conn.execute(
        insert(versions).values(
            source=source,
            version=version,
            format=parsed.format,
            sha256=digest,
            paths="\n".join(str(p) for p in parsed.paths),
            url=parsed.url,
            loaded_at=datetime.now(UTC),
            records=n,
            statements=s,
        )
    )
    return _new_id(result.inserted_primary_key)


def _end(conn: Connection, ids: list[int], version_id: int) -> None:
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(
            update(statements).where(statements.c.id.in_(chunk)).values(end_version=version_id)
        )


def _insert(conn: Connection, source: str, version_id: int, version: str, rows: list[Row]) -> None:
    for start in range(0, len(rows), _BATCH):
        conn.execute(
            insert(statements),
            [
                {
                    "key": r.key,
                    "source": source,
                    "record_id": r.record_id,
                    "entity_id": r.entity_id,
                    "main": r.main,
                    "schema": r.schema,
                    "prop": r.prop,
                    "value": r.value,
                    "first_version": version_id,
                    "last_version": version_id,
                    "first_seen": version,
                    "last_seen": version,
                }
                for r in rows[start : start + _BATCH]
            ],
        )


def _new_id(key: Any) -> int:
    if key is None:
        raise RuntimeError("insert returned no primary key")
    return int(key[0])
