"""The seeded demo panel `make run` loads (development mode only: its passwords are public).

The secretariat and five member states with a user in every role (`us.analyst`, `kr.delegate`,
... password `PASSWORD`); a case opened from the strongest SIMULATED maritime event in the
store, linked to real designated vessels of the loaded lists; graded evidence from three
members; a finding that meets the evidence standard, with a reply from the named party; and
the members' votes: four endorse (one with a reservation), New Zealand dissents, the finding
is adopted with the dissent on record. `extra_cases` adds more cases (for benchmarks).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine

from sanctionwatch.cases import (
    auth,
    casework,
    evidence,
    findings,
    intake,
    links,
    parties,
    replies,
    sources,
    votes,
)
from sanctionwatch.cases.links import LinkKind
from sanctionwatch.cases.model import (
    Audience,
    Choice,
    Credibility,
    EvidenceKind,
    Reliability,
    Role,
    Scope,
    Status,
    Tlp,
    Topic,
    User,
)
from sanctionwatch.errors import ConfigError
from sanctionwatch.maritime.detectors.registry_vessels import listed_vessels
from sanctionwatch.maritime.events import list_events
from sanctionwatch.settings import get_settings

PASSWORD = "sanctionwatch demo password"  # development mode only
STATES = {
    "US": "United States",
    "KR": "Republic of Korea",
    "JP": "Japan",
    "AU": "Australia",
    "NZ": "New Zealand",
}
ROLES = [r for r in Role if r is not Role.ADMIN]
DISSENT = (
    "New Zealand does not endorse this finding: the AIS record alone does not establish the "
    "cargo, and the second vessel's identity rests on one member's report."
)


@dataclass(frozen=True)
class Seeded:
    case_ids: list[str]
    finding_ids: list[str]


def seed(engine: Engine, extra_cases: int = 0) -> Seeded:
    """Seed the demo panel on an empty store (on a seeded one, return what is there)."""
    if get_settings().ledger_mode == "production":
        raise ConfigError("the demo panel has public passwords: development mode only")
    with engine.begin() as conn:
        if parties.members(conn):
            return _existing(conn)
        users = _panel(conn)
        case_id, finding_id = _story(conn, users)
        more = [_extra(conn, users, i) for i in range(extra_cases)]
    return Seeded([case_id, *more], [finding_id])


def _existing(conn: Connection) -> Seeded:
    viewer = parties.user(conn, "us.analyst")
    cases = [c.id for c in casework.list_cases(conn, viewer)]
    return Seeded(cases, [f.id for f in findings.list_findings(conn, viewer)])


def _panel(conn: Connection) -> dict[str, User]:
    sec = parties.bootstrap(conn, "SEC", "Panel secretariat", "sec.admin")
    users = {sec.name: sec}
    for code, name in STATES.items():
        parties.add_member(conn, sec, code, name)
        admin = parties.add_user(conn, sec, f"{code.lower()}.admin", code, {Role.ADMIN})
        users[admin.name] = admin
        for role in ROLES:
            user = parties.add_user(conn, admin, f"{code.lower()}.{role.value}", code, {role})
            users[user.name] = user
    for user in users.values():
        auth.set_password(conn, users["sec.admin"], user.name, PASSWORD)
    return users


def everyone(member: str) -> Audience:
    return Audience(Scope.ALL, member, frozenset(), Tlp.AMBER)


def _story(conn: Connection, u: dict[str, User]) -> tuple[str, str]:
    case = _open(conn, u)
    ids = _evidence(conn, u)
    for vessel in _designated(conn):
        links.link(conn, u["us.analyst"], case.id, LinkKind.ENTITY, vessel, "designated vessel")
    for item in ids.values():
        links.link(conn, u["us.analyst"], case.id, LinkKind.EVIDENCE, item, "")
    text = (
        "# Ship-to-ship transfer in the West Sea\n\n"
        f"Two tankers met for more than two hours with their transponders on "
        f"[ev:{ids['kr']}][ev:{ids['jp']}]. "
        f"Japanese customs records show refined petroleum on board the first [ev:{ids['jp']}]."
    )
    finding = findings.draft(
        conn,
        u["us.analyst"],
        case.id,
        "Refined petroleum delivered by STS transfer",
        text,
        ["DPRK"],
        everyone("US"),
    )
    deadline = datetime.now(UTC) + timedelta(days=14)
    replies.send_reply_request(conn, u["us.reviewer"], finding.id, "DPRK", deadline)
    replies.record_reply(conn, u["us.reviewer"], finding.id, "DPRK", "The DPRK rejects the panel.")
    for status in (Status.INVESTIGATING, Status.DRAFTING, Status.IN_REVIEW):
        casework.set_status(conn, u["us.coordinator"], case.id, status, "demo")
    _vote(conn, u, finding.id)
    return case.id, finding.id


def _open(conn: Connection, u: dict[str, User]) -> casework.Case:
    found = list_events(conn, types=["chain", "encounter"], min_severity="high", limit=1)
    if found:
        return intake.from_event(conn, u["us.analyst"], found[0].id)
    return casework.open_case(
        conn,
        u["us.analyst"],
        "Suspected STS transfer in the West Sea",
        Topic.PETROLEUM,
        "No maritime events in the store: run `sanctionwatch detect` first.",
        everyone("US"),
    )


def _evidence(conn: Connection, u: dict[str, User]) -> dict[str, str]:
    made = {}
    for who, source, reliability, kind, grade, text in (
        (
            "kr",
            "ROK coast guard radar",
            Reliability.B,
            EvidenceKind.AIS_EXTRACT,
            "2",
            "Radar and AIS plots of the two tankers side by side (SYNTHETIC demo content).",
        ),
        (
            "jp",
            "Japan customs",
            Reliability.A,
            EvidenceKind.DOCUMENT,
            "2",
            "Customs declaration of 4,000 t of diesel oil (SYNTHETIC demo content).",
        ),
    ):
        actor = u[f"{who}.contributor"]
        src = sources.add(conn, actor, source, "demo source", reliability, everyone(actor.member))
        item = evidence.add(
            conn,
            actor,
            kind=kind,
            title=f"{source}: report",
            source_id=src.id,
            content=text.encode(),
            media_type="text/plain",
            audience=everyone(actor.member),
            credibility=Credibility(grade),
        )
        made[who] = item.id
    return made


def _designated(conn: Connection) -> list[str]:
    """Entity ids of two real designated vessels of the loaded lists (none if none loaded)."""
    return sorted({v.entity_id for v in listed_vessels(conn) if v.imo is not None})[:2]


def _vote(conn: Connection, u: dict[str, User], finding_id: str) -> None:
    sha = findings.get(conn, u["us.analyst"], finding_id).revision.sha256
    for member, choice, statement in (
        ("us", Choice.ENDORSE, ""),
        ("kr", Choice.ENDORSE, ""),
        ("jp", Choice.ENDORSE, ""),
        ("au", Choice.RESERVATION, "Australia would have named the second vessel."),
        ("nz", Choice.DISSENT, DISSENT),
    ):
        votes.vote(conn, u[f"{member}.delegate"], finding_id, sha, choice, statement)
    votes.adopt(conn, u["us.coordinator"], finding_id, "adopted at the demo meeting")


def _extra(conn: Connection, u: dict[str, User], i: int) -> str:
    member = list(STATES)[i % len(STATES)].lower()
    topic = list(Topic)[i % len(Topic)]
    case = casework.open_case(
        conn,
        u[f"{member}.analyst"],
        f"Demo case {i}: {topic.value.replace('_', ' ')}",
        topic,
        "generated for benchmarks",
        everyone(u[f"{member}.analyst"].member),
    )
    links.link(conn, u[f"{member}.analyst"], case.id, LinkKind.VESSEL, imo(900000 + i), "")
    return case.id


def imo(six_digits: int) -> str:
    """`imo:` and a valid IMO number: six digits and their check digit."""
    digits = [int(d) for d in f"{six_digits:06d}"[-6:]]
    check = sum(d * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    return "imo:" + "".join(map(str, digits)) + str(check)
