"""Votes on a revision's hash, the adoption rule, dissents verbatim, and the ledger."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from sanctionwatch.cases import casework, findings, proposals, tables, votes
from sanctionwatch.cases.model import Choice, Status
from sanctionwatch.errors import ForbiddenError, InputError
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import Panel
from tests.cases.scenario import World, build, draft, replied, to_review

DISSENT = "Japan dissents:\n  the imagery is ambiguous — see annex 3.  "


def _ready(panel: Panel) -> tuple[World, findings.Finding]:
    world = build(panel)
    made = draft(world, f"The tanker took oil on board {world.cite('jp_doc')}.", ("DPRK",))
    replied(world, made.id, "DPRK")
    return world, made


def _cast(panel: Panel, finding: findings.Finding, choices: dict[str, Choice]) -> None:
    with panel.engine.begin() as conn:
        for member, choice in choices.items():
            statement = DISSENT if choice is Choice.DISSENT else ""
            votes.vote(
                conn,
                panel[f"{member.lower()}.delegate"],
                finding.id,
                finding.revision.sha256,
                choice,
                statement,
            )


E, R, D, A = Choice.ENDORSE, Choice.RESERVATION, Choice.DISSENT, Choice.ABSTAIN


@pytest.mark.parametrize(
    ("choices", "adopted"),
    [
        ({"US": E, "KR": E, "JP": D, "AU": E, "NZ": D}, False),  # 3 of 5: below two thirds
        ({"US": E, "KR": R, "JP": D, "AU": E, "NZ": E}, True),  # 4 of 5
        ({"US": E, "KR": E, "JP": D, "AU": A, "NZ": A}, True),  # 2 of 3: abstentions not counted
        ({"US": E, "KR": E}, False),  # 2 of 5 members voted: no quorum
    ],
)
def test_adoption_rule(panel: Panel, choices: dict[str, Choice], adopted: bool) -> None:
    _, made = _ready(panel)
    _cast(panel, made, choices)
    with panel.engine.connect() as conn:
        counted = votes.tally(conn, panel["au.observer"], made.id)
    assert counted.adopted is adopted
    assert counted.counts[Choice.ENDORSE.value] == sum(c is E for c in choices.values())
    assert counted.eligible == ("AU", "JP", "KR", "NZ", "US")


def test_vote_rules_and_new_revision_voids_votes(panel: Panel) -> None:
    _, made = _ready(panel)
    sha = made.revision.sha256
    with panel.engine.begin() as conn:
        with pytest.raises(ForbiddenError):
            votes.vote(conn, panel["us.analyst"], made.id, sha, E)
        with pytest.raises(InputError, match="latest text"):
            votes.vote(conn, panel["us.delegate"], made.id, "0" * 64, E)
    _cast(panel, made, {"US": E, "KR": E, "JP": E, "AU": E})
    with panel.engine.begin() as conn:
        newer = proposals.propose(
            conn,
            panel["us.analyst"],
            made.id,
            made.revision.id,
            made.revision.text + " Uncited.",
            "",
        )
        counted = votes.tally(conn, panel["us.delegate"], made.id)
        assert counted.revision_sha256 == newer.sha256 and not counted.votes and not counted.adopted
        with pytest.raises(InputError, match="evidence standard"):
            votes.vote(conn, panel["us.delegate"], made.id, newer.sha256, E)
        with pytest.raises(InputError, match="latest text"):
            votes.vote(conn, panel["us.delegate"], made.id, sha, E)


def test_adopt_keeps_dissent_verbatim(panel: Panel) -> None:
    world, made = _ready(panel)
    _cast(panel, made, {"US": E, "KR": E, "JP": D, "AU": E, "NZ": E})
    with pytest.raises(InputError, match="in review"), panel.engine.begin() as conn:
        votes.adopt(conn, panel["us.coordinator"], made.id)  # the case is still open
    to_review(world)
    with panel.engine.begin() as conn:
        with pytest.raises(ForbiddenError):
            votes.adopt(conn, panel["kr.coordinator"], made.id)
        votes.adopt(conn, panel["us.coordinator"], made.id)
        adopted = findings.get(conn, panel["nz.observer"], made.id)
        assert adopted.state == "adopted"
        assert [(d.member, d.statement) for d in adopted.dissents] == [("JP", DISSENT)]
        assert casework.get(conn, panel["us.analyst"], world.case_id).status is Status.ADOPTED
        with pytest.raises(InputError, match="voting is closed"):
            votes.vote(conn, panel["jp.delegate"], made.id, made.revision.sha256, E)


def test_votes_and_revisions_are_in_the_ledger(panel: Panel) -> None:
    _, made = _ready(panel)
    _cast(panel, made, {"US": E, "JP": D})
    with panel.engine.begin() as conn:
        assert verify(conn).ok
        vote = conn.execute(
            select(tables.votes.c.id, tables.votes.c.entry).where(tables.votes.c.member == "JP")
        ).one()
        conn.execute(text("UPDATE cs_votes SET choice = 'endorse' WHERE id = :id"), {"id": vote.id})
        report = verify(conn)
        assert not report.ok and report.first_bad_entry == vote.entry
        conn.rollback()
    with panel.engine.begin() as conn:
        rev = made.revision
        entry = conn.execute(
            select(tables.revisions.c.entry).where(tables.revisions.c.id == rev.id)
        ).scalar()
        conn.execute(
            text("UPDATE cs_revisions SET text = 'softened' WHERE id = :id"), {"id": rev.id}
        )
        report = verify(conn)
        assert not report.ok and report.first_bad_entry == entry
