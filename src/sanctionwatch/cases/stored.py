"""How the investigations' objects sit in their tables: audience columns, readable rows, grades.

Every object read by id goes through `readable_row`, so a missing id and an unreadable one give
the same NotFoundError, word for word. Grades (Admiralty reliability of sources, credibility of
evidence) are appended rows on `cs_grades`; the latest row for a target wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, bindparam, func, select

from sanctionwatch.cases import access, tables
from sanctionwatch.cases.model import Audience, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.errors import InputError, NotFoundError


def dump_audience(audience: Audience) -> str:
    return json.dumps(audience.to_json(), sort_keys=True, separators=(",", ":"))


@lru_cache(maxsize=4096)
def load_audience(text: str) -> Audience:
    """The audience a column holds (parsed once per distinct text: audiences repeat)."""
    data = json.loads(text)
    assert isinstance(data, dict)
    return Audience.from_json(data)


def utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC datetime (SQLite returns naive ones)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def not_found(what: str, object_id: str) -> NotFoundError:
    """The one answer for a missing object and for one the user may not read."""
    return NotFoundError(f"no {what} {object_id}")


def readable_row(
    conn: Connection, user: User | None, table: Table, object_id: str, what: str
) -> dict[str, Any]:
    """The row of `object_id` in `table` if `user` may read it, else NotFoundError."""
    return readable_by_id(conn, user, by_id(table), object_id, what)


def readable_by_id(
    conn: Connection, user: User | None, query: Select[Any], object_id: str, what: str
) -> dict[str, Any]:
    """`readable_row` with a query of one's own: `query` takes `:id` and selects `audience`
    as released (`as_released`), perhaps with more columns."""
    row = conn.execute(query, {"id": object_id}).mappings().first()
    if row is None or not access.may_read(user, load_audience(row["audience"])):
        raise not_found(what, object_id)
    return dict(row)


def released_audience(table: Table) -> ColumnElement[str]:
    """The row's audience as released: its object's latest release, else the one it was made
    with. A correlated subquery, so that a read needs no second statement for releases."""
    r = tables.releases
    latest = select(r.c.audience).where(r.c.target == table.c.id).order_by(r.c.entry.desc())
    return func.coalesce(latest.limit(1).scalar_subquery(), table.c.audience)


def as_released(table: Table) -> list[ColumnElement[Any]]:
    """The table's columns, with `audience` as released (`released_audience`)."""
    kept: list[ColumnElement[Any]] = [c for c in table.c if c.name != "audience"]
    return [*kept, released_audience(table).label("audience")]


@cache
def by_id(table: Table) -> Select[Any]:
    """`SELECT * FROM table WHERE id = :id` with `audience` as released, built once per table
    (reads by id are hot)."""
    return select(*as_released(table)).where(table.c.id == bindparam("id"))


def permitted(user: User | None, rows: Iterable[Any]) -> list[dict[str, Any]]:
    """Of rows whose `audience` is already as released (`as_released`), those `user` may read."""
    return [dict(r) for r in rows if access.may_read(user, load_audience(r["audience"]))]


def own_audience(actor: User, audience: Audience) -> Audience:
    """A checked audience whose originator is the actor's member."""
    access.check(audience)
    if audience.originator != actor.member:
        raise InputError(f"the originator of {actor.name}'s objects is {actor.member}")
    return audience


def within(audience: Audience, allowed: Audience, what: str) -> None:
    """InputError unless `audience` is no wider than `allowed` (derived from `what`)."""
    if not access.narrower(audience, allowed):
        raise InputError(
            f"the audience is wider than {what} allows: at most {allowed.scope}"
            f" {sorted(access.readers(allowed) or ['every party'])} TLP:{allowed.tlp}"
        )


@dataclass(frozen=True)
class Grade:
    value: str
    by: str
    at: datetime
    note: str


def add_grade(conn: Connection, actor: User, target: str, value: str, note: str) -> Grade:
    row = write(
        conn,
        actor,
        tables.grades,
        {"id": new_id("grade"), "target": target, "grade": value, "note": note},
    )
    return Grade(value, actor.name, row["created_at"], note)


def latest_grades(conn: Connection, targets: Iterable[str]) -> dict[str, Grade]:
    """The latest grade of each target that has one."""
    wanted = list(set(targets))
    if not wanted:
        return {}
    query = select(tables.grades).where(tables.grades.c.target.in_(wanted))
    found: dict[str, Grade] = {}
    for r in conn.execute(query.order_by(tables.grades.c.entry)).mappings():
        found[r["target"]] = Grade(r["grade"], r["created_by"], utc(r["created_at"]), r["note"])
    return found
