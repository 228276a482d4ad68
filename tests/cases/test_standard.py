"""The evidence standard: independent sources or a B2 document per claim, and the right of reply."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sanctionwatch.cases import releases, replies, standard
from sanctionwatch.errors import InputError
from tests.cases.conftest import Panel
from tests.cases.scenario import World, build, draft, only, replied


def _check(world: World, text: str, named: tuple[str, ...] = ()) -> standard.StandardReport:
    made = draft(world, text, named)
    with world.panel.engine.connect() as conn:
        return standard.check(conn, world.panel["kr.delegate"], made.id)


def test_claims_need_two_independent_items_or_a_b2_document(panel: Panel) -> None:
    world = build(panel)
    assert _check(world, f"Two members, two sources {world.cite('us', 'kr')}.").ok
    assert _check(world, f"One A2 document {world.cite('jp_doc')}.").ok
    assert _check(world, "# A heading\nWas it loaded?\n> Quoted words.").ok
    cases = {
        f"One item {world.cite('us')}.": "rests on one item only",
        f"Same member {world.cite('us', 'us_ais')}.": "not independent",
        f"Derived {world.cite('kr_from_us', 'us')}.": "derived one from the other",
        f"A4 document {world.cite('jp_weak')}.": "rests on one item only",
        "An uncited claim.": "states a fact but cites no evidence",
    }
    for text, why in cases.items():
        report = _check(world, text)
        assert not report.ok
        assert len(report.reasons) == 1 and why in report.reasons[0], report.reasons
        assert report.reasons[0].startswith('sentence 1 ("')


def test_unreadable_evidence_counts_for_nothing(panel: Panel) -> None:
    world = build(panel)
    text = f"A fact {world.cite('us_secret')}."
    made = draft(world, text, audience=only("US"))
    with panel.engine.begin() as conn:  # released to KR: the cited item stays US-only
        releases.release(conn, panel["us.coordinator"], made.id, only("US", "KR"), "for review")
        assert standard.check(conn, panel["us.delegate"], made.id).ok
        report = standard.check(conn, panel["kr.delegate"], made.id)
    assert not report.ok
    assert "which does not exist or which you may not read" in report.reasons[0]


def test_right_of_reply(panel: Panel) -> None:
    world = build(panel)
    report = _check(world, f"Fact {world.cite('jp_doc')}.", ("DPRK", "Vessel X"))
    assert report.reasons == (
        "DPRK was not sent a request for reply",
        "Vessel X was not sent a request for reply",
    )
    finding_id = report.finding_id
    reviewer = panel["us.reviewer"]
    past = datetime.now(UTC) - timedelta(days=1)
    future = datetime.now(UTC) + timedelta(days=30)
    with panel.engine.begin() as conn:
        replies.send_reply_request(conn, reviewer, finding_id, "DPRK", future, "Dear ...")
        replies.send_reply_request(conn, reviewer, finding_id, "Vessel X", past, "letter of May")
        with pytest.raises(InputError, match="has not passed"):
            replies.record_expiry(conn, reviewer, finding_id, "DPRK")
        with pytest.raises(InputError, match="does not name"):
            replies.send_reply_request(conn, reviewer, finding_id, "Somebody", future)
        pending = standard.check(conn, reviewer, finding_id)
        assert len(pending.reasons) == 2 and "has not replied" in pending.reasons[0]
        replies.record_reply(conn, reviewer, finding_id, "DPRK", "We reject the allegation.")
        replies.record_expiry(conn, reviewer, finding_id, "Vessel X")
        assert standard.check(conn, reviewer, finding_id).ok


def test_uncited_sentences_each_reported(panel: Panel) -> None:
    world = build(panel)
    made = draft(world, f"Cited {world.cite('jp_doc')}. Not cited. Nor this one.", ("DPRK",))
    replied(world, made.id, "DPRK")
    with panel.engine.connect() as conn:
        report = standard.check(conn, panel["us.analyst"], made.id)
    assert report.reasons == (
        'sentence 2 ("Not cited.") states a fact but cites no evidence',
        'sentence 3 ("Nor this one.") states a fact but cites no evidence',
    )
