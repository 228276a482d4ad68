"""yente-compatible matching API on both databases, with yente's exact request shape."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sanctionwatch.api.app import create_app
from sanctionwatch.lists.load import load_path
from tests.conftest import UN

YENTE_REQUEST = {
    "queries": {
        "q1": {
            "schema": "Person",
            "properties": {
                "name": ["Kim Jong Sik"],
                "birthDate": ["1968"],
                "nationality": ["kp"],
            },
        },
        "q2": {"schema": "Company", "properties": {"name": "Korea Mining Development Trading"}},
        "q3": {"schema": "Person", "properties": {"name": ["Nobody Atall Matches"]}},
    }
}


def test_match_endpoint_speaks_yente(engine: Engine) -> None:
    load_path(engine, UN)
    client = TestClient(create_app(engine))
    response = client.post("/match/default", json=YENTE_REQUEST, params={"limit": 3})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["limit"] == 3 and set(body["responses"]) == {"q1", "q2", "q3"}
    q1 = body["responses"]["q1"]
    assert q1["status"] == 200 and q1["query"]["schema"] == "Person"
    best = q1["results"][0]
    assert (best["id"], best["schema"], best["match"]) == ("un-kpi.066", "Person", True)
    assert {
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "score",
        "match",
        "features",
    } <= set(best)
    assert best["features"]["name"] == 1.0 and best["datasets"] == ["un"]
    assert body["responses"]["q2"]["results"][0]["id"] == "un-kpe.001"
    assert not any(r["match"] for r in body["responses"]["q3"]["results"])
    assert client.post("/match/un", json=YENTE_REQUEST).status_code == 200
    assert client.post("/match/nosuch", json=YENTE_REQUEST).status_code == 404
    bad = {"queries": {"q": {"schema": "NoSuchSchema", "properties": {"name": ["x"]}}}}
    assert client.post("/match/default", json=bad).status_code == 400
    search = client.get("/search/default", params={"q": "KOMID"}).json()
    assert search["results"][0]["id"] == "un-kpe.001"
    assert "/match/{dataset}" in client.get("/openapi.json").json()["paths"]
