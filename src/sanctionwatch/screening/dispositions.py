"""Analyst dispositions of screening matches: true match or false positive, with who and when.

Rows are only ever appended; the latest disposition of a (query, entity) pair
counts. A false positive is suppressed the next time the same query meets the
same entity (reported as `match: false` with the disposition in the explanation).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select

from sanctionwatch.errors import InputError
from sanctionwatch.screening.model import Feature, Match, Query, Score
from sanctionwatch.screening.tables import dispositions

JUDGEMENTS = ("true-match", "false-positive")


@dataclass(frozen=True)
class Disposition:
    id: int
    query_key: str
    query_text: str
    entity_id: str
    judgement: str
    author: str
    reason: str
    created_at: datetime


def query_key(query: Query) -> str:
    """The same question asked again has the same key (names case- and space-insensitive)."""
    body = {
        "names": sorted(" ".join(n.casefold().split()) for n in query.names),
        "schema": query.schema,
        "birth_dates": sorted(query.birth_dates),
        "countries": sorted(query.countries),
        "imo": sorted(query.imo),
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def record(
    conn: Connection, query: Query, entity_id: str, judgement: str, author: str, reason: str
) -> int:
    if judgement not in JUDGEMENTS:
        raise InputError(f"judgement must be one of {', '.join(JUDGEMENTS)}, not {judgement!r}")
    result = conn.execute(
        insert(dispositions).values(
            query_key=query_key(query),
            query_text="; ".join(query.names),
            entity_id=entity_id,
            judgement=judgement,
            author=author,
            reason=reason,
            created_at=datetime.now(UTC),
        )
    )
    key = result.inserted_primary_key
    return int(key[0]) if key else 0


def latest(conn: Connection, query: Query) -> dict[str, Disposition]:
    rows = conn.execute(
        select(dispositions)
        .where(dispositions.c.query_key == query_key(query))
        .order_by(dispositions.c.id)
    )
    return {r.entity_id: Disposition(**r._mapping) for r in rows}


def apply(matches: list[Match], decided: dict[str, Disposition]) -> list[Match]:
    """Suppress matches an analyst called false positives for this query."""
    result = []
    for m in matches:
        d = decided.get(m.candidate.id)
        if d is None:
            result.append(m)
            continue
        feature = Feature(
            "disposition",
            0.0,
            f"{d.judgement} by {d.author} on {d.created_at:%Y-%m-%d}: {d.reason}",
        )
        score = Score(m.score.score, (*m.score.features, feature))
        result.append(replace(m, score=score, match=m.match and d.judgement != "false-positive"))
    return result
