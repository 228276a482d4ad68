"""Sources of evidence, with their Admiralty reliability (A-F), graded by whom and when.

A source is added by a contributor or analyst of the originating member; its grade is an
appended `cs_grades` row (the latest counts), so every earlier judgement stays on record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import Audience, Reliability, Role, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.cases.stored import (
    Grade,
    add_grade,
    as_released,
    dump_audience,
    latest_grades,
    load_audience,
    own_audience,
    permitted,
    readable_row,
    utc,
)
from sanctionwatch.errors import ForbiddenError, InputError

ADDERS = (Role.CONTRIBUTOR, Role.ANALYST)
GRADERS = (Role.CONTRIBUTOR, Role.ANALYST, Role.REVIEWER)


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    description: str
    audience: Audience
    created_by: str
    created_at: datetime
    reliability: Reliability | None = None
    graded_by: str | None = None
    graded_at: datetime | None = None


def add(
    conn: Connection,
    actor: User,
    name: str,
    description: str,
    reliability: Reliability | None,
    audience: Audience,
) -> Source:
    """A new source of the actor's member, graded at once when `reliability` is given."""
    if not actor.has(*ADDERS):
        raise ForbiddenError("only a contributor or analyst adds sources")
    if not name.strip():
        raise InputError("a source needs a name")
    values = {
        "id": new_id("src"),
        "name": name.strip()[:255],
        "description": description,
        "audience": dump_audience(own_audience(actor, audience)),
    }
    row = write(conn, actor, tables.sources, values)
    grade = None
    if reliability is not None:
        grade = add_grade(conn, actor, row["id"], Reliability(reliability).value, "when added")
    return _source(row, grade)


def grade_source(
    conn: Connection, actor: User, source_id: str, reliability: Reliability, note: str
) -> Source:
    """A new reliability grade (a cs_grades row: who graded, when, why); the source as graded."""
    get(conn, actor, source_id)
    if not actor.has(*GRADERS):
        raise ForbiddenError("only a contributor, analyst or reviewer grades sources")
    add_grade(conn, actor, source_id, Reliability(reliability).value, note)
    return get(conn, actor, source_id)


def get(conn: Connection, user: User | None, source_id: str) -> Source:
    """The source, if `user` may read it (else the same NotFoundError as for no source)."""
    row = readable_row(conn, user, tables.sources, source_id, "source")
    return _source(row, latest_grades(conn, [source_id]).get(source_id))


def list_sources(conn: Connection, user: User | None) -> list[Source]:
    """The sources `user` may read, oldest first."""
    query = select(*as_released(tables.sources)).order_by(tables.sources.c.entry)
    found = permitted(user, conn.execute(query).mappings())
    grades = latest_grades(conn, [r["id"] for r in found])
    return [_source(r, grades.get(r["id"])) for r in found]


def reliability(grade: Grade | None) -> Reliability | None:
    """A source's reliability from its latest grade (None: not graded)."""
    return None if grade is None else Reliability(grade.value)


def _source(row: dict[str, Any], grade: Grade | None) -> Source:
    return Source(
        id=row["id"],
        name=row["name"],
        description=row["description"],
        audience=load_audience(row["audience"]),
        created_by=row["created_by"],
        created_at=utc(row["created_at"]),
        reliability=reliability(grade),
        graded_by=None if grade is None else grade.by,
        graded_at=None if grade is None else utc(grade.at),
    )
