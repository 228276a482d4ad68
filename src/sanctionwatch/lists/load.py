"""Load published versions of lists into the statement store, one transaction each.

History without deletion: a statement first seen in this version is inserted;
one still present is left alone (its span stays open); one that disappeared
gets `end_version` set and stays in the store. Loading the same file twice is
a no-op; a version not newer than the newest loaded one is refused.

Parsing is CPU work done before any write (`prepare`); with several files it
runs in worker processes while the main process stores the earlier files.
"""

from __future__ import annotations

import hashlib
import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from sanctionwatch.errors import VersionError
from sanctionwatch.ledger import list_loads
from sanctionwatch.lists import detect, linking
from sanctionwatch.lists.bulk import insert_rows
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
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Prepared:
    """A parsed list version, ready to store (picklable, so workers can build it)."""

    source: str
    version: str
    format: str
    paths: tuple[Path, ...]
    url: str | None
    digest: str
    records: int
    rows: dict[str, Row]
    notes: list[str]


def prepare(path: Path, source: str | None = None, published: str | None = None) -> Prepared:
    """Detect, parse and turn `path` into statement rows; raises on any bad input."""
    parsed = detect.detect(path).parse(path)
    records = list(parsed.records)  # parse errors surface here, before any write
    source = source or parsed.source
    version = published or parsed.version or detect.version_from_path(path)
    version = version or detect.version_from_mtime(path)
    return Prepared(
        source=source,
        version=version,
        format=parsed.format,
        paths=parsed.paths,
        url=parsed.url,
        digest=_digest(parsed.paths),
        records=len(records),
        rows=rows_of(source, records),
        notes=list(parsed.notes),
    )


def load_path(
    engine: Engine, path: Path, source: str | None = None, published: str | None = None
) -> LoadResult:
    """Parse `path` completely, then write it in one transaction."""
    return store(engine, prepare(path, source, published))


def load_paths(
    engine: Engine,
    paths: Sequence[Path],
    source: str | None = None,
    published: str | None = None,
    workers: int = 2,
) -> Iterator[LoadResult]:
    """Load several files in order; later files are parsed while earlier ones are stored."""
    if len(paths) < 2 or workers < 2:
        for path in paths:
            yield load_path(engine, path, source, published)
        return
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(prepare, path, source, published) for path in paths]
        try:
            for future in futures:
                yield store(engine, future.result(), link=False)
        finally:
            for future in futures:
                future.cancel()
            with engine.begin() as conn:  # link once, after every file that did load
                linking.relink(conn)


def _digest(paths: Sequence[Path]) -> str:
    sha = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        sha.update(path.name.encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()


def store(engine: Engine, prepared: Prepared, link: bool = True) -> LoadResult:
    """Write one prepared list version in one transaction (then relink, unless told not to)."""
    with engine.begin() as conn:
        result = _store(conn, prepared)
        if link and not result.unchanged:
            linking.relink(conn)
        return result


def _store(conn: Connection, p: Prepared) -> LoadResult:
    latest = conn.execute(
        select(versions.c.version, versions.c.sha256)
        .where(versions.c.source == p.source)
        .order_by(versions.c.id.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.sha256 == p.digest:
        log.info("list unchanged", source=p.source, version=latest.version)
        return LoadResult(
            p.source, latest.version, p.format, p.records, 0, 0, len(p.rows), True, p.notes
        )
    if latest is not None and p.version <= latest.version:
        raise VersionError(
            f"{p.paths[0]}: version {p.version} of {p.source} is not newer than the loaded"
            f" {latest.version}; pass --published with the real publication date"
        )
    version_id = _insert_version(conn, p)
    query = select(statements.c.key, statements.c.id).where(
        statements.c.source == p.source, statements.c.end_version.is_(None)
    )
    active: dict[str, int] = {key: sid for key, sid in conn.execute(query)}
    new = [row for key, row in p.rows.items() if key not in active]
    gone = [sid for key, sid in active.items() if key not in p.rows]
    _end(conn, gone, version_id)
    _insert(conn, p, version_id, new)
    list_loads.record_load(conn, version_id, new, [key for key in active if key not in p.rows])
    log.info("list loaded", source=p.source, version=p.version, added=len(new), ended=len(gone))
    kept = len(p.rows) - len(new)
    return LoadResult(
        p.source, p.version, p.format, p.records, len(new), len(gone), kept, False, p.notes
    )


def _insert_version(conn: Connection, p: Prepared) -> int:
    result = conn.execute(
        insert(versions).values(
            source=p.source,
            version=p.version,
            format=p.format,
            sha256=p.digest,
            paths="\n".join(str(path) for path in p.paths),
            url=p.url,
            loaded_at=datetime.now(UTC),
            records=p.records,
            statements=len(p.rows),
        )
    )
    return _new_id(result.inserted_primary_key)


def _end(conn: Connection, ids: list[int], version_id: int) -> None:
    if conn.dialect.name == "postgresql" and ids:
        conn.exec_driver_sql(
            "UPDATE statements SET end_version = %s WHERE id = ANY(%s)", (version_id, ids)
        )
        return
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        conn.execute(
            update(statements).where(statements.c.id.in_(chunk)).values(end_version=version_id)
        )


_COLUMNS = (
    "key",
    "source",
    "record_id",
    "entity_id",
    "main",
    "schema",
    "prop",
    "value",
    "first_version",
    "first_seen",
)


def _insert(conn: Connection, p: Prepared, version_id: int, rows: list[Row]) -> None:
    insert_rows(
        conn,
        statements,
        _COLUMNS,
        [
            (
                r.key,
                p.source,
                r.record_id,
                r.entity_id,
                r.main,
                r.schema,
                r.prop,
                r.value,
                version_id,
                p.version,
            )
            for r in rows
        ],
    )


def _new_id(key: Any) -> int:
    if key is None:
        raise RuntimeError("insert returned no primary key")
    return int(key[0])
