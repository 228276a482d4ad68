"""A case with graded sources and evidence from several members, for the findings tests.

US: a B source, a testimony (B3) and an AIS extract derived from it
KR: a C source, an AIS extract (C3) from its own coast guard
JP: an A source, a document graded A2 (meets the standard alone), a document graded A4
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection

from sanctionwatch.cases import casework, evidence, findings, replies, sources
from sanctionwatch.cases.model import (
    Audience,
    Credibility,
    EvidenceKind,
    Reliability,
    Scope,
    Status,
    Tlp,
    Topic,
)
from tests.cases.conftest import Panel


def everyone(member: str) -> Audience:
    return Audience(Scope.ALL, member, frozenset(), Tlp.AMBER)


def only(member: str, *others: str) -> Audience:
    if not others:
        return Audience(Scope.ORIGINATOR, member, frozenset(), Tlp.AMBER)
    return Audience(Scope.MEMBERS, member, frozenset(others), Tlp.AMBER)


@dataclass
class World:
    panel: Panel
    case_id: str
    ev: dict[str, str] = field(default_factory=dict)  # name -> evidence id

    def cite(self, *names: str) -> str:
        return "".join(f"[ev:{self.ev[n]}]" for n in names)


def _item(
    conn: Connection,
    panel: Panel,
    who: str,
    source: str,
    kind: EvidenceKind,
    grade: str,
    derived_from: tuple[str, ...] = (),
    audience: Audience | None = None,
) -> str:
    made = evidence.add(
        conn,
        panel[who],
        kind=kind,
        title=f"{kind} from {who}",
        source_id=source,
        content=f"{who} {kind} {grade} {derived_from}".encode(),
        media_type="text/plain",
        audience=audience or everyone(panel[who].member),
        credibility=Credibility(grade),
        derived_from=derived_from,
    )
    return made.id


def build(panel: Panel) -> World:
    with panel.engine.begin() as conn:
        case = casework.open_case(
            conn, panel["us.analyst"], "STS transfer off Nampo", Topic.PETROLEUM, "", everyone("US")
        )
        us = sources.add(
            conn, panel["us.contributor"], "US imagery", "", Reliability.B, everyone("US")
        )
        kr = sources.add(
            conn, panel["kr.contributor"], "KR coast guard", "", Reliability.C, everyone("KR")
        )
        jp = sources.add(
            conn, panel["jp.contributor"], "JP customs", "", Reliability.A, everyone("JP")
        )
        world = World(panel, case.id)
        world.ev["us"] = _item(conn, panel, "us.contributor", us.id, EvidenceKind.TESTIMONY, "3")
        world.ev["us_ais"] = _item(
            conn,
            panel,
            "us.contributor",
            us.id,
            EvidenceKind.AIS_EXTRACT,
            "3",
            derived_from=(world.ev["us"],),
        )
        world.ev["kr"] = _item(conn, panel, "kr.contributor", kr.id, EvidenceKind.AIS_EXTRACT, "3")
        world.ev["kr_from_us"] = _item(
            conn,
            panel,
            "kr.contributor",
            kr.id,
            EvidenceKind.AIS_EXTRACT,
            "2",
            derived_from=(world.ev["us"],),
        )
        world.ev["jp_doc"] = _item(conn, panel, "jp.contributor", jp.id, EvidenceKind.DOCUMENT, "2")
        world.ev["jp_weak"] = _item(
            conn, panel, "jp.contributor", jp.id, EvidenceKind.DOCUMENT, "4"
        )
        world.ev["us_secret"] = _item(
            conn, panel, "us.contributor", us.id, EvidenceKind.DOCUMENT, "1", audience=only("US")
        )
    return world


def draft(
    world: World, text: str, named: tuple[str, ...] = (), audience: Audience | None = None
) -> findings.Finding:
    with world.panel.engine.begin() as conn:
        return findings.draft(
            conn,
            world.panel["us.analyst"],
            world.case_id,
            "Ship-to-ship transfer",
            text,
            named,
            audience or everyone("US"),
        )


def replied(world: World, finding_id: str, *parties: str) -> None:
    """Every party asked (deadline in a week) and replied."""
    deadline = datetime.now(UTC) + timedelta(days=7)
    with world.panel.engine.begin() as conn:
        for party in parties:
            replies.send_reply_request(
                conn, world.panel["us.reviewer"], finding_id, party, deadline
            )
            replies.record_reply(conn, world.panel["us.reviewer"], finding_id, party, "We deny it.")


def to_review(world: World) -> None:
    with world.panel.engine.begin() as conn:
        for status in (Status.INVESTIGATING, Status.DRAFTING, Status.IN_REVIEW):
            casework.set_status(conn, world.panel["us.coordinator"], world.case_id, status, "")
