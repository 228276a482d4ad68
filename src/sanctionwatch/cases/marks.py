"""What later rows say about an object: retractions and corrections, releases.

Nothing is changed in place: a retraction, a correction or a release is a row about its target
(`cs_retractions`, `cs_releases`), and every view asks this module for the latest one. Written
by `cases.retractions` and `cases.releases`; read here by every view of every object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, select

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import Audience

RETRACTION = "retraction"
CORRECTION = "correction"


@dataclass(frozen=True)
class Mark:
    """A retraction or a correction (which points to its replacement)."""

    kind: str  # RETRACTION or CORRECTION
    reason: str
    replacement: str | None
    by: str
    at: datetime

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "reason": self.reason,
            "replacement": self.replacement,
            "by": self.by,
            "at": self.at.isoformat(),
        }


def retraction(conn: Connection, target_id: str) -> Mark | None:
    """The retraction or correction of an object, or None while it stands."""
    return retractions(conn, [target_id]).get(target_id)


def retractions(conn: Connection, target_ids: Iterable[str]) -> dict[str, Mark]:
    """The retracted or corrected ones among these objects, by id."""
    t = tables.retractions
    ids = list(target_ids)
    if not ids:
        return {}
    rows = conn.execute(select(t).where(t.c.target.in_(ids)).order_by(t.c.entry)).mappings()
    return {
        r["target"]: Mark(
            r["kind"], r["reason"], r["replacement"], r["created_by"], r["created_at"]
        )
        for r in rows
    }


_LATEST_RELEASE = (
    select(tables.releases.c.audience)
    .where(tables.releases.c.target == bindparam("target"))
    .order_by(tables.releases.c.entry.desc())
    .limit(1)
)


def audience(conn: Connection, target_id: str, original: Audience) -> Audience:
    """An object's audience as released (the latest release), else the one it was made with."""
    released = conn.execute(_LATEST_RELEASE, {"target": target_id}).scalar()
    return original if released is None else Audience.from_json(json.loads(released))
