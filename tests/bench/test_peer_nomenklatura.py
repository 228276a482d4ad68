"""The peer wrapper: logic-v2 scores each pair on its own names, and its absence is
reported, not crashed on."""

from __future__ import annotations

import sys

import pytest
from bench.peer_nomenklatura import PeerMissing, content_id, logic_v2_scorer


def person(name: str, **props: str) -> dict[str, object]:
    return {
        "schema": "Person",
        "properties": {"name": [name], **{k: [v] for k, v in props.items()}},
    }


def test_without_nomenklatura_the_scorer_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "nomenklatura.matching", None)
    with pytest.raises(PeerMissing, match=r"\.\[bench\]"):
        logic_v2_scorer()


def test_each_pair_is_scored_on_its_own_names() -> None:
    """logic-v2 caches name analysis per entity id: ids must follow content."""
    pytest.importorskip("nomenklatura")
    score = logic_v2_scorer()
    assert score(person("Kim Jong Un"), person("KIM, Jong Un")) == pytest.approx(1.0)
    assert score(person("Pak Pong Ju"), person("KIM, Jong Un")) < 0.5
    assert content_id(person("Kim Jong Un")) != content_id(person("Pak Pong Ju"))


def test_birth_dates_and_countries_reach_the_peer() -> None:
    pytest.importorskip("nomenklatura")
    score = logic_v2_scorer()
    same = score(person("Kim Yong Chol", birthDate="1962-02-18"), person("KIM YONG CHOL"))
    apart = score(
        person("Kim Yong Chol", birthDate="1995-03-01", nationality="North Korea"),
        person("KIM YONG CHOL", birthDate="1962-02-18", nationality="kp"),
    )
    assert apart < same
