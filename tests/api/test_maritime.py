"""Maritime events over HTTP, on both databases, from a detection run on a simulated scenario."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sanctionwatch.api.app import create_app
from sanctionwatch.db import transaction
from sanctionwatch.maritime.detection import detect_inputs
from sanctionwatch.maritime.detectors.inputs import prepare
from sanctionwatch.maritime.events import save_run
from sanctionwatch.maritime.simulate import simulate


def test_events_list_filter_one_and_geojson(engine: Engine) -> None:
    scenario = simulate(11, datetime(2026, 3, 1, tzinfo=UTC), 30, 40)
    found = detect_inputs(prepare(scenario.positions, scenario.identities))
    assert found
    with transaction(engine) as conn:
        save_run(conn, found, engine="duckdb", started_at=datetime.now(UTC), positions=1, scope={})
    client = TestClient(create_app(engine))
    listed = client.get("/maritime/events").json()["events"]
    assert sorted(e["id"] for e in listed) == sorted(e.id for e in found)
    assert [e["start"] for e in listed] == sorted(e["start"] for e in listed)
    kind = listed[0]["type"]
    only = client.get("/maritime/events", params={"type": kind}).json()["events"]
    assert only and {e["type"] for e in only} == {kind}
    vessel = listed[0]["mmsi"][0]
    mine = client.get("/maritime/events", params={"mmsi": vessel}).json()["events"]
    assert mine and all(vessel in e["mmsi"] for e in mine)
    assert client.get(f"/maritime/events/{listed[0]['id']}").json() == listed[0]
    assert client.get("/maritime/events/nope").status_code == 404
    assert client.get("/maritime/events", params={"severity": "dire"}).status_code == 400
    geo = client.get("/maritime/events.geojson")
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert len(geo.json()["features"]) == len(listed)
