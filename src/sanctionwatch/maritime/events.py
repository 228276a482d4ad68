"""Detected events in the database: save a detection run's events, list and read them back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select

from sanctionwatch.errors import NotFoundError
from sanctionwatch.maritime.model import Event
from sanctionwatch.maritime.tables import events, runs

SEVERITIES = ("info", "low", "medium", "high")


def save_run(
    conn: Connection,
    found: Sequence[Event],
    *,
    engine: str,
    started_at: datetime,
    positions: int,
    scope: dict[str, Any],
) -> tuple[int, int]:
    """Record one detection run and its new events (known ids are kept as they are).
    Returns (run id, events added)."""
    counts: dict[str, int] = {}
    for e in found:
        counts[e.type] = counts.get(e.type, 0) + 1
    run_id = conn.execute(
        insert(runs)
        .values(
            engine=engine,
            started_at=started_at,
            finished_at=datetime.now(UTC),
            positions=positions,
            scope=scope,
            counts=counts,
        )
        .returning(runs.c.id)
    ).scalar_one()
    known = set(conn.scalars(select(events.c.id).where(events.c.id.in_([e.id for e in found]))))
    fresh = {e.id: e for e in found if e.id not in known}
    if fresh:
        conn.execute(insert(events), [_row(e, int(run_id)) for e in fresh.values()])
    return int(run_id), len(fresh)


def _row(e: Event, run_id: int) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "mmsi": list(e.mmsi),
        "start": e.start,
        "end": e.end,
        "lat": e.lat,
        "lon": e.lon,
        "severity": e.severity,
        "detector": e.detector,
        "version": e.version,
        "params": e.params,
        "evidence": list(e.evidence),
        "details": e.details,
        "synthetic": e.synthetic,
        "run_id": run_id,
    }


def list_events(
    conn: Connection,
    *,
    types: Sequence[str] = (),
    mmsi: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    min_severity: str | None = None,
    limit: int | None = None,
) -> list[Event]:
    """Events in time order, filtered; `mmsi` keeps events involving that vessel."""
    query = select(events).order_by(events.c.start, events.c.id)
    if types:
        query = query.where(events.c.type.in_(list(types)))
    if since is not None:
        query = query.where(events.c.end >= since)
    if until is not None:
        query = query.where(events.c.start < until)
    if min_severity is not None:
        query = query.where(events.c.severity.in_(SEVERITIES[SEVERITIES.index(min_severity) :]))
    found = [_event(row._mapping) for row in conn.execute(query)]
    if mmsi is not None:
        found = [e for e in found if mmsi in e.mmsi]
    return found[:limit] if limit is not None else found


def get_event(conn: Connection, event_id: str) -> Event:
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        raise NotFoundError(f"no maritime event {event_id!r}")
    return _event(row._mapping)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _event(row: Any) -> Event:
    return Event(
        id=row["id"],
        type=row["type"],
        mmsi=tuple(row["mmsi"]),
        start=_utc(row["start"]),
        end=_utc(row["end"]),
        lat=row["lat"],
        lon=row["lon"],
        severity=row["severity"],
        detector=row["detector"],
        params=row["params"],
        version=row["version"],
        evidence=tuple(row["evidence"]),
        details=row["details"],
        synthetic=row["synthetic"],
    )


def to_json(e: Event) -> dict[str, Any]:
    """The public shape of an event (`events list --json`, the API, exports)."""
    return {
        "id": e.id,
        "type": e.type,
        "mmsi": list(e.mmsi),
        "start": e.start.isoformat().replace("+00:00", "Z"),
        "end": e.end.isoformat().replace("+00:00", "Z"),
        "position": {"lat": e.lat, "lon": e.lon},
        "severity": e.severity,
        "detector": e.detector,
        "version": e.version,
        "params": e.params,
        "evidence": {"row_ids": [str(r) for r in e.evidence]},
        "details": e.details,
        "synthetic": e.synthetic,
    }
