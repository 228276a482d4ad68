"""Sources, evidence and cases over HTTP, on both databases."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from sanctionwatch.api.app import create_app
from sanctionwatch.ledger.verify import verify
from sanctionwatch.maritime.detection import detect_inputs
from sanctionwatch.maritime.detectors.inputs import prepare
from sanctionwatch.maritime.events import save_run
from sanctionwatch.maritime.model import Event
from sanctionwatch.maritime.simulate import simulate
from sanctionwatch.settings import get_settings
from tests.cases.conftest import Panel
from tests.conftest import DATA

AIS_CSV = (DATA / "ais" / "dma_aisdk_20180208_sample.csv").read_bytes()
US_ONLY = {"scope": "originator", "originator": "US", "tlp": "AMBER"}
US_KR = {"scope": "members", "originator": "US", "members": ["KR"], "tlp": "AMBER"}
ALL = {"scope": "all", "originator": "US", "tlp": "AMBER"}


class Api:
    """A client of the app with the cases routers, acting as any user of the panel."""

    def __init__(self, panel: Panel) -> None:
        app = create_app(panel.engine)
        self.client = TestClient(app)
        self.panel = panel

    def _headers(self, user: str | None) -> dict[str, str]:
        return self.panel.headers(user)

    def get(self, user: str | None, path: str, **kw: Any) -> Response:
        return self.client.get(path, headers=self._headers(user), **kw)

    def post(self, user: str | None, path: str, **kw: Any) -> Response:
        return self.client.post(path, headers=self._headers(user), **kw)

    def upload(self, user: str, content: bytes, media: str, **meta: Any) -> Response:
        files = {"file": ("upload", content, media)}
        return self.post(user, "/evidence", files=files, data={"metadata": json.dumps(meta)})


@pytest.fixture
def api(panel: Panel) -> Api:
    return Api(panel)


@pytest.fixture(scope="module")
def detected() -> list[Event]:
    scenario = simulate(11, datetime(2026, 3, 1, tzinfo=UTC), 24, 6, events=1)
    found = detect_inputs(prepare(scenario.positions, scenario.identities))
    return sorted(found, key=lambda e: (e.type != "encounter", e.id))


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("SANCTIONWATCH_EVIDENCE_MAX_BYTES", "1000")
    get_settings.cache_clear()
    yield 1000
    get_settings.cache_clear()


def source(api: Api, audience: dict[str, Any], user: str = "us.contributor") -> str:
    body = {"name": "DMA", "reliability": "B", "audience": audience}
    made = api.post(user, "/sources", json=body)
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


def same_404(hidden: Response, absent: Response, hidden_id: str, absent_id: str) -> None:
    assert hidden.status_code == absent.status_code == 404
    assert hidden.text.replace(hidden_id, "?") == absent.text.replace(absent_id, "?")


def test_sources_read_grade_and_hide(api: Api) -> None:
    secret = source(api, US_ONLY)
    shared = source(api, US_KR)
    assert api.post(None, "/sources", json={"name": "x", "audience": ALL}).status_code == 401
    assert api.get("us.observer", f"/sources/{secret}").json()["reliability"] == "B"
    same_404(
        api.get("kr.observer", f"/sources/{secret}"),
        api.get("kr.observer", "/sources/src-nope"),
        secret,
        "src-nope",
    )
    grade = {"reliability": "A", "note": "confirmed twice"}
    assert api.post("kr.observer", f"/sources/{shared}/grades", json=grade).status_code == 403
    assert api.post("kr.analyst", f"/sources/{secret}/grades", json=grade).status_code == 404
    graded = api.post("kr.analyst", f"/sources/{shared}/grades", json=grade)
    assert graded.status_code == 201 and graded.json()["graded_by"] == "kr.analyst"
    listed = [s["id"] for s in api.get("kr.observer", "/sources").json()["sources"]]
    assert listed == [shared]
    assert api.get(None, "/sources").json() == {"sources": []}


def test_evidence_upload_download_and_checks(api: Api, small_limit: int) -> None:
    src = source(api, US_KR)
    meta = {"kind": "ais_extract", "title": "DMA sample", "source_id": src, "audience": US_KR}
    small = AIS_CSV[:900]
    made = api.upload("us.contributor", small, "text/csv", **meta)
    assert made.status_code == 201, made.text
    item = made.json()
    assert item["sha256"] == hashlib.sha256(small).hexdigest() and item["size"] == 900
    got = api.get("kr.observer", f"/evidence/{item['id']}/content")
    assert got.content == small and got.headers["content-type"].startswith("text/csv")
    assert got.headers["x-content-type-options"] == "nosniff"
    too_big = api.upload("us.contributor", AIS_CSV, "text/csv", **meta)
    assert too_big.status_code == 400 and "limit is 1000" in too_big.json()["detail"]
    wrong = api.upload("us.contributor", small, "image/png", **meta)
    assert wrong.status_code == 400 and "not a PNG" in wrong.json()["detail"]
    declared = api.upload(
        "us.contributor", small, "text/csv", **{**meta, "media_type": "image/png"}
    )
    assert declared.status_code == 400
    bad_meta = api.post("us.contributor", "/evidence", files={"file": ("f", small, "text/csv")},
                        data={"metadata": "{not json"})  # fmt: skip
    assert bad_meta.status_code == 400 and "metadata" in bad_meta.json()["detail"]
    wide = api.upload("us.contributor", small, "text/csv", **{**meta, "audience": ALL})
    assert wide.status_code == 400 and "wider" in wide.json()["detail"]
    grade = {"credibility": "2", "note": "fits the track"}
    assert api.post("us.observer", f"/evidence/{item['id']}/grades", json=grade).status_code == 403
    graded = api.post("kr.reviewer", f"/evidence/{item['id']}/grades", json=grade).json()
    assert (graded["credibility"], graded["reliability"]) == ("2", "B")


def test_evidence_lists_and_404s_hide_unreadable_items(api: Api) -> None:
    src = source(api, US_KR)
    meta = {"kind": "document", "title": "manifest", "source_id": src}
    secret = api.upload("us.analyst", AIS_CSV, "text/plain", audience=US_ONLY, **meta).json()
    shared = api.upload("us.analyst", AIS_CSV, "text/plain", audience=US_KR, **meta).json()
    assert secret["sha256"] == shared["sha256"]
    ids = lambda user: [e["id"] for e in api.get(user, "/evidence").json()["evidence"]]  # noqa: E731
    assert ids("us.observer") == [secret["id"], shared["id"]]
    assert ids("kr.observer") == [shared["id"]]
    assert ids("jp.observer") == ids(None) == []
    for tail in ("", "/content"):
        same_404(
            api.get("kr.observer", f"/evidence/{secret['id']}{tail}"),
            api.get("kr.observer", f"/evidence/ev-nope{tail}"),
            secret["id"],
            "ev-nope",
        )
    grade = {"credibility": "1"}
    assert (
        api.post("kr.reviewer", f"/evidence/{secret['id']}/grades", json=grade).status_code == 404
    )


def test_cases_status_links_history_and_search(api: Api) -> None:
    body = {"title": "STS off Nampo", "topic": "refined_petroleum", "audience": US_KR}
    case = api.post("us.analyst", "/cases", json=body).json()
    hidden = api.post("us.analyst", "/cases", json={**body, "audience": US_ONLY}).json()
    assert case["status"] == "open" and case["lead"] == "US"
    step = {"status": "investigating", "note": "tasked"}
    assert api.post("kr.coordinator", f"/cases/{case['id']}/status", json=step).status_code == 403
    assert api.post("kr.coordinator", f"/cases/{hidden['id']}/status", json=step).status_code == 404
    assert api.post("us.coordinator", f"/cases/{case['id']}/status", json=step).status_code == 201
    adopted = {"status": "adopted"}
    assert (
        api.post("us.coordinator", f"/cases/{case['id']}/status", json=adopted).status_code == 403
    )
    link = {"kind": "vessel", "ref": "IMO 9310953", "note": "the tanker"}
    made = api.post("kr.contributor", f"/cases/{case['id']}/links", json=link)
    assert made.status_code == 201 and made.json()["ref"] == "imo:9310953"
    bad = api.post("kr.contributor", f"/cases/{case['id']}/links", json={**link, "ref": "IMO 1"})
    assert bad.status_code == 400
    detail = api.get("kr.observer", f"/cases/{case['id']}").json()
    assert [x["ref"] for x in detail["links"]] == ["imo:9310953"]
    changes = api.get("kr.observer", f"/cases/{case['id']}/history").json()["changes"]
    assert [(c["kind"], c["value"]) for c in changes] == [
        ("status", "open"),
        ("status", "investigating"),
        ("link", "vessel:imo:9310953"),
    ]
    for tail in ("", "/history"):
        same_404(
            api.get("kr.observer", f"/cases/{hidden['id']}{tail}"),
            api.get("kr.observer", f"/cases/case-nope{tail}"),
            hidden["id"],
            "case-nope",
        )
    found = lambda user, **p: [c["id"] for c in api.get(user, "/cases", params=p).json()["cases"]]  # noqa: E731
    assert found("us.observer", q="nampo") == [case["id"], hidden["id"]]
    assert found("kr.observer", q="nampo") == [case["id"]]
    assert found("kr.observer", status="open") == []
    assert found(None) == []
    assert api.get("kr.observer", "/cases", params={"status": "dormant"}).status_code == 422


def test_from_event_over_http_and_ledger(api: Api, detected: list[Event]) -> None:
    with api.panel.engine.begin() as conn:
        save_run(
            conn, detected, engine="duckdb", started_at=datetime.now(UTC), positions=1, scope={}
        )
    made = api.post("us.analyst", "/cases/from-event", json={"event_id": detected[0].id})
    assert made.status_code == 201, made.text
    case = made.json()
    assert case["topic"] == "refined_petroleum" and case["audience"]["scope"] == "all"
    kinds = [x["kind"] for x in case["links"]]
    assert kinds == ["maritime_event", "vessel", "vessel", "evidence"]
    more = {"event_id": detected[1].id, "case_id": case["id"]}
    added = api.post("jp.analyst", "/cases/from-event", json=more).json()
    assert added["id"] == case["id"] and len(added["links"]) > len(case["links"])
    assert api.post("us.analyst", "/cases/from-event", json={"event_id": "nope"}).status_code == 404
    hit = {"entity_id": "un-nobody", "query": "x", "score": 0.5}
    assert api.post("us.analyst", "/cases/from-hit", json=hit).status_code == 400
    evidence = api.get(None, "/evidence", params={"case_id": case["id"]})
    assert evidence.status_code == 404  # the public may not read the case
    with api.panel.engine.connect() as conn:
        assert verify(conn).ok


def test_openapi_describes_every_route(api: Api) -> None:
    spec = api.client.get("/openapi.json").json()
    for path in (
        "/sources",
        "/sources/{source_id}",
        "/sources/{source_id}/grades",
        "/evidence",
        "/evidence/{evidence_id}",
        "/evidence/{evidence_id}/content",
        "/evidence/{evidence_id}/grades",
        "/cases",
        "/cases/{case_id}",
        "/cases/{case_id}/history",
        "/cases/{case_id}/status",
        "/cases/{case_id}/links",
        "/cases/from-event",
        "/cases/from-hit",
    ):
        assert path in spec["paths"], path
    for name in ("SourceOut", "EvidenceOut", "CaseDetail", "History", "FromEventIn"):
        assert name in spec["components"]["schemas"], name
