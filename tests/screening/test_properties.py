"""Invariants of the scorer, found by Hypothesis: bounded, symmetric, identity, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.screening.analysis import analyse
from sanctionwatch.screening.namesim import align, token_similarity
from sanctionwatch.screening.pairs import score_pair
from sanctionwatch.screening.weights import TokenWeights

names = st.text(min_size=0, max_size=80)
tokens = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10), min_size=1, max_size=5
).map(tuple)
WEIGHTS = TokenWeights([("kim", "jong", "un"), ("kim", "yong", "chol"), ("ri", "song")])


def person(name: str, birth: str | None = None) -> dict[str, object]:
    props: dict[str, list[str]] = {"name": [name]}
    if birth:
        props["birthDate"] = [birth]
    return {"schema": "Person", "properties": props}


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_score_is_bounded_and_symmetric(a: str, b: str) -> None:
    ab = score_pair(person(a), person(b)).score
    ba = score_pair(person(b), person(a)).score
    assert 0.0 <= ab <= 1.0
    assert abs(ab - ba) < 1e-9


@settings(max_examples=200, deadline=None)
@given(names.filter(lambda n: any(c.isalnum() for c in n)))
def test_identical_names_score_one(name: str) -> None:
    if analyse(name, "Person").forms:
        assert score_pair(person(name), person(name)).score == 1.0


@settings(max_examples=300, deadline=None)
@given(tokens, tokens)
def test_alignment_bounded_symmetric(a: tuple[str, ...], b: tuple[str, ...]) -> None:
    assert 0.0 <= align(a, b, WEIGHTS).score <= 1.0
    assert abs(align(a, b, WEIGHTS).score - align(b, a, WEIGHTS).score) < 1e-9
    assert align(a, a, WEIGHTS).score == 1.0


@given(st.text(max_size=12), st.text(max_size=12))
def test_token_similarity_symmetric(a: str, b: str) -> None:
    assert token_similarity(a, b) == token_similarity(b, a)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=100).map(lambda s: (s * 10_000)[:10_000]))
def test_huge_and_junk_names_never_crash(name: str) -> None:
    score = score_pair(person(name), person("KIM JONG UN")).score
    assert 0.0 <= score <= 1.0


@settings(max_examples=100, deadline=None)
@given(names.filter(lambda n: len(n.split()) >= 1), st.integers(1900, 1960))
def test_birth_date_decades_apart_never_matches(name: str, year: int) -> None:
    score = score_pair(person(name, str(year)), person(name, str(year + 30))).score
    assert score < 0.7
