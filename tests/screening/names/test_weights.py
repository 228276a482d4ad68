"""Token rarity learnt from the real lists."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.screening.names.forms import name_forms
from sanctionwatch.screening.names.weights import FLOOR, GENERIC_CAP, SURNAME_CAP, TokenRarity


@pytest.fixture(scope="module")
def rarity(all_names: list[tuple[str, str]]) -> TokenRarity:
    return TokenRarity(name_forms(n, s).tokens for n, s in all_names)


def test_korean_surnames_carry_little_evidence(rarity: TokenRarity) -> None:
    for surname in ("kim", "ri", "pak", "choe", "jong", "lee", "park", "choi", "gim"):
        assert rarity.weight(surname) <= SURNAME_CAP
    assert rarity.weight("ryonbong") > 0.5
    assert rarity.weight("kim") < rarity.weight("ryonbong")


def test_legal_forms_and_common_words_carry_little(rarity: TokenRarity) -> None:
    for token in ("co", "ltd", "llc", "trading", "shipping", "intl"):
        assert rarity.weight(token) <= GENERIC_CAP


def test_unknown_tokens_weigh_most(rarity: TokenRarity) -> None:
    assert rarity.weight("zzqxv") == 1.0
    assert rarity.weight("x") < 1.0  # an initial
    assert rarity.weight("7") < 1.0  # a hull number


def test_frequent_tokens_weigh_less(rarity: TokenRarity) -> None:
    assert rarity.documents > 50_000
    assert rarity.weight("mohammad") < rarity.weight("saddam")
    assert rarity.weight("bank") < rarity.weight("daesong")


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=4), max_size=30), st.text())
def test_weights_are_bounded_and_ordered_by_frequency(corpus: list[list[str]], token: str) -> None:
    rarity = TokenRarity(corpus)
    weights = {t: rarity.weight(t) for t in "abcdefgh"}
    assert all(FLOOR <= w <= 1.0 for w in weights.values())
    assert FLOOR <= rarity.weight(token) <= 1.0
    for a in "abcdefgh":
        for b in "abcdefgh":
            if rarity.counts[a] < rarity.counts[b]:
                assert weights[a] >= weights[b]
