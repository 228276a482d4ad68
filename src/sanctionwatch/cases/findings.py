"""Findings: what the panel states about a case, in revisions, cited sentence by sentence.

A finding belongs to a case; its audience is no wider than the case's nor than any evidence its
text cites (`access.narrower`), until its originating member releases it (`cases.releases`).
It names the states and entities it concerns (each is owed a right of reply, `cases.replies`).
Its text lives in revisions (`cases.revisions`; changes through `cases.proposals`), cited as
`cases.citations` describes. The view of a finding applies every later row: its latest
revision, a retraction or correction, an adoption and, with it, the dissents verbatim.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.cases import access, ballots, casework, citations, evidence, marks, tables
from sanctionwatch.cases.model import Audience, Role, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.cases.revisions import Revision, marked, store
from sanctionwatch.cases.stored import as_released, load_audience, readable_row
from sanctionwatch.errors import ForbiddenError, InputError


@dataclass(frozen=True)
class Finding:
    id: str
    case_id: str
    title: str
    named: tuple[str, ...]  # states and entities owed a right of reply
    audience: Audience
    created_by: str
    created_at: datetime
    revision: Revision  # the latest
    retraction: marks.Mark | None = None
    adoption: ballots.Adoption | None = None
    dissents: tuple[ballots.Vote, ...] = ()  # with the adopted text, verbatim

    @property
    def state(self) -> str:
        if self.retraction is not None:
            return "retracted" if self.retraction.kind == marks.RETRACTION else "corrected"
        return "adopted" if self.adoption is not None else "draft"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "case_id": self.case_id,
            "title": self.title,
            "named": list(self.named),
            "audience": self.audience.to_json(),
            "state": self.state,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
            "revision": self.revision.to_json(),
            "retraction": self.retraction.to_json() if self.retraction else None,
            "adoption": self.adoption.to_json() if self.adoption else None,
            "dissents": [d.to_json() for d in self.dissents],
        }


def draft(
    conn: Connection,
    actor: User,
    case_id: str,
    title: str,
    text: str,
    named: Iterable[str],
    audience: Audience,
) -> Finding:
    """A new finding of a case, by an analyst who may read the case, with its first revision."""
    case = casework.get(conn, actor, case_id)
    if not actor.has(Role.ANALYST):
        raise ForbiddenError("only an analyst drafts findings")
    access.check(audience)
    if audience.originator != actor.member:
        raise InputError("a finding's originator is the drafting analyst's member")
    if not access.narrower(audience, case.audience):
        raise InputError("a finding's audience must stay within its case's audience")
    check_cites(conn, actor, audience, text)
    if not title.strip():
        raise InputError("a finding needs a title")
    finding_id = new_id("fnd")
    values = {
        "id": finding_id,
        "case_id": case.id,
        "title": title.strip(),
        "named": json.dumps(_named(named)),
        "audience": json.dumps(audience.to_json()),
    }
    write(conn, actor, tables.findings, values)
    store(conn, actor, finding_id, text, None, "first draft")
    return get(conn, actor, finding_id)


def check_cites(conn: Connection, actor: User, audience: Audience, text: str) -> None:
    """Every cited item exists, `actor` may read it and every reader of `audience` could."""
    if not text.strip():
        raise InputError("a finding's text may not be empty")
    for evidence_id in citations.cited(text):
        item = evidence.get(conn, actor, evidence_id)
        if not access.narrower(audience, item.audience):
            raise InputError(
                f"[ev:{evidence_id}] may not be read by every reader of this finding:"
                " narrow the finding's audience or have the evidence released"
            )


def get(conn: Connection, user: User | None, finding_id: str) -> Finding:
    """The finding as `user` may see it (NotFoundError if it does not exist or is not theirs)."""
    row = readable_row(conn, user, tables.findings, finding_id, "finding")
    return _view(conn, row, load_audience(row["audience"]))


def list_findings(conn: Connection, user: User | None, case_id: str | None = None) -> list[Finding]:
    """The findings `user` may read (of one case), oldest first."""
    t = tables.findings
    query = select(*as_released(t)).order_by(t.c.created_at, t.c.id)
    if case_id is not None:
        query = query.where(t.c.case_id == case_id)
    seen = [(dict(r), load_audience(r["audience"])) for r in conn.execute(query).mappings()]
    return [_view(conn, r, audience) for r, audience in seen if access.may_read(user, audience)]


def _view(conn: Connection, row: dict[str, Any], audience: Audience) -> Finding:
    """The finding as it stands, `audience` as released."""
    adoption = ballots.adoption(conn, row["id"])
    dissents = (
        () if adoption is None else ballots.dissents(conn, row["id"], adoption.revision_sha256)
    )
    revisions, retraction = marked(conn, row["id"])
    return Finding(
        row["id"],
        row["case_id"],
        row["title"],
        tuple(json.loads(row["named"])),
        audience,
        row["created_by"],
        row["created_at"],
        revisions[-1],
        retraction,
        adoption,
        tuple(dissents),
    )


def _named(named: Iterable[str]) -> list[str]:
    names = list(dict.fromkeys(n.strip() for n in named if n.strip()))
    if any(len(n) > 255 for n in names):
        raise InputError("a named state or entity is at most 255 characters")
    return names
