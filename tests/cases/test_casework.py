"""Cases: status, links, search, history, and cases made from maritime events and screening hits."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, select, text

from sanctionwatch.cases import casework, evidence, intake, links, sources, tables
from sanctionwatch.cases.links import LinkKind
from sanctionwatch.cases.model import Audience, EvidenceKind, Scope, Status, Tlp, Topic
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError
from sanctionwatch.ledger.verify import verify
from sanctionwatch.lists.load import load_path
from sanctionwatch.maritime.detection import detect_inputs
from sanctionwatch.maritime.detectors.inputs import prepare
from sanctionwatch.maritime.events import save_run, to_json
from sanctionwatch.maritime.model import Event
from sanctionwatch.maritime.simulate import simulate
from tests.cases.conftest import Panel
from tests.conftest import UN

US_ONLY = Audience(Scope.ORIGINATOR, "US", frozenset(), Tlp.AMBER)
US_KR = Audience(Scope.MEMBERS, "US", frozenset({"KR"}), Tlp.AMBER)
ALL = Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)
KMDTC = "un-kpe.001"  # Korea Mining Development Trading Corporation, UN list


@pytest.fixture(scope="module")
def detected() -> list[Event]:
    """Events the detectors find in a simulated scenario (encounters first)."""
    scenario = simulate(11, datetime(2026, 3, 1, tzinfo=UTC), 24, 6, events=1)
    found = detect_inputs(prepare(scenario.positions, scenario.identities))
    return sorted(found, key=lambda e: (e.type != "encounter", e.id))


def save(conn: Connection, found: list[Event]) -> None:
    save_run(conn, found, engine="duckdb", started_at=datetime.now(UTC), positions=1, scope={})


def test_status_moves_forward_by_the_lead_member(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        case = casework.open_case(
            conn, panel["us.analyst"], "STS off Nampo", Topic.PETROLEUM, "", US_KR
        )
        assert (case.status, case.lead, case.created_by) == (Status.OPEN, "US", "us.analyst")
        with pytest.raises(ForbiddenError):  # Korea reads the case but does not lead it
            casework.set_status(conn, panel["kr.coordinator"], case.id, Status.INVESTIGATING, "")
        with pytest.raises(NotFoundError):  # Japan may not even read it
            casework.set_status(conn, panel["jp.coordinator"], case.id, Status.INVESTIGATING, "")
        with pytest.raises(ForbiddenError):
            casework.set_status(conn, panel["us.observer"], case.id, Status.INVESTIGATING, "")
        with pytest.raises(InputError, match="cannot become"):
            casework.set_status(conn, panel["us.coordinator"], case.id, Status.DRAFTING, "")
        for step in (Status.INVESTIGATING, Status.DRAFTING, Status.IN_REVIEW):
            case = casework.set_status(conn, panel["us.coordinator"], case.id, step, f"to {step}")
        assert case.status is Status.IN_REVIEW
        with pytest.raises(ForbiddenError, match="vote"):
            casework.set_status(conn, panel["us.coordinator"], case.id, Status.ADOPTED, "")
        case = casework.set_status(conn, panel["kr.delegate"], case.id, Status.ADOPTED, "", True)
        case = casework.set_status(conn, panel["us.analyst"], case.id, Status.PUBLISHED, "out")
        case = casework.set_status(conn, panel["us.analyst"], case.id, Status.CLOSED, "done")
        with pytest.raises(InputError):
            casework.set_status(conn, panel["us.analyst"], case.id, Status.CLOSED, "again")
        steps = [c.value for c in casework.history(conn, panel["kr.observer"], case.id)]
        assert steps == [
            "open",
            "investigating",
            "drafting",
            "in_review",
            "adopted",
            "published",
            "closed",
        ]
        with pytest.raises(NotFoundError):
            casework.history(conn, panel["jp.observer"], case.id)


def test_review_may_send_back_and_close_from_anywhere(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        actor = panel["us.analyst"]
        case = casework.open_case(conn, actor, "Coal", Topic.EXPORTS, "", ALL)
        for step in (Status.INVESTIGATING, Status.DRAFTING, Status.IN_REVIEW, Status.DRAFTING):
            case = casework.set_status(conn, actor, case.id, step, "")
        assert casework.set_status(conn, actor, case.id, Status.CLOSED, "").status is Status.CLOSED
        with pytest.raises(InputError, match="status 'dormant'"):
            casework.set_status(conn, actor, case.id, "dormant", "")  # type: ignore[arg-type]


def test_lists_and_search_hold_only_readable_cases(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        us = panel["us.analyst"]
        a = casework.open_case(conn, us, "STS transfer, Yellow Sea", Topic.PETROLEUM, "", US_ONLY)
        b = casework.open_case(conn, us, "Arms to Russia", Topic.ARMS, "via Rajin sts", US_KR)
        c = casework.open_case(
            conn, panel["jp.analyst"], "IT workers", Topic.FINANCE, "", Audience(Scope.ALL, "JP")
        )
        casework.set_status(conn, us, b.id, Status.INVESTIGATING, "")
        ids = lambda u, **kw: [x.id for x in casework.list_cases(conn, u, **kw)]  # noqa: E731
        assert ids(panel["us.observer"]) == [a.id, b.id, c.id]
        assert ids(panel["kr.observer"]) == [b.id, c.id]
        assert ids(panel["nz.observer"]) == [c.id]
        assert ids(None) == []
        assert ids(panel["us.observer"], q="STS") == [a.id, b.id]
        assert ids(panel["kr.observer"], q="sts") == [b.id]
        assert ids(panel["nz.observer"], q="sts") == []
        assert ids(panel["us.observer"], status=Status.OPEN) == [a.id, c.id]
        assert ids(panel["kr.observer"], topic=Topic.PETROLEUM) == []
        assert ids(panel["us.observer"], topic=Topic.PETROLEUM) == [a.id]
        with pytest.raises(ForbiddenError):
            casework.open_case(conn, panel["us.observer"], "x", Topic.ARMS, "", ALL)
        with pytest.raises(InputError, match="originator"):
            casework.open_case(conn, us, "x", Topic.ARMS, "", Audience(Scope.ALL, "KR"))


def test_links_are_checked(panel: Panel, detected: list[Event]) -> None:
    with panel.engine.begin() as conn:
        save(conn, detected[:1])
        us = panel["us.analyst"]
        case = casework.open_case(conn, us, "STS", Topic.PETROLEUM, "", ALL)
        vessel = links.link(conn, us, case.id, LinkKind.VESSEL, "IMO 9310953")
        assert vessel.ref == "imo:9310953"
        assert links.link(conn, us, case.id, "vessel", "imo:9310953") == vessel  # type: ignore[arg-type]
        assert links.vessel_ref("354038638") == "mmsi:354038638"
        for bad in ("IMO 9310954", "mmsi:12", "hull 7"):
            with pytest.raises(InputError, match="not a valid"):
                links.link(conn, us, case.id, LinkKind.VESSEL, bad)
        with pytest.raises(InputError, match="no entity"):
            links.link(conn, us, case.id, LinkKind.ENTITY, "un-nobody")
        with pytest.raises(InputError, match="no maritime event"):
            links.link(conn, us, case.id, LinkKind.MARITIME_EVENT, "nope")
        event = links.link(
            conn, panel["kr.contributor"], case.id, LinkKind.MARITIME_EVENT, detected[0].id
        )
        with pytest.raises(ForbiddenError):
            links.link(conn, panel["kr.observer"], case.id, LinkKind.VESSEL, "IMO 9310953")
        assert [x.id for x in links.list_links(conn, panel["nz.observer"], case.id)] == [
            vessel.id,
            event.id,
        ]


def test_evidence_links_respect_audiences(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        us = panel["us.analyst"]
        src = sources.add(conn, us, "imagery", "", None, ALL)
        secret = evidence.add(
            conn, us, kind=EvidenceKind.DOCUMENT, title="cargo manifest", source_id=src.id,
            content=b"%PDF-1.4\n", media_type="application/pdf", audience=US_ONLY,
        )  # fmt: skip
        wide = casework.open_case(conn, us, "wide", Topic.ARMS, "", ALL)
        with pytest.raises(InputError, match="wider than evidence"):
            links.link(conn, us, wide.id, LinkKind.EVIDENCE, secret.id)
        narrow = casework.open_case(conn, us, "narrow", Topic.ARMS, "", US_ONLY)
        assert links.link(conn, us, narrow.id, LinkKind.EVIDENCE, secret.id).ref == secret.id
        kr_case = casework.open_case(
            conn, panel["kr.analyst"], "kr", Topic.ARMS, "", Audience(Scope.ORIGINATOR, "KR")
        )
        with pytest.raises(InputError) as hidden:
            links.link(conn, panel["kr.analyst"], kr_case.id, LinkKind.EVIDENCE, secret.id)
        with pytest.raises(InputError) as absent:
            links.link(conn, panel["kr.analyst"], kr_case.id, LinkKind.EVIDENCE, "ev-x")
        assert str(hidden.value).replace(secret.id, "?") == str(absent.value).replace("ev-x", "?")


def test_from_event_makes_a_case_and_adds_to_one(panel: Panel, detected: list[Event]) -> None:
    first, second = detected[0], detected[1]
    assert first.type == "encounter"
    with panel.engine.begin() as conn:
        save(conn, detected)
        us = panel["us.analyst"]
        case = intake.from_event(conn, us, first.id, audience=US_KR)
        assert case.topic is Topic.PETROLEUM and case.audience == US_KR
        assert (
            case.title.startswith("Encounter of MMSI ")
            and first.start.strftime("%Y-%m-%d") in case.title
        )
        found = links.list_links(conn, panel["kr.observer"], case.id)
        assert [(x.kind, x.ref) for x in found[:-1]] == [
            (LinkKind.MARITIME_EVENT, first.id),
            *((LinkKind.VESSEL, f"mmsi:{m}") for m in first.mmsi),
        ]
        [item] = evidence.list_evidence(conn, panel["kr.observer"], case.id)
        assert (found[-1].kind, found[-1].ref) == (LinkKind.EVIDENCE, item.id)
        assert (item.kind, item.ref, item.media_type) == (
            EvidenceKind.AIS_EXTRACT,
            first.id,
            "application/json",
        )
        body, _ = evidence.content(conn, panel["kr.observer"], item.id)
        assert json.loads(body) == to_json(first)
        source = sources.get(conn, None, item.source_id)
        assert source.name == intake.DETECTORS and source.audience.scope is Scope.PUBLIC
        again = intake.from_event(conn, us, first.id, case.id)
        assert len(links.list_links(conn, us, case.id)) == len(found)  # nothing added twice
        kr = panel["kr.analyst"]  # Korea adds a second event to the US case
        assert intake.from_event(conn, kr, second.id, case.id).id == again.id
        items = evidence.list_evidence(conn, us, case.id)
        assert [e.ref for e in items] == [first.id, second.id]
        assert items[1].audience == Audience(Scope.MEMBERS, "KR", frozenset({"US"}), Tlp.AMBER)
        assert len(sources.list_sources(conn, None)) == 1
        with pytest.raises(NotFoundError):
            intake.from_event(conn, panel["jp.analyst"], second.id, case.id)
    with panel.engine.begin() as conn:
        assert verify(conn).ok
        entry = conn.execute(select(tables.links.c.entry).limit(1)).scalar_one()
        conn.execute(text("UPDATE cs_links SET note = 'edited' WHERE entry = :e"), {"e": entry})
        report = verify(conn)
        assert not report.ok and [p.index for p in report.problems] == [entry]


def test_from_hit_files_the_registry_entry(panel: Panel) -> None:
    load_path(panel.engine, UN)
    with panel.engine.begin() as conn:
        us = panel["us.analyst"]
        case = intake.from_hit(conn, us, KMDTC, "Korea Mining Dev", 0.91)
        assert "KOREA MINING DEVELOPMENT TRADING CORPORATION" in case.title
        kinds = [(x.kind, x.ref) for x in links.list_links(conn, us, case.id)]
        assert kinds[:2] == [(LinkKind.HIT, KMDTC), (LinkKind.ENTITY, KMDTC)]
        [item] = evidence.list_evidence(conn, us, case.id)
        body = json.loads(evidence.content(conn, us, item.id)[0])
        assert item.kind is EvidenceKind.LIST_ENTRY and body["id"] == KMDTC and body["designations"]
        assert intake.from_hit(conn, us, KMDTC, "Korea Mining Dev", 0.91, case.id) == case
        with pytest.raises(InputError, match="no entity"):
            intake.from_hit(conn, us, "un-nobody", "x", 0.5)
        with pytest.raises(InputError, match="between 0 and 1"):
            intake.from_hit(conn, us, KMDTC, "x", 1.5)
        assert verify(conn).ok
