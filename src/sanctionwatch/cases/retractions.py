"""Retracting and correcting findings, revisions and evidence.

A retraction or a correction is itself a recorded row (`cs_retractions`), never an edit: every
view applies it (`cases.marks`). A retracted finding shows as retracted with the reason; a
retracted or corrected evidence item stops counting for the evidence standard, so findings
citing it fail the check until they cite something else; a correction names its replacement.
Only a coordinator of the originating member (for a finding or its revisions, also of the
case's lead member) may retract or correct, and only what it may read.
"""

from __future__ import annotations

from contextlib import suppress

from sqlalchemy import Connection, Table, select

from sanctionwatch.cases import casework, evidence, findings, marks, tables
from sanctionwatch.cases.marks import CORRECTION, RETRACTION, Mark
from sanctionwatch.cases.model import Role, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError


def retract(conn: Connection, actor: User, target_id: str, reason: str) -> Mark:
    """Withdraw a finding, a revision or an evidence item, saying why."""
    return _mark(conn, actor, target_id, reason, RETRACTION, None)


def correct(
    conn: Connection, actor: User, target_id: str, reason: str, replacement_id: str
) -> Mark:
    """Replace a finding, a revision or an evidence item by another of the same kind."""
    return _mark(conn, actor, target_id, reason, CORRECTION, replacement_id)


def _mark(
    conn: Connection, actor: User, target_id: str, reason: str, kind: str, replacement: str | None
) -> Mark:
    what, owners = target(conn, actor, target_id)
    if not (actor.has(Role.COORDINATOR) and actor.member in owners):
        raise ForbiddenError(f"only a coordinator of {' or '.join(sorted(owners))} may do this")
    if not reason.strip():
        raise InputError("give the reason")
    if marks.retraction(conn, target_id) is not None:
        raise InputError(f"{target_id} is already retracted or corrected")
    if replacement is not None and (
        replacement == target_id or target(conn, actor, replacement)[0] != what
    ):
        raise InputError(f"a {what} is corrected by another {what}")
    values = {
        "id": new_id("retract"),
        "target": target_id,
        "kind": kind,
        "reason": reason,
        "replacement": replacement,
    }
    row = write(conn, actor, tables.retractions, values)
    return Mark(kind, reason, replacement, actor.name, row["created_at"])


def target(conn: Connection, user: User, object_id: str) -> tuple[str, set[str]]:
    """What kind of object an id is and which members own it (NotFoundError if unreadable)."""
    try:
        if _has(tables.findings, conn, object_id):
            return "finding", _owners(conn, user, object_id)
        finding_id = _revision_of(conn, object_id)
        if finding_id is not None:
            return "revision", _owners(conn, user, finding_id)
        if _has(tables.evidence, conn, object_id):
            return "evidence", {evidence.get(conn, user, object_id).audience.originator}
    except NotFoundError:
        pass
    raise NotFoundError(f"no object {object_id}")


def _owners(conn: Connection, user: User, finding_id: str) -> set[str]:
    finding = findings.get(conn, user, finding_id)
    owners = {finding.audience.originator}
    with suppress(NotFoundError):  # a finding released wider than its case: its originator
        owners.add(casework.get(conn, user, finding.case_id).lead)
    return owners


def _has(table: Table, conn: Connection, object_id: str) -> bool:
    return conn.execute(select(table.c.id).where(table.c.id == object_id)).first() is not None


def _revision_of(conn: Connection, revision_id: str) -> str | None:
    t = tables.revisions
    found = conn.execute(select(t.c.finding_id).where(t.c.id == revision_id)).scalar()
    return None if found is None else str(found)
