"""The stored revisions of a finding: full text, its SHA-256 and the diff against its base.

A revision is never edited: a change of text is a new revision with the next number, made
against a named base (`cases.proposals`). Numbers are unique per finding, so of two proposals
made against the same latest revision only the first is kept. This module stores and loads;
`cases.findings` and `cases.proposals` decide who may.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.cases import marks, tables
from sanctionwatch.cases.model import User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.errors import NotFoundError


@dataclass(frozen=True)
class Revision:
    id: str
    finding_id: str
    number: int
    text: str
    sha256: str
    base: str | None  # the revision it was proposed against
    diff: str  # unified diff against the base ("" for the first)
    note: str
    created_by: str
    created_at: datetime
    retraction: marks.Mark | None = None

    def to_json(self, with_text: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "finding_id": self.finding_id,
            "number": self.number,
            "sha256": self.sha256,
            "base": self.base,
            "note": self.note,
            "created_by": self.created_by,
            "created_at": self.created_at.isoformat(),
            "retraction": self.retraction.to_json() if self.retraction else None,
        }
        return {**data, "text": self.text, "diff": self.diff} if with_text else data


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def unified(old: str, new: str, old_name: str, new_name: str) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), old_name, new_name
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def store(
    conn: Connection, actor: User, finding_id: str, text: str, base: Revision | None, note: str
) -> Revision:
    """Append the next revision of a finding (made against `base`, None for the first)."""
    diff = "" if base is None else unified(base.text, text, _name(base), "proposed")
    row = write(
        conn,
        actor,
        tables.revisions,
        {
            "id": new_id("rev"),
            "finding_id": finding_id,
            "number": 1 if base is None else base.number + 1,
            "text": text,
            "sha256": sha256(text),
            "base": None if base is None else base.id,
            "diff": diff,
            "note": note,
        },
    )
    return _revision(row, None)


def all_for(conn: Connection, finding_id: str) -> list[Revision]:
    """A finding's revisions, oldest first, each with its retraction if any."""
    return marked(conn, finding_id)[0]


def marked(conn: Connection, finding_id: str) -> tuple[list[Revision], marks.Mark | None]:
    """`all_for` and the finding's own retraction or correction, in two queries."""
    t = tables.revisions
    query = select(t).where(t.c.finding_id == finding_id).order_by(t.c.number)
    rows = [dict(r) for r in conn.execute(query).mappings()]
    retracted = marks.retractions(conn, [finding_id, *(r["id"] for r in rows)])
    return [_revision(r, retracted.get(r["id"])) for r in rows], retracted.get(finding_id)


def find(conn: Connection, finding_id: str, ref: str) -> Revision:
    """A finding's revision by id or number (for a finding the caller has read)."""
    for revision in all_for(conn, finding_id):
        if ref in (revision.id, str(revision.number)):
            return revision
    raise NotFoundError(f"no revision {ref} of finding {finding_id}")


def _name(revision: Revision) -> str:
    return f"revision {revision.number} ({revision.sha256[:12]})"


def _revision(row: dict[str, Any], mark: marks.Mark | None) -> Revision:
    return Revision(
        row["id"],
        row["finding_id"],
        row["number"],
        row["text"],
        row["sha256"],
        row["base"],
        row["diff"],
        row["note"],
        row["created_by"],
        row["created_at"],
        mark,
    )
