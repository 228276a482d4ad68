"""Evidence items: content-addressed bytes with their chain of custody and credibility.

Each item records who submitted it and when (`created_by`, `created_at`), when it was
obtained, what it was derived from, and its source. Its audience is no wider than its
source's and its inputs' allow (`access.derived`). The bytes are stored once by SHA-256
(`uploads`); credibility grades (1-6) are appended rows, the latest counts. A reader of a
finding who may not read a cited item sees only its keyed commitment (`cases.cited`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.cases import access, commit, sources, tables, uploads
from sanctionwatch.cases.model import Audience, Credibility, EvidenceKind, Reliability, Role, User
from sanctionwatch.cases.record import new_id, utcnow, write
from sanctionwatch.cases.stored import (
    add_grade,
    as_released,
    dump_audience,
    latest_grades,
    load_audience,
    own_audience,
    permitted,
    readable_row,
    utc,
    within,
)
from sanctionwatch.errors import ForbiddenError, InputError

SUBMITTERS = (Role.CONTRIBUTOR, Role.ANALYST)
GRADERS = (Role.CONTRIBUTOR, Role.ANALYST, Role.REVIEWER)
_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class Evidence:
    id: str
    kind: EvidenceKind
    title: str
    source_id: str
    sha256: str
    media_type: str
    size: int
    obtained_at: datetime
    derived_from: tuple[str, ...]
    ref: str | None
    audience: Audience
    created_by: str
    created_at: datetime
    credibility: Credibility | None = None
    reliability: Reliability | None = None  # the source's latest grade
    graded_by: str | None = None  # who gave the latest credibility grade, and when
    graded_at: datetime | None = None


def add(
    conn: Connection,
    actor: User,
    *,
    kind: EvidenceKind,
    title: str,
    source_id: str,
    content: bytes,
    media_type: str,
    audience: Audience,
    obtained_at: datetime | None = None,
    derived_from: tuple[str, ...] | list[str] = (),
    ref: str | None = None,
    credibility: Credibility | None = None,
) -> Evidence:
    """A new item submitted by `actor`, its content checked and stored once."""
    if not actor.has(*SUBMITTERS):
        raise ForbiddenError("only a contributor or analyst submits evidence")
    source = sources.get(conn, actor, source_id)
    parents = [get(conn, actor, p) for p in dict.fromkeys(derived_from)]
    inputs = [source.audience, *(p.audience for p in parents)]
    allowed = access.derived(actor.member, inputs)
    within(own_audience(actor, audience), allowed, "its source and the items it derives from")
    values = {
        "id": new_id("ev"),
        "kind": _kind(kind).value,
        "title": _title(title),
        "source_id": source.id,
        "media_type": uploads.check(content, media_type),
        "sha256": uploads.put(conn, content),
        "size": len(content),
        "obtained_at": _obtained(obtained_at),
        "derived_from": json.dumps([p.id for p in parents]),
        "ref": None if ref is None else ref[:500],
        "audience": dump_audience(audience),
    }
    row = write(conn, actor, tables.evidence, values)
    if credibility is not None:
        add_grade(conn, actor, row["id"], Credibility(credibility).value, "when submitted")
    return get(conn, actor, row["id"])


def grade(
    conn: Connection, actor: User, evidence_id: str, credibility: Credibility, note: str
) -> Evidence:
    """A new credibility grade (who graded, when, why); the item as graded."""
    get(conn, actor, evidence_id)
    if not actor.has(*GRADERS):
        raise ForbiddenError("only a contributor, analyst or reviewer grades evidence")
    add_grade(conn, actor, evidence_id, Credibility(credibility).value, note)
    return get(conn, actor, evidence_id)


def get(conn: Connection, user: User | None, evidence_id: str) -> Evidence:
    """The item, if `user` may read it (else the same NotFoundError as for no item)."""
    return build(conn, [readable_row(conn, user, tables.evidence, evidence_id, "evidence")])[0]


def list_evidence(
    conn: Connection, user: User | None, case_id: str | None = None
) -> list[Evidence]:
    """The items `user` may read (those linked to `case_id`, a case they may read), oldest first."""
    query = select(*as_released(tables.evidence)).order_by(tables.evidence.c.entry)
    if case_id is not None:
        readable_row(conn, user, tables.cases, case_id, "case")
        links = tables.links
        linked = select(links.c.ref).where(links.c.case_id == case_id, links.c.kind == "evidence")
        query = query.where(tables.evidence.c.id.in_(linked))
    return build(conn, permitted(user, conn.execute(query).mappings()))


def content(conn: Connection, user: User | None, evidence_id: str) -> tuple[bytes, str]:
    """The item's bytes and media type, if `user` may read it."""
    item = get(conn, user, evidence_id)
    return uploads.get(conn, item.sha256), item.media_type


def lineage(conn: Connection, evidence_id: str) -> set[str]:
    """Every item `evidence_id` derives from, directly or not (no access check: internal)."""
    found: set[str] = set()
    todo = [evidence_id]
    while todo:
        query = select(tables.evidence.c.derived_from).where(tables.evidence.c.id.in_(todo))
        parents = {p for text in conn.execute(query).scalars() for p in json.loads(text)}
        todo = sorted(parents - found - {evidence_id})
        found |= parents
    return found - {evidence_id}


def commitment(conn: Connection, evidence: Evidence) -> str:
    """The keyed commitment to the item's content: HMAC-SHA256(audience key, sha256)."""
    return commit.commit(conn, evidence.audience, evidence.sha256)


def build(conn: Connection, rows: list[dict[str, Any]]) -> list[Evidence]:
    """Items from their rows, each with its latest credibility and its source's reliability
    (one query for both grades: items and sources have distinct ids)."""
    grades = latest_grades(conn, [r["id"] for r in rows] + [r["source_id"] for r in rows])
    return [
        _evidence(r, grades.get(r["id"]), sources.reliability(grades.get(r["source_id"])))
        for r in rows
    ]


def _evidence(row: dict[str, Any], grade: Any, reliability: Reliability | None) -> Evidence:
    return Evidence(
        id=row["id"],
        kind=EvidenceKind(row["kind"]),
        title=row["title"],
        source_id=row["source_id"],
        sha256=row["sha256"],
        media_type=row["media_type"],
        size=int(row["size"]),
        obtained_at=utc(row["obtained_at"]),
        derived_from=tuple(json.loads(row["derived_from"])),
        ref=row["ref"],
        audience=load_audience(row["audience"]),
        created_by=row["created_by"],
        created_at=utc(row["created_at"]),
        credibility=None if grade is None else Credibility(grade.value),
        reliability=reliability,
        graded_by=None if grade is None else grade.by,
        graded_at=None if grade is None else grade.at,
    )


def _kind(kind: EvidenceKind | str) -> EvidenceKind:
    try:
        return EvidenceKind(kind)
    except ValueError:
        raise InputError(
            f"evidence kind {kind!r} is not one of {[k.value for k in EvidenceKind]}"
        ) from None


def _title(title: str) -> str:
    if not title.strip():
        raise InputError("evidence needs a title")
    return title.strip()[:500]


def _obtained(moment: datetime | None) -> datetime:
    now = utcnow()
    if moment is None:
        return now
    if moment.tzinfo is None:
        raise InputError("give the time the evidence was obtained with its time zone")
    if moment > now + _SKEW:
        raise InputError("evidence cannot have been obtained in the future")
    return utc(moment)
