"""Votes on findings and their adoption.

A delegate votes for its member on one text, named by its SHA-256: endorse, endorse with
reservation, dissent or abstain, each with an optional statement kept verbatim. Only the
latest revision may be voted on, and only once it meets the evidence standard
(`cases.standard`); a member's latest vote on a text counts, and a vote on an earlier text
does not count for a later one (a changed text needs a new vote).

The adoption rule (settings `adoption_threshold`, `adoption_quorum`): of the voting members who
may read the finding, at least the quorum share must have voted (abstaining counts); then the
endorsements (with or without reservation) must reach the threshold share of the members who
took part (all but the abstainers), compared at four decimals. A coordinator of the case's
lead member records the adoption, which moves the case to `adopted`; the dissents are kept
with the adopted finding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.cases import access, ballots, casework, findings, parties, standard, tables
from sanctionwatch.cases.ballots import Adoption, Vote
from sanctionwatch.cases.model import Choice, Role, Status, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.errors import ForbiddenError, InputError
from sanctionwatch.settings import get_settings

ENDORSING = frozenset({Choice.ENDORSE, Choice.RESERVATION})


@dataclass(frozen=True)
class Tally:
    finding_id: str
    revision_sha256: str  # the text counted: the adopted one, else the latest
    eligible: tuple[str, ...]  # voting members who may read the finding
    votes: tuple[Vote, ...]  # each member's latest vote on this text
    counts: dict[str, int]  # by choice
    participating: int  # voted anything but abstain
    endorsing: int  # endorse, with or without reservation
    quorum_met: bool
    adopted: bool  # the rule is met (see `recorded` for the adoption itself)
    recorded: Adoption | None
    threshold: float
    quorum: float

    @property
    def dissents(self) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.choice is Choice.DISSENT)

    def to_json(self) -> dict[str, Any]:
        return {
            "finding_id": self.finding_id,
            "revision_sha256": self.revision_sha256,
            "eligible": list(self.eligible),
            "votes": [v.to_json() for v in self.votes],
            "counts": self.counts,
            "participating": self.participating,
            "endorsing": self.endorsing,
            "quorum_met": self.quorum_met,
            "adopted": self.adopted,
            "recorded": self.recorded.to_json() if self.recorded else None,
            "threshold": self.threshold,
            "quorum": self.quorum,
            "dissents": [v.to_json() for v in self.dissents],
        }


def vote(
    conn: Connection,
    actor: User,
    finding_id: str,
    revision_sha256: str,
    choice: Choice,
    statement: str = "",
) -> Vote:
    """A delegate's vote for its member on the finding's latest text."""
    finding = findings.get(conn, actor, finding_id)
    if not actor.has(Role.DELEGATE) or actor.member not in parties.voting_members(conn):
        raise ForbiddenError("only a delegate of a member state votes")
    if finding.state != "draft":
        raise InputError(f"the finding is {finding.state}: voting is closed")
    if revision_sha256 != finding.revision.sha256:
        raise InputError(
            f"votes are cast on the latest text, revision {finding.revision.number}"
            f" (sha256 {finding.revision.sha256})"
        )
    report = standard.check(conn, actor, finding_id)
    if not report.ok:
        raise InputError(
            "the text does not meet the evidence standard: " + "; ".join(report.reasons)
        )
    values = {
        "id": new_id("vote"),
        "finding_id": finding_id,
        "revision_sha256": revision_sha256,
        "member": actor.member,
        "choice": Choice(choice).value,
        "statement": statement,
    }
    row = write(conn, actor, tables.votes, values)
    return Vote(
        actor.member, Choice(choice), statement, revision_sha256, actor.name, row["created_at"]
    )


def tally(conn: Connection, user: User | None, finding_id: str) -> Tally:
    """The count on the adopted text, else on the latest, and whether the rule is met."""
    finding = findings.get(conn, user, finding_id)
    sha = finding.adoption.revision_sha256 if finding.adoption else finding.revision.sha256
    allowed = access.readers(finding.audience)
    eligible = tuple(m for m in parties.voting_members(conn) if allowed is None or m in allowed)
    cast = [v for m, v in ballots.latest_votes(conn, finding_id, sha).items() if m in eligible]
    counts = {c.value: sum(v.choice is c for v in cast) for c in Choice}
    participating = len(cast) - counts[Choice.ABSTAIN.value]
    endorsing = sum(v.choice in ENDORSING for v in cast)
    settings = get_settings()
    quorum_met = bool(eligible) and _share(len(cast), len(eligible)) >= round(
        settings.adoption_quorum, 4
    )
    adopted = quorum_met and _share(endorsing, participating) >= round(
        settings.adoption_threshold, 4
    )
    return Tally(
        finding_id,
        sha,
        eligible,
        tuple(cast),
        counts,
        participating,
        endorsing,
        quorum_met,
        adopted,
        finding.adoption,
        settings.adoption_threshold,
        settings.adoption_quorum,
    )


def adopt(conn: Connection, actor: User, finding_id: str, note: str = "") -> Adoption:
    """Record the adoption of a finding whose latest text the vote carried."""
    finding = findings.get(conn, actor, finding_id)
    case = casework.get(conn, actor, finding.case_id)
    if not (actor.has(Role.COORDINATOR) and actor.member == case.lead):
        raise ForbiddenError("only a coordinator of the case's lead member adopts its findings")
    if finding.state != "draft":
        raise InputError(f"the finding is {finding.state}")
    if case.status is not Status.IN_REVIEW:
        raise InputError(f"the case is {case.status}: findings are adopted while it is in review")
    counted = tally(conn, actor, finding_id)
    if not counted.adopted:
        raise InputError(_not_carried(counted))
    report = standard.check(conn, actor, finding_id)
    if not report.ok:
        raise InputError(
            "the text no longer meets the evidence standard: " + "; ".join(report.reasons)
        )
    summary = {k: counted.counts[k] for k in sorted(counted.counts)}
    values = {
        "id": new_id("adopt"),
        "finding_id": finding_id,
        "revision_sha256": counted.revision_sha256,
        "tally": json.dumps({**summary, "eligible": len(counted.eligible)}, sort_keys=True),
    }
    write(conn, actor, tables.adoptions, values)
    text = note or f"finding {finding_id} adopted ({counted.endorsing}/{counted.participating})"
    casework.set_status(conn, actor, case.id, Status.ADOPTED, text, system=True)
    adoption = ballots.adoption(conn, finding_id)
    assert adoption is not None
    return adoption


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _not_carried(t: Tally) -> str:
    if not t.quorum_met:
        voted = len(t.votes)
        return f"no quorum: {voted} of {len(t.eligible)} members voted (needs {t.quorum:.0%})"
    return (
        f"not carried: {t.endorsing} of {t.participating} participating members endorse"
        f" (needs {t.threshold:.2%})"
    )
