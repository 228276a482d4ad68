"""Korean romanization keys: spelling variants collide, different syllables do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.screening.names.hangul import romanize
from sanctionwatch.screening.names.normalize import tokenize
from sanctionwatch.screening.names.romanize import (
    SYLLABLES,
    korean_keys,
    looks_korean,
    split_syllables,
    syllable_key,
    token_keys,
)
from sanctionwatch.screening.names.surnames import SURNAMES


def key(name: str) -> tuple[str, ...]:
    return tuple(sorted(korean_keys(tokenize(name))))


@pytest.mark.parametrize(
    "spellings",
    [
        ["KIM JONG UN", "Kim Jong-un", "Gim Jeong-eun", "Jongun Kim", "KIM JONGUN", "Kim Chŏng-ŭn"],
        ["RI YONG GIL", "Lee Yeong-gil", "Yi Yong-gil", "Rhee Young Gil", "Ri Yonggil"],
        ["CHOE RYONG HAE", "Choi Ryong-hae", "Ch'oe Ryong-hae", "Choy Ryeong Hae"],
        ["PAK", "Park", "Bak"],
        ["KIM YONG CHOL", "Kim Young-Chol", "Kim Young-Cheol", "Kim Yong-Chul"],
        ["KIM TONG MY'ONG", "Kim Tong-Myo'ng", "Kim Dong Myeong", "Kim Tong Myung"],
        ["RI U'N SO'NG", "Ri Eun Song", "Ri Un Song", "Lee Eun-seong"],
        ["CHO IL U", "Cho Il Woo", "Jo Il U"],
        ["HYON KWANG IL", "Hyon Gwang Il", "Hyun Kwang-il"],
        ["CHU HYO'K", "Ju Hyok", "Joo Hyuk", "Ju Hyeok"],
        ["SIN YONG IL", "Shin Yeong-il"],
        ["PAEK SE BONG", "Paek Se Pong", "Baek Se-bong", "Paik Se Bong"],
        ["O KUK RYOL", "Oh Kuk-ryol", "O Geuk-ryeol"],
        ["RYANG TAE CHOL", "Yang Tae-cheol"],
        ["JONG KYONG THAEK", "Chung Kyung Taek", "Jeong Gyeong-taek"],
    ],
)
def test_spelling_variants_share_a_key(spellings: list[str]) -> None:
    keys = {key(s) for s in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ryong", "yong"),  # 룡 and 영/용 stay apart in the middle of a name
        ("kim", "kum"),
        ("jong", "jang"),
        ("song", "sun"),
        ("chol", "chun"),
        ("hyok", "hak"),
    ],
)
def test_different_syllables_keep_apart(a: str, b: str) -> None:
    assert token_keys(a) != token_keys(b)


def test_ryong_and_yong_in_names() -> None:
    assert key("Choe Ryong Hae") != key("Choe Yong Hae")
    assert key("Choe Ryeong Hae") == key("Choe Ryong Hae")


def test_joined_syllables_split_only_when_clean() -> None:
    assert split_syllables("jongun") == ("jong", "un")
    assert split_syllables("yongchol") == ("yong", "chol")
    assert split_syllables("youngchul") == ("young", "chul")
    assert split_syllables("taedong") == ("tae", "dong")
    assert split_syllables("kim") == ("kim",)
    assert split_syllables("vladimir") is None
    assert split_syllables("smith") is None
    assert split_syllables("") is None


def test_non_korean_tokens_pass_through() -> None:
    assert korean_keys(("vladimir", "smith")) == ("vladimir", "smith")
    assert not looks_korean(("vladimir", "putin"))  # PUTIN reads as PU TIN, VLADIMIR does not
    assert not looks_korean(("mohammed", "ali"))
    assert looks_korean(("jongun", "kim"))


def test_surname_key_applies_to_the_surname_only() -> None:
    assert korean_keys(("cho", "yon", "chun")) == ("jo", "yon", "jun")  # CHUN: 춘, not 전
    assert korean_keys(("chun", "doo", "hwan")) == ("jon", "tu", "hwan")  # Chun: 전
    assert korean_keys(("yong", "gil", "lee")) == ("yong", "kil", "ri")
    assert korean_keys(("yu", "jong"), person=False) == ("yu", "jong")


def test_every_surname_spelling_has_one_key() -> None:
    for hangul, spellings in SURNAMES.items():
        keys = {korean_keys((s.lower(), "x")) for s in spellings}
        assert len(keys) == 1, (hangul, keys)


def test_keys_of_every_hangul_syllable_are_canonical() -> None:
    for code in range(0xAC00, 0xD7A4):
        for system in ("dprk", "rr", "mr_ascii"):
            spelling = romanize(chr(code), system)[0]
            k = syllable_key(spelling)
            assert spelling in SYLLABLES, (chr(code), spelling)
            assert syllable_key(k) == k, (chr(code), spelling, k)


def test_north_and_south_spellings_of_a_syllable_collide() -> None:
    missed = [
        chr(code)
        for code in range(0xAC00, 0xD7A4)
        if len({syllable_key(romanize(chr(code), s)[0]) for s in ("dprk", "rr", "mr_ascii")}) > 1
    ]
    assert not missed, missed[:20]


@given(st.text(alphabet="abcdeghijklmnoprstuwy'", max_size=60))
def test_keys_never_crash_and_stay_ascii(token: str) -> None:
    keys = korean_keys((token, "kim"))
    assert all(k.isascii() for k in keys)
    syllables = split_syllables(token)
    if syllables is not None:
        assert "".join(syllables) == token
