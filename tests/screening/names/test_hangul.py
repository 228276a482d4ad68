"""Hangul decomposition and romanization, on the syllables DPRK list entries use."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.screening.names.hangul import (
    MAX_VARIANTS,
    Jamo,
    decompose,
    looks_like_person,
    name_variants,
    romanize,
    split_name,
    word_variants,
)

hangul_text = st.text(st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=12)


def test_decomposition_is_arithmetic() -> None:
    assert decompose("가") == Jamo(0, 0, 0)
    assert decompose("힣") == Jamo(18, 20, 27)
    assert decompose("김") == Jamo(0, 20, 16)  # ㄱ ㅣ ㅁ
    assert decompose("a") is None
    assert decompose("ㄱ") is None  # a compatibility jamo, not a syllable


@pytest.mark.parametrize(
    ("syllable", "spelling"),
    [
        ("리", "ri"),
        ("박", "pak"),
        ("최", "choe"),
        ("정", "jong"),
        ("룡", "ryong"),
        ("철", "chol"),
        ("혁", "hyok"),
        ("영", "yong"),
        ("광", "kwang"),
        ("성", "song"),
        ("일", "il"),
        ("남", "nam"),
        ("학", "hak"),
        ("순", "sun"),
        ("현", "hyon"),
        ("은", "un"),
        ("태", "thae"),
    ],
)
def test_dprk_spelling_of_syllables(syllable: str, spelling: str) -> None:
    assert romanize(syllable, "dprk") == [spelling]


def test_other_systems() -> None:
    assert romanize("김정은", "rr") == ["gim", "jeong", "eun"]
    assert romanize("정은", "mr", voiced=True) == ["chŏng", "ŭn"]
    assert romanize("최", "mr") == ["ch'oe"]
    assert romanize("최", "mr_ascii") == ["choe"]
    assert romanize("시", "mr") == ["shi"]


def test_voicing_inside_given_names() -> None:
    assert romanize("영길", "dprk") == ["yong", "kil"]
    assert romanize("영길", "dprk", voiced=True) == ["yong", "gil"]
    assert romanize("영길", "mr", voiced=True) == ["yŏng", "gil"]


def test_kim_jong_un_variants() -> None:
    variants = name_variants("김정은")
    assert variants[0] == "KIM JONG UN"
    for expected in ("KIM JONG-UN", "KIM JONGUN", "JONG UN KIM", "JONGUN KIM"):
        assert expected in variants
    assert "GIM JEONG-EUN" in variants
    assert "KIM CHŎNG-ŬN" in variants
    assert "KIM CHONG-UN" in variants


def test_surname_spellings_north_and_south() -> None:
    assert "RI YONG GIL" in name_variants("리영길")
    assert "LEE YEONG-GIL" in name_variants("리영길")
    assert "CHOE RYONG HAE" in name_variants("최룡해")
    assert "CHOI RYONG-HAE" in name_variants("최룡해")
    park = name_variants("박")
    assert park[:2] == ("PAK", "PARK")


def test_segmentation() -> None:
    assert split_name("김정은") == split_name("김 정은")
    assert (split_name("김정은").surname, split_name("김정은").given) == ("김", "정은")
    assert (split_name("남궁민").surname, split_name("남궁민").given) == ("남궁", "민")
    assert (split_name("선우현").surname, split_name("황보철").surname) == ("선우", "황보")
    assert split_name("남궁").surname == "남"  # two syllables: a surname and a given name
    assert not split_name("갑을병").known_surname


def test_person_or_not() -> None:
    assert looks_like_person("김정은")
    assert looks_like_person("남궁 민")
    assert not looks_like_person("조선광업개발무역회사")
    assert not looks_like_person("김")


def test_company_words() -> None:
    assert "CHOSONKWANGOPKAEPALMUYOKHOESA" in word_variants("조선광업개발무역회사")
    assert word_variants("조선 광업") == (
        "JOSON KWANGOP",
        "CHOSON KWANGOP",
        "JOSEON GWANGEOP",
        "CHOSŎN KWANGŎP",
    )


@given(hangul_text)
def test_variants_are_bounded_and_latin(text: str) -> None:
    variants = name_variants(text)
    assert len(variants) <= MAX_VARIANTS
    assert len(set(variants)) == len(variants)
    for variant in variants:
        assert not any(0xAC00 <= ord(c) <= 0xD7A3 for c in variant)


@given(hangul_text)
def test_every_syllable_is_romanized(text: str) -> None:
    for system in ("dprk", "rr", "mr", "mr_ascii"):
        spelled = romanize(text, system)
        assert len(spelled) == len(text)
        assert all(spelled)
