"""Wire schemas of the sources, evidence and cases endpoints (audiences as for findings)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from sanctionwatch.api.finding_schemas import AudienceIn, AudienceOut
from sanctionwatch.cases.casework import Case, Change
from sanctionwatch.cases.evidence import Evidence
from sanctionwatch.cases.links import Link, LinkKind
from sanctionwatch.cases.model import (
    Audience,
    Credibility,
    EvidenceKind,
    Reliability,
    Status,
    Topic,
)
from sanctionwatch.cases.sources import Source

Id = Field(max_length=64)
Note = Field("", max_length=10_000)


def audience_out(audience: Audience) -> AudienceOut:
    return AudienceOut(
        scope=audience.scope,
        originator=audience.originator,
        members=sorted(audience.members),
        tlp=audience.tlp,
    )


class SourceIn(BaseModel):
    name: str = Field(max_length=255)
    description: str = Field("", max_length=10_000)
    reliability: Reliability | None = None
    audience: AudienceIn


class ReliabilityIn(BaseModel):
    reliability: Reliability
    note: str = Note


class SourceOut(BaseModel):
    id: str
    name: str
    description: str
    audience: AudienceOut
    created_by: str
    created_at: datetime
    reliability: Reliability | None
    graded_by: str | None
    graded_at: datetime | None

    @classmethod
    def of(cls, s: Source) -> SourceOut:
        return cls(**{**s.__dict__, "audience": audience_out(s.audience)})


class SourceList(BaseModel):
    sources: list[SourceOut]


class EvidenceMeta(BaseModel):
    """The `metadata` part of an evidence upload (a JSON object)."""

    kind: EvidenceKind
    title: str = Field(max_length=500)
    source_id: str = Id
    audience: AudienceIn
    media_type: str | None = Field(
        None, max_length=128, description="default: the file part's Content-Type"
    )
    obtained_at: datetime | None = Field(None, description="with its time zone; default: now")
    derived_from: list[str] = Field(default_factory=list, max_length=100)
    ref: str | None = Field(None, max_length=500)
    credibility: Credibility | None = None


class CredibilityIn(BaseModel):
    credibility: Credibility
    note: str = Note


class EvidenceOut(BaseModel):
    id: str
    kind: EvidenceKind
    title: str
    source_id: str
    sha256: str
    media_type: str
    size: int
    obtained_at: datetime
    derived_from: list[str]
    ref: str | None
    audience: AudienceOut
    created_by: str
    created_at: datetime
    credibility: Credibility | None
    reliability: Reliability | None
    graded_by: str | None
    graded_at: datetime | None

    @classmethod
    def of(cls, e: Evidence) -> EvidenceOut:
        values = {**e.__dict__, "derived_from": list(e.derived_from)}
        return cls(**{**values, "audience": audience_out(e.audience)})


class EvidenceList(BaseModel):
    evidence: list[EvidenceOut]


class CaseIn(BaseModel):
    title: str = Field(max_length=500)
    topic: Topic
    summary: str = Field("", max_length=50_000)
    audience: AudienceIn


class StatusIn(BaseModel):
    status: Status = Field(description="the next status; 'adopted' comes only from a vote")
    note: str = Note


class LinkIn(BaseModel):
    kind: LinkKind
    ref: str = Field(max_length=500, description="entity id, imo:/mmsi: number, event id...")
    note: str = Note


class LinkOut(BaseModel):
    id: str
    case_id: str
    kind: LinkKind
    ref: str
    note: str
    created_by: str
    created_at: datetime

    @classmethod
    def of(cls, link: Link) -> LinkOut:
        return cls(**link.__dict__)


class CaseOut(BaseModel):
    id: str
    title: str
    topic: Topic
    lead: str
    summary: str
    audience: AudienceOut
    created_by: str
    created_at: datetime
    status: Status
    status_at: datetime

    @classmethod
    def of(cls, c: Case) -> CaseOut:
        return cls(**{**c.__dict__, "audience": audience_out(c.audience)})


class CaseDetail(CaseOut):
    links: list[LinkOut]


class CaseList(BaseModel):
    cases: list[CaseOut]
    total: int = Field(description="how many cases the caller may read that match, in all")


class ChangeOut(BaseModel):
    at: datetime
    by: str
    kind: str = Field(description="status or link")
    value: str
    note: str


class History(BaseModel):
    case_id: str
    changes: list[ChangeOut]

    @classmethod
    def of(cls, case_id: str, changes: list[Change]) -> History:
        return cls(case_id=case_id, changes=[ChangeOut(**c.__dict__) for c in changes])


class FromEventIn(BaseModel):
    event_id: str = Field(max_length=200)
    case_id: str | None = Field(None, max_length=64, description="add to this case")
    topic: Topic = Topic.PETROLEUM
    audience: AudienceIn | None = Field(None, description="of a new case; default all, AMBER")


class FromHitIn(BaseModel):
    entity_id: str = Field(max_length=200)
    query: str = Field(max_length=1000)
    score: float = Field(ge=0.0, le=1.0)
    case_id: str | None = Field(None, max_length=64, description="add to this case")
    topic: Topic = Topic.FINANCE
    audience: AudienceIn | None = Field(None, description="of a new case; default all, AMBER")
