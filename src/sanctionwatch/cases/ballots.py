"""The stored votes and adoptions of findings (read side; `cases.votes` decides and writes).

A member's vote is its latest `cs_votes` row for the revision's SHA-256: a vote on another
text does not count for this one. An adoption is a `cs_adoptions` row naming the text adopted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import Choice


@dataclass(frozen=True)
class Vote:
    member: str
    choice: Choice
    statement: str  # verbatim, "" when none
    revision_sha256: str
    by: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "member": self.member,
            "choice": self.choice.value,
            "statement": self.statement,
            "revision_sha256": self.revision_sha256,
            "by": self.by,
            "at": self.at.isoformat(),
        }


@dataclass(frozen=True)
class Adoption:
    revision_sha256: str
    tally: dict[str, Any]  # the counts that carried it
    by: str
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "revision_sha256": self.revision_sha256,
            "tally": self.tally,
            "by": self.by,
            "at": self.at.isoformat(),
        }


def latest_votes(conn: Connection, finding_id: str, sha256: str) -> dict[str, Vote]:
    """Each member's latest vote on this text of the finding, by member."""
    t = tables.votes
    query = (
        select(t)
        .where(t.c.finding_id == finding_id, t.c.revision_sha256 == sha256)
        .order_by(t.c.entry)
    )
    votes: dict[str, Vote] = {}
    for r in conn.execute(query).mappings():
        votes[r["member"]] = Vote(
            r["member"],
            Choice(r["choice"]),
            r["statement"],
            r["revision_sha256"],
            r["created_by"],
            r["created_at"],
        )
    return dict(sorted(votes.items()))


def dissents(conn: Connection, finding_id: str, sha256: str) -> list[Vote]:
    """The dissenting votes on this text, statements verbatim."""
    return [
        v for v in latest_votes(conn, finding_id, sha256).values() if v.choice is Choice.DISSENT
    ]


def adoption(conn: Connection, finding_id: str) -> Adoption | None:
    t = tables.adoptions
    query = select(t).where(t.c.finding_id == finding_id).order_by(t.c.entry.desc()).limit(1)
    r = conn.execute(query).mappings().first()
    if r is None:
        return None
    return Adoption(r["revision_sha256"], json.loads(r["tally"]), r["created_by"], r["created_at"])
