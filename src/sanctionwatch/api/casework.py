"""Cases over HTTP: open, list and search, read with links, history, status, links, and the
one action that turns a maritime event or a screening hit into a case (or adds it to one).

Reads take the `Caller` and answer 404 alike for a missing case and one the caller may not
read; writes take the `Actor` and run in one transaction with their ledger entries.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import Connection

from sanctionwatch.api.auth import Actor, Caller, engine, reader
from sanctionwatch.api.case_schemas import (
    CaseDetail,
    CaseIn,
    CaseList,
    CaseOut,
    FromEventIn,
    FromHitIn,
    History,
    LinkIn,
    LinkOut,
    StatusIn,
)
from sanctionwatch.cases import casework, intake, links
from sanctionwatch.cases.casework import Case
from sanctionwatch.cases.export import export_case
from sanctionwatch.cases.model import Status, Topic, User

router = APIRouter(prefix="/cases", tags=["cases"])


@router.post("", status_code=201)
async def open_case(request: Request, actor: Actor, body: CaseIn) -> CaseOut:
    """A new case led by the caller's member, status `open`."""
    audience = body.audience.domain()
    with engine(request).begin() as conn:
        case = casework.open_case(conn, actor, body.title, body.topic, body.summary, audience)
    return CaseOut.of(case)


@router.get("")
async def list_cases(
    request: Request,
    user: Caller,
    status: Status | None = None,
    topic: Topic | None = None,
    q: Annotated[str | None, Query(max_length=500, description="text in title or summary")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> CaseList:
    """The cases the caller may read, filtered, oldest first: one page and the total."""
    with reader(request).connect() as conn:
        found, total = casework.page_cases(conn, user, status, topic, q, limit, offset)
    return CaseList(cases=[CaseOut.of(c) for c in found], total=total)


@router.post("/from-event", status_code=201)
async def from_event(request: Request, actor: Actor, body: FromEventIn) -> CaseDetail:
    """A maritime event as a new case (or added to `case_id`), with its vessels and extract."""
    audience = body.audience.domain() if body.audience else None
    with engine(request).begin() as conn:
        case = intake.from_event(
            conn, actor, body.event_id, body.case_id, topic=body.topic, audience=audience
        )
        return _detail(conn, actor, case)


@router.post("/from-hit", status_code=201)
async def from_hit(request: Request, actor: Actor, body: FromHitIn) -> CaseDetail:
    """A screening hit as a new case (or added to `case_id`), with the registry entry."""
    audience = body.audience.domain() if body.audience else None
    with engine(request).begin() as conn:
        case = intake.from_hit(
            conn,
            actor,
            body.entity_id,
            body.query,
            body.score,
            body.case_id,
            topic=body.topic,
            audience=audience,
        )
        return _detail(conn, actor, case)


@router.get("/{case_id}")
async def get_case(request: Request, user: Caller, case_id: str) -> CaseDetail:
    """The case with its links."""
    with reader(request).connect() as conn:
        return _detail(conn, user, casework.get(conn, user, case_id))


@router.get("/{case_id}/history")
async def history(request: Request, user: Caller, case_id: str) -> History:
    """Status changes and links, in the order they were made."""
    with reader(request).connect() as conn:
        return History.of(case_id, casework.history(conn, user, case_id))


@router.get("/{case_id}/export")
async def export(request: Request, user: Caller, case_id: str) -> dict[str, Any]:
    """The case as one JSON document, as the caller may see it: history, links, evidence
    (retractions applied) and findings with revisions, tallies, dissents and citations."""
    with reader(request).connect() as conn:
        return export_case(conn, user, case_id)


@router.post("/{case_id}/status", status_code=201)
async def set_status(request: Request, actor: Actor, case_id: str, body: StatusIn) -> CaseOut:
    """Move the case one step (coordinators and analysts of the lead member)."""
    with engine(request).begin() as conn:
        case = casework.set_status(conn, actor, case_id, body.status, body.note)
    return CaseOut.of(case)


@router.post("/{case_id}/links", status_code=201)
async def add_link(request: Request, actor: Actor, case_id: str, body: LinkIn) -> LinkOut:
    """Link an entity, vessel, maritime event, evidence item or screening hit."""
    with engine(request).begin() as conn:
        made = links.link(conn, actor, case_id, body.kind, body.ref, body.note)
    return LinkOut.of(made)


def _detail(conn: Connection, user: User | None, case: Case) -> CaseDetail:
    found = [LinkOut.of(x) for x in links.links_of(conn, case)]
    return CaseDetail(**CaseOut.of(case).model_dump(), links=found)
