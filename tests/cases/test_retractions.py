"""Retractions, corrections and releases: recorded rows that every view applies."""

from __future__ import annotations

import pytest

from sanctionwatch.cases import findings, releases, retractions, standard
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import Panel
from tests.cases.scenario import build, draft, everyone, only, replied


def test_retracted_finding_shows_as_retracted(panel: Panel) -> None:
    world = build(panel)
    made = draft(world, f"Fact {world.cite('jp_doc')}.")
    with panel.engine.begin() as conn:
        with pytest.raises(ForbiddenError):
            retractions.retract(conn, panel["kr.coordinator"], made.id, "not ours")
        with pytest.raises(ForbiddenError):
            retractions.retract(conn, panel["us.analyst"], made.id, "not a coordinator")
        retractions.retract(conn, panel["us.coordinator"], made.id, "the source withdrew")
    with panel.engine.connect() as conn:
        seen = findings.get(conn, panel["kr.observer"], made.id)
        assert seen.state == "retracted" and seen.retraction is not None
        assert seen.retraction.reason == "the source withdrew"
        listed = {f.id: f.state for f in findings.list_findings(conn, panel["kr.observer"])}
        assert listed[made.id] == "retracted"
        assert not standard.check(conn, panel["us.delegate"], made.id).ok
    with pytest.raises(InputError, match="already"), panel.engine.begin() as conn:
        retractions.retract(conn, panel["us.coordinator"], made.id, "twice")


def test_retracted_evidence_no_longer_counts(panel: Panel) -> None:
    world = build(panel)
    made = draft(world, f"Fact {world.cite('jp_doc')}.")
    with panel.engine.begin() as conn:
        assert standard.check(conn, panel["us.delegate"], made.id).ok
        with pytest.raises(ForbiddenError):  # evidence: the originating member's coordinator
            retractions.retract(conn, panel["us.coordinator"], world.ev["jp_doc"], "x")
        mark = retractions.correct(
            conn, panel["jp.coordinator"], world.ev["jp_doc"], "wrong date", world.ev["jp_weak"]
        )
        assert mark.replacement == world.ev["jp_weak"]
        report = standard.check(conn, panel["us.delegate"], made.id)
    assert not report.ok
    assert "was corrected: wrong date" in report.reasons[0]
    assert f"cite {world.ev['jp_weak']} instead" in report.reasons[0]


def test_unreadable_targets_look_absent(panel: Panel) -> None:
    world = build(panel)
    secret = draft(world, f"Fact {world.cite('us_secret')}.", audience=only("US"))
    for target in (secret.id, secret.revision.id, world.ev["us_secret"], "fnd-nope"):
        with pytest.raises(NotFoundError) as e, panel.engine.begin() as conn:
            retractions.retract(conn, panel["kr.coordinator"], target, "x")
        assert str(e.value) == f"no object {target}"
        with pytest.raises(NotFoundError) as e, panel.engine.begin() as conn:
            releases.release(conn, panel["kr.coordinator"], target, everyone("KR"), "x")
        assert str(e.value) == f"no object {target}"


def test_release_widens_only_by_the_originator(panel: Panel) -> None:
    world = build(panel)
    secret = draft(world, f"Fact {world.cite('us_secret')}.", ("DPRK",), audience=only("US"))
    with panel.engine.begin() as conn:
        with pytest.raises(ForbiddenError):
            releases.release(conn, panel["us.analyst"], secret.id, only("US", "KR"), "x")
        with pytest.raises(InputError, match="widens"):
            releases.release(conn, panel["us.coordinator"], secret.id, only("US"), "same")
        with pytest.raises(InputError, match="originating"):
            releases.release(conn, panel["us.coordinator"], secret.id, only("KR", "US"), "x")
    with panel.engine.begin() as conn:
        releases.release(conn, panel["us.coordinator"], secret.id, only("US", "KR"), "review")
        assert findings.get(conn, panel["kr.observer"], secret.id).audience == only("US", "KR")
        with pytest.raises(NotFoundError):
            findings.get(conn, panel["jp.observer"], secret.id)
        with pytest.raises(ForbiddenError):  # KR reads it now, but cannot widen it further
            releases.release(conn, panel["kr.coordinator"], secret.id, everyone("US"), "x")
        with pytest.raises(InputError, match="widens"):  # and no one narrows it again
            releases.release(conn, panel["us.coordinator"], secret.id, only("US"), "back")
    replied(world, secret.id, "DPRK")
    with panel.engine.connect() as conn:
        assert verify(conn).ok
