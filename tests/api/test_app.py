"""The read API over a real store (both databases), through FastAPI's test client."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sanctionwatch.api.app import create_app
from sanctionwatch.lists.load import load_path
from tests.conftest import UN


def test_status_entity_lookup_and_errors(engine: Engine) -> None:
    load_path(engine, UN)
    client = TestClient(create_app(engine))
    assert client.get("/health").json()["status"] == "ok"
    (status,) = client.get("/lists/status").json()["sources"]
    assert status["entities"] == 1003 and status["regimes"]["dprk"] == 155
    entity = client.get("/entities/un-kpi.066").json()
    assert entity["caption"] == "KIM JONG SIK"
    assert entity["designations"][0]["unsc_id"] == ["KPi.066"]
    hits = client.get("/lookup", params={"q": "KIM JONG SIK"}).json()["results"]
    assert hits[0]["id"] == "un-kpi.066"
    missing = client.get("/entities/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]
    assert client.get("/lists/ofac-sdn/diff").status_code == 404
    assert "/entities/{entity_id}" in client.get("/openapi.json").json()["paths"]
