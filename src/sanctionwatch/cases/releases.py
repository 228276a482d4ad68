"""Releases: widening an object's audience, signed by its originating member.

An object's audience is fixed when it is made (and no wider than its inputs'). Only a
coordinator of the originating member may widen it, by a release: a `cs_releases` row recorded
through the ledger under that coordinator's signature. Views read the latest release
(`stored.released_audience`): afterwards every reader of the new audience may read the object. The
originator stays the same and a release never narrows (what was read cannot be unread).
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from sanctionwatch.cases import access, tables
from sanctionwatch.cases.model import Audience, Role, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.cases.stored import load_audience, released_audience
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError

RELEASABLE = (tables.findings, tables.evidence, tables.sources, tables.cases)


def release(
    conn: Connection, actor: User, target_id: str, audience: Audience, reason: str
) -> Audience:
    """Widen an object's audience to `audience`; the new audience."""
    current = current_audience(conn, actor, target_id)
    if not (actor.has(Role.COORDINATOR) and actor.member == current.originator):
        raise ForbiddenError(f"only a coordinator of {current.originator} releases its objects")
    access.check(audience)
    if audience.originator != current.originator:
        raise InputError("a release keeps the object's originating member")
    if audience == current or not access.narrower(current, audience):
        raise InputError("a release widens the audience: every present reader keeps reading")
    if not reason.strip():
        raise InputError("give the reason for the release")
    values = {
        "id": new_id("release"),
        "target": target_id,
        "audience": json.dumps(audience.to_json()),
        "reason": reason,
    }
    write(conn, actor, tables.releases, values)
    return audience


def current_audience(conn: Connection, user: User | None, target_id: str) -> Audience:
    """The audience an object has now (NotFoundError, the same, if absent or unreadable)."""
    for table in RELEASABLE:
        query = select(released_audience(table)).where(table.c.id == target_id)
        stored = conn.execute(query).scalar()
        if stored is not None:
            audience = load_audience(stored)
            if access.may_read(user, audience):
                return audience
            break
    raise NotFoundError(f"no object {target_id}")
