"""Screening the real lists: names, identifiers, explanations, thresholds."""

from __future__ import annotations

import pytest

from sanctionwatch.errors import InputError
from sanctionwatch.screening.engine import screen
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.queries import simple_query


def top(index: ScreeningIndex, name: str, **kw: str) -> tuple[str, float, bool]:
    (best, *_) = screen(index, simple_query(name, **kw), limit=3)  # type: ignore[arg-type]
    return best.candidate.id, best.score.score, best.match


def test_exact_name_and_explanation(index: ScreeningIndex) -> None:
    (best, *_) = screen(index, simple_query("KIM JONG UN", "Person"))
    assert best.candidate.id == "ofac-20157" and best.match and best.score.score == 1.0
    name = best.score.explanation()["name"]
    assert name["query_name"] == "KIM JONG UN" and name["list_name"] == "KIM, Jong Un"
    assert "dprk" in best.candidate.regimes


def test_kim_jong_il_is_not_kim_jong_un(index: ScreeningIndex) -> None:
    found = screen(index, simple_query("KIM JONG IL", "Person"))
    assert all(m.candidate.id != "ofac-20157" or not m.match for m in found)


def test_birth_date_decades_off_pulls_below_threshold(index: ScreeningIndex) -> None:
    assert top(index, "KIM YONG CHOL", schema="Person", birth_date="1962-02-18")[2]
    found = screen(index, simple_query("KIM YONG CHOL", "Person", birth_date="1926"))
    assert found and not any(m.match for m in found)
    kim = next(m for m in found if m.candidate.id == "sw-ofac-17614")
    assert kim.score.explanation()["name"]["value"] == 1.0
    assert "36 years apart" in kim.score.explanation()["birth_date"]["detail"]


def test_imo_is_decisive_and_different_imo_rules_out(index: ScreeningIndex) -> None:
    assert top(index, "", imo="IMO 7937317") == ("ofac-17069", 1.0, True)
    found = screen(index, simple_query("CHONG CHON GANG", "Vessel", imo="1234567"))
    assert all(m.candidate.id != "ofac-17069" for m in found)


def test_wallet_normalized_per_chain(index: ScreeningIndex) -> None:
    eth = "0x098b716b8aaf21512996dc57eb0615e2383e2f96"  # listed in checksum case
    assert top(index, "", wallet=eth)[0] == "ofac-27307"
    xbt = "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak"  # TIAN Yinyin, case-sensitive base58
    assert top(index, "", wallet=xbt)[0] == "ofac-28263"
    assert not screen(index, simple_query(None, wallet=xbt.lower()))


def test_merged_entity_is_one_result(index: ScreeningIndex) -> None:
    (best, *_) = screen(index, simple_query("Ocean Maritime Management Company", "Company"))
    assert best.candidate.id == "sw-ofac-17068" and best.match
    assert best.candidate.datasets == ("ofac-sdn", "un")


def test_typo_and_word_order(index: ScreeningIndex) -> None:
    assert top(index, "Jong Un Kim", schema="Person")[0] == "ofac-20157"
    assert top(index, "LAZARUS GRUOP")[:1] == ("ofac-27307",)


def test_schema_incompatibility_and_bad_input(index: ScreeningIndex) -> None:
    assert all(
        m.candidate.schema != "Person" for m in screen(index, simple_query("KIM JONG UN", "Vessel"))
    )
    assert screen(index, simple_query("", "Person")) == []
    assert isinstance(screen(index, simple_query("x" * 10_000, "Person")), list)
    assert isinstance(screen(index, simple_query("\x00\x01\ud7ff" * 50)), list)
    with pytest.raises(InputError):
        simple_query("a", "NoSuchSchema")
    with pytest.raises(InputError):
        screen(index, simple_query("a"), threshold=1.5)
