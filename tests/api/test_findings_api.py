"""Findings over HTTP, on both databases: the evidence standard, the adoption rule, dissent,
new revisions voiding votes, retraction and release, all in a ledger that verifies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select, text

from sanctionwatch.api.app import create_app
from sanctionwatch.cases import tables
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import Panel
from tests.cases.scenario import World, build, to_review

DISSENT = "New Zealand cannot endorse:\n\tthe AIS gap is explained by weather.  "


class Api:
    def __init__(self, panel: Panel) -> None:
        app = create_app(panel.engine)
        self.client = TestClient(app)
        self.panel = panel

    def as_(self, user: str | None) -> dict[str, str]:
        return self.panel.headers(user)

    def get(self, path: str, user: str | None, status: int = 200, **params: str) -> Any:
        r = self.client.get(path, headers=self.as_(user), params=params)
        assert r.status_code == status, r.text
        return r.json()

    def post(self, path: str, user: str, body: dict[str, Any], status: int = 201) -> Any:
        r = self.client.post(path, headers=self.as_(user), json=body)
        assert r.status_code == status, r.text
        return r.json()


def _audience(member: str, scope: str = "all", *others: str) -> dict[str, Any]:
    return {"scope": scope, "originator": member, "members": list(others), "tlp": "AMBER"}


def _draft(api: Api, world: World, body: str) -> dict[str, Any]:
    payload = {
        "case_id": world.case_id,
        "title": "Ship-to-ship transfer",
        "text": body,
        "named": ["DPRK"],
        "audience": _audience("US"),
    }
    return api.post("/findings", "us.analyst", payload)  # type: ignore[no-any-return]


def _vote(api: Api, fid: str, sha: str, votes: dict[str, str], status: int = 201) -> None:
    for member, choice in votes.items():
        statement = DISSENT if choice == "dissent" else ""
        body = {"revision_sha256": sha, "choice": choice, "statement": statement}
        api.post(f"/findings/{fid}/votes", f"{member}.delegate", body, status)


def test_standard_votes_dissent_and_adoption(panel: Panel) -> None:
    world = build(panel)
    api = Api(panel)
    made = _draft(api, world, f"The tanker loaded oil {world.cite('us')}.")
    fid, rev1 = made["id"], made["revision"]
    assert made["citations"][world.ev["us"]]["sha256"]
    check = api.get(f"/findings/{fid}/standard", "kr.delegate")
    assert not check["ok"] and len(check["reasons"]) == 2
    assert "rests on one item only" in check["reasons"][0]
    assert check["reasons"][1] == "DPRK was not sent a request for reply"
    _vote(api, fid, rev1["sha256"], {"us": "endorse"}, 400)  # refused below the standard

    body = {
        "base_revision_id": rev1["id"],
        "text": rev1["text"].replace(".", f"{world.cite('kr')}."),
    }
    rev2 = api.post(f"/findings/{fid}/proposals", "us.analyst", body)
    api.post(f"/findings/{fid}/proposals", "us.analyst", body, 400)  # stale base: rebase
    deadline = (datetime.now(UTC) + timedelta(days=14)).isoformat()
    api.post(
        f"/findings/{fid}/replies",
        "us.reviewer",
        {"party": "DPRK", "event": "sent", "deadline": deadline},
    )
    assert not api.get(f"/findings/{fid}/standard", "kr.delegate")["ok"]
    api.post(
        f"/findings/{fid}/replies",
        "us.reviewer",
        {"party": "DPRK", "event": "received", "text": "Denied."},
    )
    assert api.get(f"/findings/{fid}/standard", "kr.delegate") == {
        "finding_id": fid,
        "revision_id": rev2["id"],
        "revision_sha256": rev2["sha256"],
        "ok": True,
        "reasons": [],
    }

    _vote(api, fid, rev1["sha256"], {"us": "endorse"}, 400)  # the old text
    _vote(
        api,
        fid,
        rev2["sha256"],
        {"us": "endorse", "kr": "endorse", "jp": "endorse", "au": "dissent", "nz": "dissent"},
    )
    tally = api.get(f"/findings/{fid}/tally", None, 404)  # the public may not read it
    tally = api.get(f"/findings/{fid}/tally", "jp.observer")
    assert (tally["endorsing"], tally["participating"], tally["adopted"]) == (3, 5, False)
    to_review(world)
    api.post(f"/findings/{fid}/adopt", "us.coordinator", {}, 400)  # 3 of 5 < two thirds
    _vote(api, fid, rev2["sha256"], {"au": "abstain"})  # AU changes its vote: 3 of 4
    tally = api.get(f"/findings/{fid}/tally", "jp.observer")
    assert (tally["endorsing"], tally["participating"], tally["adopted"]) == (3, 4, True)
    assert tally["dissents"][0]["statement"] == DISSENT
    api.post(f"/findings/{fid}/adopt", "kr.coordinator", {}, 403)
    api.post(f"/findings/{fid}/adopt", "us.coordinator", {})
    shown = api.get(f"/findings/{fid}", "au.observer")
    assert shown["state"] == "adopted" and shown["adoption"]["revision_sha256"] == rev2["sha256"]
    assert [(d["member"], d["statement"]) for d in shown["dissents"]] == [("NZ", DISSENT)]
    diff = api.get(f"/findings/{fid}/diff", "au.observer", a="1", b="2")["diff"]
    assert diff.startswith("--- revision 1") and world.ev["kr"] in diff
    assert len(api.get(f"/findings/{fid}/revisions", "au.observer")["revisions"]) == 2
    with panel.engine.connect() as conn:
        assert verify(conn).ok


def test_new_revision_voids_votes_and_b2_document(panel: Panel) -> None:
    world = build(panel)
    api = Api(panel)
    made = _draft(api, world, f"A document shows the transfer {world.cite('jp_doc')}.")
    fid, rev1 = made["id"], made["revision"]
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    api.post(
        f"/findings/{fid}/replies",
        "us.reviewer",
        {"party": "DPRK", "event": "sent", "deadline": past},
    )
    api.post(f"/findings/{fid}/replies", "us.reviewer", {"party": "DPRK", "event": "expired"})
    assert api.get(f"/findings/{fid}/standard", "us.analyst")["ok"]
    _vote(api, fid, rev1["sha256"], {m: "endorse" for m in ("us", "kr", "jp", "au", "nz")})
    assert api.get(f"/findings/{fid}/tally", "us.analyst")["adopted"]
    body = {
        "base_revision_id": rev1["id"],
        "text": rev1["text"] + f" Again {world.cite('jp_doc')}.",
    }
    rev2 = api.post(f"/findings/{fid}/proposals", "kr.reviewer", body)
    tally = api.get(f"/findings/{fid}/tally", "us.analyst")
    assert (
        tally["revision_sha256"] == rev2["sha256"] and tally["votes"] == [] and not tally["adopted"]
    )


def test_retraction_and_release_through_the_api(panel: Panel) -> None:
    world = build(panel)
    api = Api(panel)
    payload = {
        "case_id": world.case_id,
        "title": "Restricted",
        "text": f"A US-only fact {world.cite('us_secret')}.",
        "named": [],
        "audience": _audience("US", "originator"),
    }
    secret = api.post("/findings", "us.analyst", payload)
    missing = api.get("/findings/fnd-nope", "kr.analyst", 404)
    hidden = api.get(f"/findings/{secret['id']}", "kr.analyst", 404)
    assert hidden["detail"] == missing["detail"].replace("fnd-nope", secret["id"])
    assert api.get("/findings", "kr.analyst", case_id=world.case_id)["findings"] == []
    release = {
        "target_id": secret["id"],
        "audience": _audience("US", "members", "KR"),
        "reason": "review",
    }
    api.post("/releases", "kr.coordinator", release, 404)
    api.post("/releases", "us.analyst", release, 403)
    api.post("/releases", "us.coordinator", release)
    seen = api.get(f"/findings/{secret['id']}", "kr.analyst")
    assert seen["citations"][world.ev["us_secret"]].keys() == {"commitment"}  # not the hash
    api.get(f"/findings/{secret['id']}", "jp.analyst", 404)

    api.post("/retractions", "kr.coordinator", {"target_id": secret["id"], "reason": "x"}, 403)
    api.post(
        "/retractions", "us.coordinator", {"target_id": secret["id"], "reason": "source burned"}
    )
    listed = api.get("/findings", "kr.analyst", case_id=world.case_id)["findings"]
    assert [(f["state"], f["retraction"]["reason"]) for f in listed] == [
        ("retracted", "source burned")
    ]
    correction = {
        "target_id": world.ev["jp_doc"],
        "reason": "misdated",
        "replacement_id": world.ev["jp_weak"],
    }
    marked = api.post("/corrections", "jp.coordinator", correction)
    assert marked["kind"] == "correction" and marked["replacement"] == world.ev["jp_weak"]
    cites_doc = _draft(api, world, f"A document shows it {world.cite('jp_doc')}.")
    reasons = api.get(f"/findings/{cites_doc['id']}/standard", "us.analyst")["reasons"]
    assert "was corrected: misdated" in reasons[0]

    with panel.engine.begin() as conn:
        assert verify(conn).ok
        row = conn.execute(
            select(tables.revisions.c.id, tables.revisions.c.entry).where(
                tables.revisions.c.finding_id == cites_doc["id"]
            )
        ).one()
        conn.execute(text("UPDATE cs_revisions SET text = 'softer' WHERE id = :id"), {"id": row.id})
        report = verify(conn)
        assert not report.ok and report.first_bad_entry == row.entry
