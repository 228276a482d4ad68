"""Wire schemas of the findings endpoints: drafts, proposals, the standard, votes, retractions."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from sanctionwatch.cases.model import Audience, Choice, Scope, Tlp

Id = Field(max_length=64)
Text = Field(max_length=200_000)
Reason = Field(max_length=10_000)


class AudienceIn(BaseModel):
    scope: Scope
    originator: str = Field(max_length=8)
    members: list[str] = Field(default_factory=list, max_length=64)
    tlp: Tlp = Tlp.AMBER

    def domain(self) -> Audience:
        return Audience(self.scope, self.originator, frozenset(self.members), self.tlp)


class AudienceOut(BaseModel):
    scope: Scope
    originator: str
    members: list[str]
    tlp: Tlp


class FindingIn(BaseModel):
    case_id: str = Id
    title: str = Field(max_length=500)
    text: str = Text
    named: list[str] = Field(default_factory=list, max_length=100)
    audience: AudienceIn


class ProposalIn(BaseModel):
    base_revision_id: str = Id
    text: str = Text
    note: str = Field("", max_length=2000)


class ReplyIn(BaseModel):
    party: str = Field(max_length=255)
    event: Literal["sent", "received", "expired"]
    deadline: datetime | None = Field(None, description="for `sent`: the reply deadline")
    text: str = Field("", max_length=100_000, description="the request or the reply, verbatim")


class VoteIn(BaseModel):
    revision_sha256: str = Field(min_length=64, max_length=64, pattern="^[0-9a-f]{64}$")
    choice: Choice
    statement: str = Field("", max_length=20_000, description="kept verbatim")


class AdoptIn(BaseModel):
    note: str = Field("", max_length=2000)


class RetractionIn(BaseModel):
    target_id: str = Id
    reason: str = Reason


class CorrectionIn(RetractionIn):
    replacement_id: str = Id


class ReleaseIn(BaseModel):
    target_id: str = Id
    audience: AudienceIn
    reason: str = Reason


class MarkOut(BaseModel):
    kind: Literal["retraction", "correction"]
    reason: str
    replacement: str | None
    by: str
    at: datetime


class TargetMarkOut(MarkOut):
    target_id: str


class RevisionOut(BaseModel):
    id: str
    finding_id: str
    number: int
    sha256: str
    base: str | None
    note: str
    created_by: str
    created_at: datetime
    retraction: MarkOut | None
    text: str
    diff: str


class VoteOut(BaseModel):
    member: str
    choice: Choice
    statement: str
    revision_sha256: str
    by: str
    at: datetime


class AdoptionOut(BaseModel):
    revision_sha256: str
    tally: dict[str, int]
    by: str
    at: datetime


class FindingOut(BaseModel):
    id: str
    case_id: str
    title: str
    named: list[str]
    audience: AudienceOut
    state: Literal["draft", "adopted", "retracted", "corrected"]
    created_by: str
    created_at: datetime
    revision: RevisionOut
    retraction: MarkOut | None
    adoption: AdoptionOut | None
    dissents: list[VoteOut]
    citations: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="each cited item as the caller may see it: in full, or only its commitment",
    )


class FindingList(BaseModel):
    findings: list[FindingOut]


class RevisionList(BaseModel):
    revisions: list[RevisionOut]


class DiffOut(BaseModel):
    finding_id: str
    a: str
    b: str
    diff: str


class StandardOut(BaseModel):
    finding_id: str
    revision_id: str
    revision_sha256: str
    ok: bool
    reasons: list[str]


class ReplyStateOut(BaseModel):
    party: str
    deadline: datetime | None
    received: bool
    expired: bool
    done: bool


class TallyOut(BaseModel):
    finding_id: str
    revision_sha256: str
    eligible: list[str]
    votes: list[VoteOut]
    counts: dict[str, int]
    participating: int
    endorsing: int
    quorum_met: bool
    adopted: bool
    recorded: AdoptionOut | None
    threshold: float
    quorum: float
    dissents: list[VoteOut]


class ReleaseOut(BaseModel):
    target_id: str
    audience: AudienceOut
