"""Findings over HTTP: drafts, proposals, diffs, the evidence standard, replies, votes,
adoption, retractions, corrections and releases.

Reads take the `Caller` (None: the public) and answer 404 alike for a missing object and one
the caller may not read; writes take the `Actor` and run in one transaction with their ledger
entry.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import Connection

from sanctionwatch.api.auth import Actor, Caller, engine, reader
from sanctionwatch.api.finding_schemas import (
    AdoptIn,
    AdoptionOut,
    CorrectionIn,
    DiffOut,
    FindingIn,
    FindingList,
    FindingOut,
    ProposalIn,
    ReleaseIn,
    ReleaseOut,
    ReplyIn,
    ReplyStateOut,
    RetractionIn,
    RevisionList,
    RevisionOut,
    StandardOut,
    TallyOut,
    TargetMarkOut,
    VoteIn,
    VoteOut,
)
from sanctionwatch.cases import (
    citations,
    cited,
    findings,
    proposals,
    releases,
    replies,
    retractions,
    standard,
    votes,
)
from sanctionwatch.cases.findings import Finding
from sanctionwatch.cases.model import User
from sanctionwatch.errors import InputError

router = APIRouter(tags=["findings"])
IdQ = Annotated[str, Query(max_length=64)]


def _out(conn: Connection, user: User | None, finding: Finding) -> FindingOut:
    ids = citations.cited(finding.revision.text)
    views = cited.citation_views(conn, user, ids)
    return FindingOut.model_validate({**finding.to_json(), "citations": views})


@router.post("/findings", status_code=201)
async def draft(request: Request, actor: Actor, body: FindingIn) -> FindingOut:
    """Draft a finding of a case (an analyst); its first revision holds the text."""
    with engine(request).begin() as conn:
        made = findings.draft(
            conn, actor, body.case_id, body.title, body.text, body.named, body.audience.domain()
        )
        return _out(conn, actor, made)


@router.get("/findings")
async def list_findings(
    request: Request, caller: Caller, case_id: Annotated[str | None, Query(max_length=64)] = None
) -> FindingList:
    """The findings the caller may read, of one case if given."""
    with reader(request).connect() as conn:
        found = findings.list_findings(conn, caller, case_id)
        return FindingList(findings=[_out(conn, caller, f) for f in found])


@router.get("/findings/{finding_id}")
async def get(request: Request, caller: Caller, finding_id: str) -> FindingOut:
    """One finding: its latest revision, retraction, adoption and dissents verbatim."""
    with reader(request).connect() as conn:
        return _out(conn, caller, findings.get(conn, caller, finding_id))


@router.get("/findings/{finding_id}/revisions")
async def revision_list(request: Request, caller: Caller, finding_id: str) -> RevisionList:
    """Every revision: full text, SHA-256 and the diff against its base."""
    with reader(request).connect() as conn:
        found = proposals.history(conn, caller, finding_id)
    return RevisionList(revisions=[RevisionOut.model_validate(r.to_json()) for r in found])


@router.post("/findings/{finding_id}/proposals", status_code=201)
async def propose(request: Request, actor: Actor, finding_id: str, body: ProposalIn) -> RevisionOut:
    """A new revision against a named base, which must be the latest (else 400: rebase)."""
    with engine(request).begin() as conn:
        made = proposals.propose(
            conn, actor, finding_id, body.base_revision_id, body.text, body.note
        )
    return RevisionOut.model_validate(made.to_json())


@router.get("/findings/{finding_id}/diff")
async def diff(request: Request, caller: Caller, finding_id: str, a: IdQ, b: IdQ) -> DiffOut:
    """The unified diff between two revisions (ids or numbers)."""
    with reader(request).connect() as conn:
        text = proposals.diff(conn, caller, finding_id, a, b)
    return DiffOut(finding_id=finding_id, a=a, b=b, diff=text)


@router.get("/findings/{finding_id}/standard")
async def check_standard(
    request: Request,
    caller: Caller,
    finding_id: str,
    revision: Annotated[str | None, Query(max_length=64)] = None,
) -> StandardOut:
    """Whether a revision (default: the latest) meets the evidence standard, and what is missing."""
    with reader(request).connect() as conn:
        report = standard.check(conn, caller, finding_id, revision)
    return StandardOut.model_validate(report.to_json())


@router.post("/findings/{finding_id}/replies", status_code=201)
async def reply(request: Request, actor: Actor, finding_id: str, body: ReplyIn) -> ReplyStateOut:
    """Record a request for reply (with its deadline), a reply, or a passed deadline."""
    with engine(request).begin() as conn:
        if body.event == "sent":
            if body.deadline is None:
                raise InputError("a request for reply needs its deadline")
            state = replies.send_reply_request(
                conn, actor, finding_id, body.party, body.deadline, body.text
            )
        elif body.event == "received":
            state = replies.record_reply(conn, actor, finding_id, body.party, body.text)
        else:
            state = replies.record_expiry(conn, actor, finding_id, body.party)
    return ReplyStateOut.model_validate(state.to_json())


@router.post("/findings/{finding_id}/votes", status_code=201)
async def vote(request: Request, actor: Actor, finding_id: str, body: VoteIn) -> VoteOut:
    """A delegate's vote for its member on the latest text (named by its SHA-256)."""
    with engine(request).begin() as conn:
        cast = votes.vote(
            conn, actor, finding_id, body.revision_sha256, body.choice, body.statement
        )
    return VoteOut.model_validate(cast.to_json())


@router.get("/findings/{finding_id}/tally")
async def tally(request: Request, caller: Caller, finding_id: str) -> TallyOut:
    """The count on the text, each member's vote, dissents verbatim, and the rule's verdict."""
    with reader(request).connect() as conn:
        return TallyOut.model_validate(votes.tally(conn, caller, finding_id).to_json())


@router.post("/findings/{finding_id}/adopt", status_code=201)
async def adopt(request: Request, actor: Actor, finding_id: str, body: AdoptIn) -> AdoptionOut:
    """Record the adoption the vote carried (a coordinator of the case's lead member)."""
    with engine(request).begin() as conn:
        made = votes.adopt(conn, actor, finding_id, body.note)
    return AdoptionOut.model_validate(made.to_json())


@router.post("/retractions", status_code=201)
async def retract(request: Request, actor: Actor, body: RetractionIn) -> TargetMarkOut:
    """Retract a finding, a revision or an evidence item."""
    with engine(request).begin() as conn:
        mark = retractions.retract(conn, actor, body.target_id, body.reason)
    return _mark(body.target_id, mark.to_json())


@router.post("/corrections", status_code=201)
async def correct(request: Request, actor: Actor, body: CorrectionIn) -> TargetMarkOut:
    """Correct a finding, a revision or an evidence item by a replacement of the same kind."""
    with engine(request).begin() as conn:
        mark = retractions.correct(conn, actor, body.target_id, body.reason, body.replacement_id)
    return _mark(body.target_id, mark.to_json())


@router.post("/releases", status_code=201)
async def release(request: Request, actor: Actor, body: ReleaseIn) -> ReleaseOut:
    """Widen an object's audience (a coordinator of its originating member)."""
    with engine(request).begin() as conn:
        wider = releases.release(conn, actor, body.target_id, body.audience.domain(), body.reason)
    return ReleaseOut.model_validate({"target_id": body.target_id, "audience": wider.to_json()})


def _mark(target_id: str, data: dict[str, Any]) -> TargetMarkOut:
    return TargetMarkOut.model_validate({**data, "target_id": target_id})
