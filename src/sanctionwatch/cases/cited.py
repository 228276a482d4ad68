"""How a finding's citations show evidence to a reader: in full, or only as a commitment.

A reader of the finding who may read the cited item sees its title, kind, hash and grades; one
who may not sees only the keyed commitment to its content (`cases.commit`), never the plain
hash. Whether the item may be read is decided on its audience as released; the commitment is
made under the audience the item was made with, so it does not change when it is released.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, select

from sanctionwatch.cases import access, commit, evidence, tables
from sanctionwatch.cases.model import User
from sanctionwatch.cases.stored import load_audience, not_found, released_audience


def citation_view(conn: Connection, user: User | None, evidence_id: str) -> dict[str, Any]:
    """How a citation shows the item to `user`: in full for a reader, else only its commitment.

    For ids that a readable object cites (an unknown id is a NotFoundError)."""
    return citation_views(conn, user, [evidence_id])[evidence_id]


def citation_views(
    conn: Connection, user: User | None, evidence_ids: Iterable[str]
) -> dict[str, dict[str, Any]]:
    """`citation_view` of several items in a few queries, whatever their number."""
    wanted = list(dict.fromkeys(evidence_ids))
    if not wanted:
        return {}
    rows = {r["id"]: dict(r) for r in conn.execute(_CITED, {"ids": wanted}).mappings()}
    missing = [e for e in wanted if e not in rows]
    if missing:
        raise not_found("evidence", missing[0])
    key = commit.secret(conn)
    made = {e: load_audience(rows[e]["audience"]) for e in wanted}  # commitments: as made
    readable = [
        {**rows[e], "audience": rows[e]["released"]}
        for e in wanted
        if access.may_read(user, load_audience(rows[e]["released"]))
    ]
    items = {item.id: item for item in evidence.build(conn, readable)}
    views: dict[str, dict[str, Any]] = {}
    for e in wanted:
        sealed = commit.commit_with(key, made[e], rows[e]["sha256"])
        views[e] = {"commitment": sealed} if e not in items else _full(items[e], sealed)
    return views


_CITED = select(tables.evidence, released_audience(tables.evidence).label("released")).where(
    tables.evidence.c.id.in_(bindparam("ids", expanding=True))
)


def _full(item: evidence.Evidence, sealed: str) -> dict[str, Any]:
    return {
        "id": item.id,
        "title": item.title,
        "kind": item.kind.value,
        "sha256": item.sha256,
        "media_type": item.media_type,
        "source_id": item.source_id,
        "credibility": None if item.credibility is None else item.credibility.value,
        "reliability": None if item.reliability is None else item.reliability.value,
        "commitment": sealed,
    }
