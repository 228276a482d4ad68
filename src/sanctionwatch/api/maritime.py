"""Maritime events over HTTP: list (filtered) and one by id, and GeoJSON for maps."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from sanctionwatch.errors import InputError
from sanctionwatch.maritime.events import SEVERITIES, get_event, list_events, to_json
from sanctionwatch.maritime.export import geojson
from sanctionwatch.maritime.model import Event

router = APIRouter(prefix="/maritime", tags=["maritime"])


def _found(
    request: Request,
    type_: list[str] | None,
    mmsi: int | None,
    since: datetime | None,
    until: datetime | None,
    severity: str | None,
    limit: int,
) -> list[Event]:
    engine: Engine = request.app.state.engine
    if severity is not None and severity not in SEVERITIES:
        raise InputError(f"severity must be one of {', '.join(SEVERITIES)}")
    with engine.connect() as conn:
        return list_events(
            conn,
            types=type_ or (),
            mmsi=mmsi,
            since=since,
            until=until,
            min_severity=severity,
            limit=limit,
        )


TypeQ = Annotated[list[str] | None, Query(alias="type", description="Event type(s).")]
LimitQ = Annotated[int, Query(ge=1, le=10_000)]
MmsiQ = Annotated[int | None, Query(ge=0, le=999_999_999)]


@router.get("/events")
def events(
    request: Request,
    type_: TypeQ = None,
    mmsi: MmsiQ = None,
    since: datetime | None = None,
    until: datetime | None = None,
    severity: str | None = None,
    limit: LimitQ = 1000,
) -> dict[str, Any]:
    """Detected events in time order, each with vessels, times, position, detector and
    evidence; synthetic (simulated) ones are marked."""
    found = _found(request, type_, mmsi, since, until, severity, limit)
    return {"events": [to_json(e) for e in found]}


@router.get("/events.geojson")
def events_geojson(
    request: Request,
    type_: TypeQ = None,
    mmsi: MmsiQ = None,
    limit: LimitQ = 1000,
) -> Response:
    """The same events as a GeoJSON FeatureCollection."""
    found = _found(request, type_, mmsi, None, None, None, limit)
    return Response(geojson(found), media_type="application/geo+json")


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> dict[str, Any]:
    """One event by id."""
    engine: Engine = request.app.state.engine
    with engine.connect() as conn:
        return to_json(get_event(conn, event_id))
