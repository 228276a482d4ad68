"""Cases: a topic, a lead member, a status that moves forward, and what is linked to them.

A case is opened by an analyst (or coordinator) of the lead member, with status `open`. Its
status then moves one step at a time (open -> investigating -> drafting -> in_review ->
adopted -> published; in_review may go back to drafting; closed from anywhere but closed),
each step a `cs_statuses` row by a coordinator or analyst of the lead member. `adopted` is set
only by the vote code (`system=True`). Links (`links.py`) and the turning of events and
screening hits into cases (`intake.py`) sit beside this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, ScalarSelect, bindparam, func, select

from sanctionwatch.cases import reach, tables
from sanctionwatch.cases.model import Audience, Role, Status, Topic, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.cases.stored import (
    as_released,
    dump_audience,
    load_audience,
    own_audience,
    permitted,
    readable_by_id,
    released_audience,
    utc,
)
from sanctionwatch.errors import ForbiddenError, InputError

OPENERS = (Role.ANALYST, Role.COORDINATOR)
MOVERS = (Role.ANALYST, Role.COORDINATOR)
FORWARD = {
    Status.OPEN: Status.INVESTIGATING,
    Status.INVESTIGATING: Status.DRAFTING,
    Status.DRAFTING: Status.IN_REVIEW,
    Status.IN_REVIEW: Status.ADOPTED,
    Status.ADOPTED: Status.PUBLISHED,
}
BACK = {Status.IN_REVIEW: Status.DRAFTING}  # a draft sent back from review


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    topic: Topic
    lead: str  # the lead member
    summary: str
    audience: Audience
    created_by: str
    created_at: datetime
    status: Status
    status_at: datetime


@dataclass(frozen=True)
class Change:
    """One step of a case's history: a status or a link, who made it and when."""

    at: datetime
    by: str
    kind: str  # "status" or "link"
    value: str  # the status, or "<link kind>:<ref>"
    note: str


def open_case(
    conn: Connection, actor: User, title: str, topic: Topic, summary: str, audience: Audience
) -> Case:
    """A new case led by the actor's member, with status `open`."""
    if not actor.has(*OPENERS):
        raise ForbiddenError("only an analyst or coordinator opens cases")
    if not title.strip():
        raise InputError("a case needs a title")
    values = {
        "id": new_id("case"),
        "title": title.strip()[:500],
        "topic": _topic(topic).value,
        "lead": actor.member,
        "summary": summary,
        "audience": dump_audience(own_audience(actor, audience)),
    }
    row = write(conn, actor, tables.cases, values)
    opened = _status_row(conn, actor, row["id"], Status.OPEN, "opened")
    return _case(row, (Status.OPEN, utc(opened["created_at"])))


def get(conn: Connection, user: User | None, case_id: str) -> Case:
    """The case, if `user` may read it (else the same NotFoundError as for no case)."""
    return _case(readable_by_id(conn, user, _CASE, case_id, "case"))


def list_cases(
    conn: Connection,
    user: User | None,
    status: Status | None = None,
    topic: Topic | None = None,
    q: str | None = None,
) -> list[Case]:
    """The cases `user` may read, oldest first; `q` finds text in the title or summary."""
    return page_cases(conn, user, status, topic, q)[0]


def page_cases(
    conn: Connection,
    user: User | None,
    status: Status | None = None,
    topic: Topic | None = None,
    q: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[Case], int]:
    """One page of the cases `user` may read, oldest first, and how many there are in all.

    The database keeps only the cases `reach.visible` lets `user` read, and pages them when
    no status or text filter needs every one; `permitted` (`can_read`) then checks each row.
    """
    t = tables.cases
    audience = released_audience(t).label("audience")
    columns = [t.c.id, audience] + ([t.c.title, t.c.summary] if q else [])
    query = select(*columns).join(tables.reach, tables.reach.c.target == t.c.id)
    query = query.where(reach.visible(user))
    if topic is not None:
        query = query.where(t.c.topic == _topic(topic).value)
    if status is None and not q:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        whole = query.with_only_columns(*_COLUMNS).order_by(t.c.entry)
        rows = permitted(user, conn.execute(whole.offset(offset).limit(limit)).mappings())
        return [_case(r) for r in rows], int(total)
    rows = permitted(user, conn.execute(query.order_by(t.c.entry)).mappings())
    if q:
        needle = q.casefold()
        rows = [r for r in rows if needle in f"{r['title']}\n{r['summary']}".casefold()]
    ids = [r["id"] for r in rows]
    if status is not None:
        latest = _statuses(conn, ids)
        ids = [i for i in ids if latest[i][0] is Status(status)]
    end = None if limit is None else offset + limit
    return _cases(conn, ids[offset:end]), len(ids)


