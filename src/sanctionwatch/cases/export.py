"""A case as one JSON document, as one user may see it: the export read path.

Everything in it went through the same reads as the API (so `can_read` decided every part):
the case, its history, the links and evidence the user may read (with retractions and
corrections applied), and its findings with every revision, the tally and the dissents; a
cited item the user may not read appears only as its keyed commitment. The document names who
exported it and the size of the ledger then, so it can be checked against a later checkpoint.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.cases import (
    casework,
    citations,
    evidence,
    findings,
    links,
    marks,
    proposals,
    votes,
)
from sanctionwatch.cases.cited import citation_views
from sanctionwatch.cases.model import Audience, User
from sanctionwatch.ledger.store import size as ledger_size

FORMAT = "sanctionwatch.case-export/1"


def export_case(conn: Connection, user: User | None, case_id: str) -> dict[str, Any]:
    """The case `case_id` as `user` may see it (NotFoundError when they may not see it)."""
    case = casework.get(conn, user, case_id)
    items = evidence.list_evidence(conn, user, case_id)
    retracted = marks.retractions(conn, [e.id for e in items])
    return {
        "format": FORMAT,
        "exported_by": user.name if user else None,
        "exported_at": datetime.now(UTC).isoformat(),
        "ledger_size": ledger_size(conn),
        "case": plain(case),
        "history": [plain(c) for c in casework.history(conn, user, case_id)],
        "links": [plain(link) for link in links.list_links(conn, user, case_id)],
        "evidence": [{**plain(e), "retraction": _mark(retracted.get(e.id))} for e in items],
        "findings": [_finding(conn, user, f) for f in findings.list_findings(conn, user, case_id)],
    }


def _finding(conn: Connection, user: User | None, finding: findings.Finding) -> dict[str, Any]:
    cited = citations.cited(finding.revision.text)
    return {
        **finding.to_json(),
        "revisions": [r.to_json() for r in proposals.history(conn, user, finding.id)],
        "tally": votes.tally(conn, user, finding.id).to_json(),
        "citations": citation_views(conn, user, cited),
    }


def _mark(mark: marks.Mark | None) -> dict[str, object] | None:
    return None if mark is None else mark.to_json()


def plain(value: Any) -> Any:
    """A domain object as JSON values: dataclasses as objects, times in ISO 8601."""
    if isinstance(value, Audience):
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True)
