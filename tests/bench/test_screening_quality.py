"""The quality benchmark's harness: it reads every labelled pair, builds valid FtM
entities from them and counts precision and recall right."""

from __future__ import annotations

import sys

import pytest
from bench.screening_quality import (
    Case,
    entity,
    load_dprk,
    load_nomenklatura,
    load_watchman,
    metrics,
    ours,
)
from followthemoney import ValueEntity, model


def test_nomenklatura_cases_are_all_read() -> None:
    cases = load_nomenklatura()
    assert len(cases) == 826
    assert sum(c.is_match for c in cases) == 425
    assert {c.query["schema"] for c in cases} >= {"Person", "Company", "Vessel"}


def test_watchman_pairs_are_all_matches_grouped_by_script() -> None:
    cases = load_watchman()
    assert len(cases) == 22
    assert all(c.is_match for c in cases)
    korean = [c for c in cases if c.category == "Korean (Hangul)"]
    assert [c.query["properties"]["name"][0] for c in korean] == ["김정은", "박지성", "이민호"]
    assert korean[0].candidate["properties"]["name"] == ["Kim Jong Un"]


def test_dprk_pairs_carry_dates_and_countries_into_the_entities() -> None:
    cases = load_dprk()
    assert len(cases) >= 200
    dated = [c for c in cases if c.category == "negative_dob"]
    assert dated and all("birthDate" in c.query["properties"] for c in dated)
    assert {c.split for c in cases} == {"dev", "test"}


def test_every_entity_built_is_valid_followthemoney() -> None:
    for case in load_nomenklatura() + load_watchman() + load_dprk():
        for side in (case.query, case.candidate):
            proxy = ValueEntity(model.get(side["schema"]), {"id": "x"})
            for prop, values in side["properties"].items():
                proxy.add(prop, values)  # raises on a property the schema lacks


def test_country_goes_to_the_schema_s_own_property() -> None:
    assert entity("Person", "Kim", "1962", "kp")["properties"]["nationality"] == ["kp"]
    assert entity("Vessel", "CHON MA SAN", country="kp")["properties"]["flag"] == ["kp"]
    assert entity("Company", "KOMID", country="kp")["properties"]["country"] == ["kp"]
    assert entity("Person", "Kim")["properties"] == {"name": ["Kim"]}


def test_metrics_count_each_outcome_at_the_threshold() -> None:
    pair = entity("Person", "Kim Jong Un")
    labels = [True, True, True, False, False]
    cases = [Case(pair, pair, label) for label in labels]
    m = metrics(cases, [0.9, 0.7, 0.69, 0.71, 0.1], threshold=0.7)
    assert (m.tp, m.fn, m.fp, m.tn) == (2, 1, 1, 1)
    assert m.precision == pytest.approx(2 / 3)
    assert m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)


def test_precision_is_undefined_when_nothing_is_found() -> None:
    pair = entity("Person", "Kim Jong Un")
    m = metrics([Case(pair, pair, True)], [0.2], threshold=0.7)
    assert m.precision is None and m.recall == 0 and m.f1 is None


def test_a_missing_engine_stops_the_run_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "sanctionwatch.screening.pairs", None)
    with pytest.raises(SystemExit, match="score_entities"):
        ours()