def _cases(conn: Connection, ids: list[str]) -> list[Case]:
    """The cases with these ids, in this order (audiences as released)."""
    query = select(*_COLUMNS).where(tables.cases.c.id.in_(ids))
    rows = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
    return [_case(rows[i]) for i in ids]


def set_status(
    conn: Connection,
    actor: User,
    case_id: str,
    status: Status,
    note: str,
    system: bool = False,
) -> Case:
    """Move the case to `status` (the vote code alone sets `adopted`, with system=True)."""
    case = get(conn, actor, case_id)
    target = _status(status)
    if not system and not (actor.member == case.lead and actor.has(*MOVERS)):
        raise ForbiddenError("only a coordinator or analyst of the lead member moves a case")
    if target is Status.ADOPTED and not system:
        raise ForbiddenError("a case is adopted by the members' vote, not by hand")
    allowed = {FORWARD.get(case.status), BACK.get(case.status)}
    if case.status is not Status.CLOSED:
        allowed.add(Status.CLOSED)
    if target not in allowed:
        raise InputError(f"a case that is {case.status} cannot become {target}")
    _status_row(conn, actor, case_id, target, note)
    return get(conn, actor, case_id)


def history(conn: Connection, user: User | None, case_id: str) -> list[Change]:
    """The status changes and links of a case, in the order they were made."""
    get(conn, user, case_id)
    changes: list[tuple[int, Change]] = []
    for table, value in ((tables.statuses, "status"), (tables.links, "link")):
        query = select(table).where(table.c.case_id == case_id)
        for r in conn.execute(query).mappings():
            text = r["status"] if value == "status" else f"{r['kind']}:{r['ref']}"
            change = Change(utc(r["created_at"]), r["created_by"], value, text, r["note"])
            changes.append((int(r["entry"]), change))
    return [c for _, c in sorted(changes, key=lambda pair: pair[0])]


def _status_row(
    conn: Connection, actor: User, case_id: str, status: Status, note: str
) -> dict[str, Any]:
    values = {"id": new_id("st"), "case_id": case_id, "status": status.value, "note": note}
    return write(conn, actor, tables.statuses, values)


_STATUSES = select(
    tables.statuses.c.case_id, tables.statuses.c.status, tables.statuses.c.created_at
).order_by(tables.statuses.c.entry)
_STATUSES_OF = _STATUSES.where(tables.statuses.c.case_id.in_(bindparam("ids", expanding=True)))


def _statuses(conn: Connection, case_ids: list[str]) -> dict[str, tuple[Status, datetime]]:
    """The latest status of each case, and when it was set."""
    if len(case_ids) <= 50:  # a few cases: look them up; many: one pass over all statuses
        found = conn.execute(_STATUSES_OF, {"ids": case_ids})
    else:
        found = conn.execute(_STATUSES)
    wanted = set(case_ids)
    latest: dict[str, tuple[Status, datetime]] = {}
    for case_id, status, at in found:
        if case_id in wanted:
            latest[case_id] = (Status(status), utc(at))
    return latest


def _latest_status(column: Column[Any]) -> ScalarSelect[Any]:
    s = tables.statuses
    latest = select(column).where(s.c.case_id == tables.cases.c.id).order_by(s.c.entry.desc())
    return latest.limit(1).scalar_subquery()


# a case's columns, its audience as released and its latest status: a case in one statement
_COLUMNS = [
    *as_released(tables.cases),
    _latest_status(tables.statuses.c.status).label("status"),
    _latest_status(tables.statuses.c.created_at).label("status_at"),
]
_CASE = select(*_COLUMNS).where(tables.cases.c.id == bindparam("id"))


def _case(row: dict[str, Any], status: tuple[Status, datetime] | None = None) -> Case:
    """The case of a row; its status from the row (`_COLUMNS`) unless given."""
    if status is None:
        status = (Status(row["status"]), utc(row["status_at"]))
    return Case(
        id=row["id"],
        title=row["title"],
        topic=Topic(row["topic"]),
        lead=row["lead"],
        summary=row["summary"],
        audience=load_audience(row["audience"]),
        created_by=row["created_by"],
        created_at=utc(row["created_at"]),
        status=status[0],
        status_at=status[1],
    )


def _topic(topic: Topic | str) -> Topic:
    try:
        return Topic(topic)
    except ValueError:
        raise InputError(f"topic {topic!r} is not one of {[t.value for t in Topic]}") from None


def _status(status: Status | str) -> Status:
    try:
        return Status(status)
    except ValueError:
        raise InputError(f"status {status!r} is not one of {[s.value for s in Status]}") from None
