"""What later rows say about an object: retractions and corrections.

Nothing is changed in place: a retraction or a correction is a row about its target
(`cs_retractions`), and every view asks this module for the latest one. Written by
`cases.retractions`; read here by every view of every object. Releases (`cs_releases`) are read
in the object's own statement (`stored.released_audience`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from sanctionwatch.cases import tables

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
