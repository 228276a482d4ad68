"""Sources and evidence over HTTP: add, grade, list, read, download.

Reads take the `Caller` (None: the public) and answer 404 alike for a missing item and one
the caller may not read; writes take the `Actor` and run in one transaction with their ledger
entry. An upload is multipart: the `file` and a `metadata` JSON object (`EvidenceMeta`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response
from pydantic import ValidationError

from sanctionwatch.api.auth import Actor, Caller, engine, reader
from sanctionwatch.api.case_schemas import (
    CredibilityIn,
    EvidenceList,
    EvidenceMeta,
    EvidenceOut,
    ReliabilityIn,
    SourceIn,
    SourceList,
    SourceOut,
)
from sanctionwatch.cases import evidence, sources
from sanctionwatch.errors import InputError
from sanctionwatch.settings import get_settings

router = APIRouter(tags=["evidence"])


@router.post("/sources", status_code=201)
async def add_source(request: Request, actor: Actor, body: SourceIn) -> SourceOut:
    """A source of the caller's member, optionally graded (Admiralty A-F)."""
    audience = body.audience.domain()
    with engine(request).begin() as conn:
        made = sources.add(conn, actor, body.name, body.description, body.reliability, audience)
    return SourceOut.of(made)


@router.get("/sources")
async def list_sources(request: Request, user: Caller) -> SourceList:
    """The sources the caller may read."""
    with reader(request).connect() as conn:
        return SourceList(sources=[SourceOut.of(s) for s in sources.list_sources(conn, user)])


@router.get("/sources/{source_id}")
async def get_source(request: Request, user: Caller, source_id: str) -> SourceOut:
    with reader(request).connect() as conn:
        return SourceOut.of(sources.get(conn, user, source_id))


@router.post("/sources/{source_id}/grades", status_code=201)
async def grade_source(
    request: Request, actor: Actor, source_id: str, body: ReliabilityIn
) -> SourceOut:
    """A new reliability grade (the latest counts; earlier ones stay on record)."""
    with engine(request).begin() as conn:
        graded = sources.grade_source(conn, actor, source_id, body.reliability, body.note)
    return SourceOut.of(graded)


@router.post("/evidence", status_code=201)
def add_evidence(
    request: Request,
    actor: Actor,
    file: Annotated[UploadFile, File(description="the content (size-limited, type-checked)")],
    metadata: Annotated[str, Form(description="an EvidenceMeta JSON object")],
) -> EvidenceOut:
    """Submit an evidence item: its bytes are stored once by SHA-256."""
    meta = _meta(metadata)
    content = file.file.read(get_settings().evidence_max_bytes + 1)
    media_type = meta.media_type or file.content_type or ""
    with engine(request).begin() as conn:
        item = evidence.add(
            conn,
            actor,
            kind=meta.kind,
            title=meta.title,
            source_id=meta.source_id,
            content=content,
            media_type=media_type,
            audience=meta.audience.domain(),
            obtained_at=meta.obtained_at,
            derived_from=meta.derived_from,
            ref=meta.ref,
            credibility=meta.credibility,
        )
    return EvidenceOut.of(item)


@router.get("/evidence")
async def list_evidence(request: Request, user: Caller, case_id: str | None = None) -> EvidenceList:
    """The items the caller may read (of one case, with `case_id`)."""
    with reader(request).connect() as conn:
        found = evidence.list_evidence(conn, user, case_id)
    return EvidenceList(evidence=[EvidenceOut.of(e) for e in found])


@router.get("/evidence/{evidence_id}")
async def get_evidence(request: Request, user: Caller, evidence_id: str) -> EvidenceOut:
    with reader(request).connect() as conn:
        return EvidenceOut.of(evidence.get(conn, user, evidence_id))


@router.get(
    "/evidence/{evidence_id}/content",
    response_class=Response,
    responses={
        200: {"description": "the stored bytes", "content": {"application/octet-stream": {}}}
    },
)
def get_content(request: Request, user: Caller, evidence_id: str) -> Response:
    """The item's bytes, as submitted (served as an attachment, never sniffed)."""
    with reader(request).connect() as conn:
        body, media_type = evidence.content(conn, user, evidence_id)
    headers = {
        "Content-Disposition": f'attachment; filename="{evidence_id}"',
        "X-Content-Type-Options": "nosniff",
    }
    return Response(body, media_type=media_type, headers=headers)


@router.post("/evidence/{evidence_id}/grades", status_code=201)
async def grade_evidence(
    request: Request, actor: Actor, evidence_id: str, body: CredibilityIn
) -> EvidenceOut:
    """A new credibility grade (1-6; the latest counts)."""
    with engine(request).begin() as conn:
        graded = evidence.grade(conn, actor, evidence_id, body.credibility, body.note)
    return EvidenceOut.of(graded)


def _meta(text: str) -> EvidenceMeta:
    try:
        return EvidenceMeta.model_validate_json(text)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, p['loc']))}: {p['msg']}" for p in e.errors())
        raise InputError(f"metadata: {problems}") from None
