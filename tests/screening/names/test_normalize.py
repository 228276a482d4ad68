"""Normalization and name forms: examples, and invariants on arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.screening.names.forms import name_forms
from sanctionwatch.screening.names.normalize import MAX_CHARS, normalize, tokenize
from sanctionwatch.screening.names.translit import MAX_VARIANTS

# any text without surrogates, control characters included
anything = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
long_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=200).map(
    lambda s: (s * (10_000 // len(s) + 1))[:10_000]
)  # Hypothesis draws at most a few thousand characters: repeat them to 10,000


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("KIM, Jong-Un", "kim jong un"),
        ("Ch'oe So'k-min", "choe sok min"),
        ("RI U’N SO’NG", "ri un song"),
        ("Kim Chŏng-ŭn", "kim chong un"),
        ("ＫＩＭ　ＪＯＮＧ", "kim jong"),
        ("J.S.C. “Rosneft”", "jsc rosneft"),
        ("Ærøskøbing & Co., Ltd.", "aeroskobing and co ltd"),
        ("Łódź  \t\n Straße", "lodz strasse"),
        ("김정은", "김정은"),
        ("", ""),
        ("...", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_legal_forms_are_canonical_and_left_out_of_the_core() -> None:
    forms = name_forms("Korea Mining Development Trading Corporation", "Organization")
    assert forms.tokens == ("korea", "mining", "development", "trading", "corp")
    assert forms.core == ("korea", "mining", "development", "trading")
    assert forms.legal == ("corp",)
    same = name_forms("KOREA MINING DEVELOPMENT TRADING CORP.", "Company")
    assert same.key == forms.key
    assert name_forms("Ocean Maritime Management Company, Limited", "Company").legal == (
        "co",
        "ltd",
    )
    assert name_forms("OOO Ромашка", "Company").core == ("romashka",)
    assert name_forms("Ромашка LLC", "Company").core == ("romashka",)
    assert name_forms("Dalian Haibo International Freight Co. Ltd.", "Company").core == (
        "dalian",
        "haibo",
        "intl",
        "freight",
    )
    assert name_forms("Company Limited", "Company").core == ("co", "ltd")  # nothing else left


def test_short_forms_count_only_at_the_end() -> None:
    assert name_forms("Sa Ryong Trading", "Company").core == ("sa", "ryong", "trading")
    assert name_forms("Rosoboronexport AG", "Company").core == ("rosoboronexport",)


def test_person_names_keep_every_token() -> None:
    assert name_forms("Co Ltd", "Person").core == ("co", "ltd")


@pytest.mark.parametrize("raw", ["M/V CHON MA SAN", "MV Chon Ma San", "M.V. CHON MA SAN"])
def test_vessel_prefixes(raw: str) -> None:
    assert name_forms(raw, "Vessel").core == ("chon", "ma", "san")


def test_vessel_prefix_needs_a_vessel() -> None:
    assert name_forms("MT Trading", "Company").core == ("mt", "trading")
    assert name_forms("M/V CHON MA SAN").core == ("chon", "ma", "san")


def test_name_forms_of_a_hangul_name() -> None:
    forms = name_forms("김정은", "Person")
    assert forms.tokens == ("kim", "jong", "un")
    assert forms.key == "jong kim un"
    assert "gim jeong eun" in forms.latin
    assert "jongun kim" in forms.latin
    assert {tuple(sorted(k)) for k in forms.korean} == {("jong", "kim", "un")}
    assert len(forms.latin) <= MAX_VARIANTS


def test_korean_keys_only_for_korean_names() -> None:
    assert name_forms("Vladimir Putin", "Person").korean == ()
    assert name_forms("Gim Jeong-eun", "Person").korean == (("kim", "jong", "un"),)
    assert name_forms("Korea Taedong Shipping", "Company").korean == (
        ("korea", "tae", "tong", "shipping"),
    )


@given(anything)
def test_normalize_never_crashes_and_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert len(once) <= MAX_CHARS
    assert once == once.strip()
    assert "  " not in once


@settings(max_examples=30, deadline=None)
@given(long_text)
def test_long_text_is_bounded(text: str) -> None:
    assert len(text) == 10_000
    assert len(normalize(text)) <= MAX_CHARS
    forms = name_forms(text, "Organization")
    assert len(forms.latin) <= MAX_VARIANTS
    assert len(" ".join(forms.tokens)) <= MAX_CHARS


@given(anything, st.sampled_from(["Person", "Organization", "Company", "Vessel", "Thing"]))
def test_name_forms_never_crash(text: str, schema: str) -> None:
    forms = name_forms(text, schema)
    assert forms.original == text
    assert len(forms.latin) <= MAX_VARIANTS
    assert tokenize(" ".join(forms.tokens)) == forms.tokens
    assert forms.key == " ".join(sorted(forms.core))
    assert set(forms.core) <= set(forms.tokens)


@given(anything)
def test_tokens_are_normalized_words(text: str) -> None:
    tokens = tokenize(text)
    assert all(t and " " not in t and normalize(t) == t for t in tokens)
