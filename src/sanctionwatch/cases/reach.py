"""Who can read what, in columns SQL filters on: lists and counts page in the database.

`cs_reach` holds each object's audience as released (scope, originator, named members). It
is derived data: `record.write` keeps it with every object and release, and `rebuild` remakes
it from the logged rows. `visible(user)` is `access.may_read` as a SQL condition; the property
tests hold the two to the same answers, and every read path still asks `can_read` of the rows
it returns, so the index can narrow a query but never widen what a user sees.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, delete, insert, or_, select, update

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import Audience, Scope, User


def keep(conn: Connection, table: Table, row: Mapping[str, Any]) -> None:
    """Index a new row: an object with an audience, or a release of one."""
    if table is tables.releases:
        values = columns_of(_audience(row["audience"]))
        conn.execute(update(tables.reach).where(tables.reach.c.target == row["target"]), values)
    elif table in tables.WITH_AUDIENCE:
        values = columns_of(_audience(row["audience"]))
        conn.execute(insert(tables.reach).values(target=row["id"], **values))


def visible(user: User | None) -> ColumnElement[bool]:
    """The condition on `cs_reach` that holds where `user` (None: the public) may read."""
    r = tables.reach.c
    public = r.scope == Scope.PUBLIC.value
    if user is None:
        return public
    return or_(
        public,
        r.scope == Scope.ALL.value,
        r.originator == user.member,
        r.members.contains(f"|{user.member}|", autoescape=True),
    )


def rebuild(conn: Connection) -> int:
    """Remake the index from the logged rows (each object's latest release wins); its size."""
    conn.execute(delete(tables.reach))
    t = tables.releases
    released = dict(conn.execute(select(t.c.target, t.c.audience).order_by(t.c.entry)).all())
    rows = []
    for table in tables.WITH_AUDIENCE:
        for object_id, text in conn.execute(select(table.c.id, table.c.audience)):
            audience = _audience(released.get(object_id, text))
            rows.append({"target": object_id, **columns_of(audience)})
    if rows:
        conn.execute(insert(tables.reach), rows)
    return len(rows)


def _audience(text: str) -> Audience:
    data = json.loads(text)
    assert isinstance(data, dict)
    return Audience.from_json(data)


def columns_of(audience: Audience) -> dict[str, str]:
    """The index columns of an audience."""
    members = "|" + "|".join(sorted(audience.members)) + "|" if audience.members else ""
    return {"scope": audience.scope.value, "originator": audience.originator, "members": members}
