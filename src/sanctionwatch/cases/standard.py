"""The evidence standard a revision must meet before the members may vote on it.

Checked by code, claim by claim, with every shortfall said in plain English:

1. Every sentence that states a fact cites evidence (`cases.citations` says which do).
2. Each cited claim rests on at least two independent items, or on one document or image
   graded B2 or better (its source's reliability A or B, its credibility 1 or 2). Two items are
   independent when different members contributed them, they come from different sources, and
   neither is derived from the other nor both from a common item (`evidence.lineage`). A
   retracted or corrected item counts for nothing; nor does one the checking user cannot read.
3. Every state or entity the finding names has had its right of reply: a request was sent and
   a reply received or its deadline recorded as passed (`cases.replies`).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.cases import citations, evidence, findings, marks, replies, revisions
from sanctionwatch.cases.citations import Sentence
from sanctionwatch.cases.model import DOCUMENTARY, Credibility, Reliability, User
from sanctionwatch.errors import NotFoundError

GOOD_SOURCE = frozenset({Reliability.A, Reliability.B})
GOOD_INFO = frozenset({Credibility.CONFIRMED, Credibility.PROBABLY_TRUE})


@dataclass(frozen=True)
class StandardReport:
    finding_id: str
    revision_id: str
    revision_sha256: str
    ok: bool
    reasons: tuple[str, ...]  # what is missing, in plain English; empty when ok

    def to_json(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id,
            "revision_id": self.revision_id,
            "revision_sha256": self.revision_sha256,
            "ok": self.ok,
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True)
class _Item:
    id: str
    member: str
    source_id: str
    documentary_b2: bool
    ancestry: frozenset[str]  # the item and everything it derives from


def check(
    conn: Connection, user: User | None, finding_id: str, revision_id: str | None = None
) -> StandardReport:
    """Whether a revision (default: the latest) meets the standard, and if not, why not."""
    finding = findings.get(conn, user, finding_id)
    revision = (
        finding.revision if revision_id is None else revisions.find(conn, finding_id, revision_id)
    )
    reasons = [*_marks(finding, revision)]
    items: dict[str, _Item | str] = {}
    for sentence in citations.citations(revision.text):
        if sentence.factual:
            reasons += _claim(conn, user, sentence, items)
    reasons += _replies(conn, finding)
    return StandardReport(finding.id, revision.id, revision.sha256, not reasons, tuple(reasons))


def _marks(finding: findings.Finding, revision: revisions.Revision) -> list[str]:
    found = []
    if finding.retraction is not None:
        found.append(f"the finding was {finding.state}: {finding.retraction.reason}")
    if revision.retraction is not None:
        found.append(f"revision {revision.number} was retracted: {revision.retraction.reason}")
    return found


def _claim(
    conn: Connection, user: User | None, sentence: Sentence, items: dict[str, _Item | str]
) -> list[str]:
    where = f'sentence {sentence.number} ("{sentence.short}")'
    if not sentence.cites:
        return [f"{where} states a fact but cites no evidence"]
    problems, usable = [], []
    for evidence_id in sentence.cites:
        if evidence_id not in items:
            items[evidence_id] = _item(conn, user, evidence_id)
        item = items[evidence_id]
        if isinstance(item, str):
            problems.append(f"{where} cites [ev:{evidence_id}], which {item}")
        else:
            usable.append(item)
    if not any(i.documentary_b2 for i in usable) and not _independent_pair(usable):
        problems.append(f"{where} {_shortfall(usable)}")
    return problems


def _item(conn: Connection, user: User | None, evidence_id: str) -> _Item | str:
    """The facts the standard needs about a cited item, or why it does not count."""
    try:
        found = evidence.get(conn, user, evidence_id)
    except NotFoundError:
        return "does not exist or which you may not read"
    mark = marks.retraction(conn, evidence_id)
    if mark is not None:
        instead = f" (cite {mark.replacement} instead)" if mark.replacement else ""
        return f"was {mark.kind.removesuffix('ion')}ed: {mark.reason}{instead}"
    graded = found.reliability in GOOD_SOURCE and found.credibility in GOOD_INFO
    return _Item(
        found.id,
        found.audience.originator,
        found.source_id,
        found.kind in DOCUMENTARY and graded,
        frozenset({found.id, *evidence.lineage(conn, found.id)}),
    )


def _independent(a: _Item, b: _Item) -> bool:
    return a.member != b.member and a.source_id != b.source_id and not (a.ancestry & b.ancestry)


def _independent_pair(usable: list[_Item]) -> bool:
    return any(_independent(a, b) for a, b in combinations(usable, 2))


def _shortfall(usable: list[_Item]) -> str:
    need = (
        "; it needs two independent items (from different members and different sources,"
        " neither derived from the other) or one document or image graded B2 or better"
    )
    if not usable:
        return "has no evidence that counts" + need
    if len(usable) == 1:
        return f"rests on one item only ([ev:{usable[0].id}], not a document graded B2+)" + need
    a, b = usable[0], usable[1]
    if a.member == b.member:
        why = f"come from the same member ({a.member})"
    elif a.source_id == b.source_id:
        why = "come from the same source"
    else:
        why = "are derived one from the other or from a common item"
    return f"cites items that are not independent ([ev:{a.id}] and [ev:{b.id}] {why})" + need


def _replies(conn: Connection, finding: findings.Finding) -> list[str]:
    found = []
    for party, state in replies.states(conn, finding.id, list(finding.named)).items():
        if state.deadline is None:
            found.append(f"{party} was not sent a request for reply")
        elif not state.done:
            found.append(
                f"{party} has not replied and its deadline ({state.deadline.date()})"
                " is not recorded as passed"
            )
    return found
