"""The demo panel: a case from a simulated event with real designated vessels, an adopted
finding with a dissent on record, and everything in the ledger."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from sanctionwatch.cases import casework, demo, findings, links, parties
from sanctionwatch.cases.export import export_case
from sanctionwatch.db import transaction
from sanctionwatch.ledger.verify import verify
from sanctionwatch.lists.load import load_paths
from sanctionwatch.maritime.detection import detect_inputs
from sanctionwatch.maritime.detectors.inputs import prepare
from sanctionwatch.maritime.events import save_run
from sanctionwatch.maritime.simulate import simulate
from tests.conftest import OFAC


def test_demo_story(engine: Engine) -> None:
    list(load_paths(engine, [OFAC / "sdn-2024-05-03" / "sdn.csv"]))
    scenario = simulate(3, datetime(2026, 3, 1, tzinfo=UTC), 48, 60)
    found = detect_inputs(prepare(scenario.positions, scenario.identities))
    with transaction(engine) as conn:
        save_run(conn, found, engine="duckdb", started_at=datetime.now(UTC), positions=1, scope={})
    seeded = demo.seed(engine, extra_cases=3)
    assert len(seeded.case_ids) == 4 and len(seeded.finding_ids) == 1
    with engine.connect() as conn:
        viewer = parties.user(conn, "jp.observer")
        case = casework.get(conn, viewer, seeded.case_ids[0])
        assert case.status == "adopted"
        kinds = {link.kind for link in links.list_links(conn, viewer, case.id)}
        assert {"maritime_event", "entity", "evidence"} <= kinds
        finding = findings.get(conn, viewer, seeded.finding_ids[0])
        assert finding.adoption is not None
        assert [d.statement for d in finding.dissents] == [demo.DISSENT]
        assert verify(conn).ok
        document = export_case(conn, viewer, case.id)
        [exported] = document["findings"]
        assert exported["state"] == "adopted"
        assert exported["dissents"][0]["statement"] == demo.DISSENT
        assert exported["tally"]["adopted"] is True
        assert all("title" in view for view in exported["citations"].values())
        assert len(document["evidence"]) >= 3
    assert demo.seed(engine) == seeded  # seeding again changes nothing


def test_imo_numbers_are_valid() -> None:
    assert demo.imo(931095) == "imo:9310953"  # a real IMO number's check digit
