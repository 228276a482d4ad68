"""Changing a finding's text: proposals against a named revision, history, diffs.

A proposal names the revision it was written against and must name the latest one: if the
text moved on meanwhile, the proposer rebases (reads the latest, re-applies their change) and
proposes again, so no change is silently lost or silently overwritten. Each stored revision
keeps the full text, its SHA-256 and the unified diff against its base.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from sanctionwatch.cases import findings, revisions
from sanctionwatch.cases.model import Role, User
from sanctionwatch.cases.revisions import Revision
from sanctionwatch.errors import ForbiddenError, InputError


def propose(
    conn: Connection, actor: User, finding_id: str, base_revision_id: str, new_text: str, note: str
) -> Revision:
    """A new revision of the finding, made against `base_revision_id` (which must be latest)."""
    finding = findings.get(conn, actor, finding_id)
    if not actor.has(Role.ANALYST, Role.REVIEWER):
        raise ForbiddenError("only an analyst or a reviewer proposes changes to a finding")
    if finding.state != "draft":
        raise InputError(f"the finding is {finding.state}: its text is no longer changed")
    base = revisions.find(conn, finding_id, base_revision_id)
    if base.id != finding.revision.id:
        raise InputError(
            f"revision {base.number} is not the latest (revision {finding.revision.number},"
            f" {finding.revision.id} is): rebase the proposal on it"
        )
    if new_text == base.text:
        raise InputError("the proposal does not change the text")
    findings.check_cites(conn, actor, finding.audience, new_text)
    try:
        return revisions.store(conn, actor, finding_id, new_text, base, note)
    except IntegrityError:  # another proposal on the same base committed first; the caller's
        # transaction rolls back with this error
        raise InputError("the finding changed meanwhile: rebase the proposal") from None


def history(conn: Connection, user: User | None, finding_id: str) -> list[Revision]:
    """Every revision of a finding `user` may read, oldest first."""
    findings.get(conn, user, finding_id)
    return revisions.all_for(conn, finding_id)


def diff(conn: Connection, user: User | None, finding_id: str, a: str, b: str) -> str:
    """The unified diff from revision `a` to revision `b` (ids or numbers)."""
    findings.get(conn, user, finding_id)
    old, new = revisions.find(conn, finding_id, a), revisions.find(conn, finding_id, b)
    return revisions.unified(old.text, new.text, f"revision {old.number}", f"revision {new.number}")
