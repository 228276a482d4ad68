"""Findings: drafts, citations, revisions against a named base, diffs, audiences."""

from __future__ import annotations

import pytest

from sanctionwatch.cases import citations, findings, proposals
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError
from tests.cases.conftest import Panel
from tests.cases.scenario import build, draft, everyone, only


def test_citations_syntax() -> None:
    text = (
        "# Findings\n"
        "The tanker A met B at night [ev:ev-1]. It sailed to Nampo. [ev:ev-2][ev:ev-3]\n"
        "Was it loaded? The master said:\n"
        "> We carried coal.\n\n"
        "An uncited claim. 5 tonnes moved [ev:ev-1]."
    )
    found = citations.citations(text)
    assert [s.exempt for s in found] == [
        "heading",
        None,
        None,
        "question",
        None,
        "quote",
        None,
        None,
    ]
    assert found[1].cites == ("ev-1",)
    assert found[2].cites == ("ev-2", "ev-3")
    assert [s.number for s in citations.uncited(text)] == [5, 7]
    assert found[6].short == "An uncited claim."


def test_draft_and_read_rules(panel: Panel) -> None:
    world = build(panel)
    made = draft(world, f"The vessel moved oil {world.cite('us', 'kr')}.", ("DPRK",))
    assert made.revision.number == 1 and made.state == "draft" and made.named == ("DPRK",)
    with panel.engine.begin() as conn:
        assert findings.get(conn, panel["nz.observer"], made.id).id == made.id
        with pytest.raises(NotFoundError) as hidden:
            findings.get(conn, None, made.id)
        with pytest.raises(NotFoundError) as missing:
            findings.get(conn, None, "fnd-nope")
        assert str(hidden.value) == f"no finding {made.id}"
        assert str(missing.value) == "no finding fnd-nope"
        with pytest.raises(ForbiddenError):
            findings.draft(conn, panel["us.observer"], world.case_id, "t", "x", (), everyone("US"))


def test_audience_no_wider_than_cited_evidence(panel: Panel) -> None:
    world = build(panel)
    with pytest.raises(InputError, match="may not be read by every reader"):
        draft(world, f"A secret fact {world.cite('us_secret')}.")
    secret = draft(world, f"A secret fact {world.cite('us_secret')}.", audience=only("US"))
    with panel.engine.connect() as conn:
        with pytest.raises(NotFoundError):
            findings.get(conn, panel["kr.analyst"], secret.id)
        assert secret.id not in {f.id for f in findings.list_findings(conn, panel["kr.analyst"])}
        assert secret.id in {f.id for f in findings.list_findings(conn, panel["us.observer"])}
    # KR may not cite what it cannot read: as if it were absent
    with pytest.raises(NotFoundError), panel.engine.begin() as conn:
        findings.draft(
            conn,
            panel["kr.analyst"],
            world.case_id,
            "t",
            f"x {world.cite('us_secret')}.",
            (),
            everyone("KR"),
        )


def test_proposals_against_the_latest_revision_only(panel: Panel) -> None:
    world = build(panel)
    made = draft(world, f"First line {world.cite('us')}.\nSecond line {world.cite('kr')}.")
    first = made.revision
    with panel.engine.begin() as conn:
        second = proposals.propose(
            conn, panel["kr.reviewer"], made.id, first.id, first.text + " Third.", "add"
        )
    assert second.number == 2 and second.base == first.id
    assert "-Second line" in second.diff and "+Second line" in second.diff
    with pytest.raises(InputError, match="rebase"), panel.engine.begin() as conn:
        proposals.propose(conn, panel["us.analyst"], made.id, first.id, "stale", "lost update")
    with panel.engine.connect() as conn:
        history = proposals.history(conn, panel["jp.observer"], made.id)
        assert [r.number for r in history] == [1, 2]
        assert history[0].text == first.text  # the old text is kept in full
        assert findings.get(conn, panel["au.observer"], made.id).revision.id == second.id
        text = proposals.diff(conn, panel["au.observer"], made.id, "1", second.id)
        assert text.startswith("--- revision 1\n+++ revision 2\n") and "Third." in text
        with pytest.raises(NotFoundError):
            proposals.diff(conn, None, made.id, "1", "2")
    with pytest.raises(ForbiddenError), panel.engine.begin() as conn:
        proposals.propose(conn, panel["au.observer"], made.id, second.id, "x", "")
