"""Korean Hangul to Latin: syllable decomposition and the romanizations in use.

A Hangul syllable (U+AC00..U+D7A3) is decomposed arithmetically into its
initial consonant, vowel and final consonant, and each part is spelt in one
of four systems:

- ``dprk``: the spelling North Korean names have on sanctions lists (리 RI,
  정 JONG, 철 CHOL, 혁 HYOK, 룡 RYONG, 태 THAE): McCune-Reischauer without
  breves or apostrophes, with ㅈ written J.
- ``rr``: South Korea's Revised Romanization (김정은 GIM JEONG-EUN).
- ``mr``: McCune-Reischauer with breves and apostrophes (KIM CHŎNG-ŬN, CH'OE).
- ``mr_ascii``: the same without breves and apostrophes (KIM CHONG-UN, CHOE).

Names are romanized syllable by syllable, as lists write them; the sound
changes across syllables (assimilation) are not applied, except that ``mr``
and the voiced ``dprk`` variant voice a plain consonant inside a given name
after a vowel or a sonorant (리영길 -> RI YONG GIL).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sanctionwatch.screening.names.surnames import COMPOUND, SURNAMES

System = Literal["dprk", "rr", "mr", "mr_ascii"]
SYSTEMS: tuple[System, ...] = ("dprk", "rr", "mr", "mr_ascii")
MAX_VARIANTS = 16

FIRST, LAST = 0xAC00, 0xD7A3
# fmt: off
# initials in the order ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ ("" for ㅇ)
_INITIALS: dict[System, tuple[str, ...]] = {
    "dprk":     ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "",
                 "j", "jj", "ch", "k", "th", "ph", "h"),
    "rr":       ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "",
                 "j", "jj", "ch", "k", "t", "p", "h"),
    "mr":       ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "",
                 "ch", "tch", "ch'", "k'", "t'", "p'", "h"),
    "mr_ascii": ("k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "",
                 "ch", "tch", "ch", "k", "t", "p", "h"),
}
# vowels in the order ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
_PLAIN = ("a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae",
          "oe", "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i")
_VOWELS: dict[System, tuple[str, ...]] = {
    "dprk":     _PLAIN,
    "rr":       ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
                 "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"),
    "mr":       ("a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae",
                 "oe", "yo", "u", "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i"),
    "mr_ascii": _PLAIN,
}
# finals: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l",
           "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")
# fmt: on
_VOICED = {"k": "g", "t": "d", "p": "b", "ch": "j"}  # lenis consonants between voiced sounds
_LENIS = frozenset({0, 3, 7, 12})  # ㄱ ㄷ ㅂ ㅈ
_SONORANT_FINALS = frozenset({0, 4, 8, 16, 21})  # none, ㄴ ㄹ ㅁ ㅇ


@dataclass(frozen=True)
class Jamo:
    """The parts of one syllable, as indices into the standard jamo orders."""

    initial: int  # 0..18
    vowel: int  # 0..20
    final: int  # 0..27, 0 for none


@dataclass(frozen=True)
class HangulName:
    """A Hangul person name split into surname and given name."""

    surname: str
    given: str
    known_surname: bool


def is_syllable(char: str) -> bool:
    return FIRST <= ord(char) <= LAST


def has_hangul(text: str) -> bool:
    return any(FIRST <= ord(c) <= LAST for c in text)


def decompose(char: str) -> Jamo | None:
    """The initial, vowel and final of a Hangul syllable (None for anything else)."""
    if not is_syllable(char):
        return None
    code = ord(char) - FIRST
    return Jamo(code // 588, (code % 588) // 28, code % 28)


def romanize(word: str, system: System = "dprk", *, voiced: bool = False) -> list[str]:
    """One Latin spelling per syllable of ``word`` (other characters are skipped)."""
    parts = [j for j in map(decompose, word) if j is not None]
    out: list[str] = []
    for i, jamo in enumerate(parts):
        after_voiced = voiced and i > 0 and parts[i - 1].final in _SONORANT_FINALS
        out.append(_syllable(jamo, system, after_voiced))
    return out


def _syllable(jamo: Jamo, system: System, after_voiced: bool) -> str:
    initial = _INITIALS[system][jamo.initial]
    if after_voiced and jamo.initial in _LENIS:
        initial = _VOICED.get(initial, initial)
    vowel = _VOWELS[system][jamo.vowel]
    if system == "mr" and initial == "s" and vowel == "i":
        initial = "sh"
    return initial + vowel + _FINALS[jamo.final]


def split_name(text: str) -> HangulName:
    """Surname and given name: a space if written, else a known compound or one syllable."""
    words = text.split()
    if len(words) > 1 and len(words[0]) <= 2:
        return HangulName(words[0], "".join(words[1:]), words[0] in SURNAMES)
    name = "".join(words)
    cut = 2 if len(name) >= 3 and name[:2] in COMPOUND else 1
    return HangulName(name[:cut], name[cut:], name[:cut] in SURNAMES)


def looks_like_person(text: str) -> bool:
    """Two to four syllables starting with a known surname (or a spaced surname)."""
    words = text.split()
    if not words or len(words) > 2 or not all(map(is_syllable, "".join(words))):
        return False
    name = split_name(text)
    return name.known_surname and 1 <= len(name.given) <= 3


def name_variants(text: str, limit: int = MAX_VARIANTS) -> tuple[str, ...]:
    """Latin forms of a Hangul person name, most usual first, at most ``limit``.

    Both orders (surname first and given name first), and the given name as
    separate syllables, hyphenated and joined: KIM JONG UN, KIM JONG-UN,
    JONG UN KIM, KIM JONGUN, JONGUN KIM, GIM JEONG-EUN, KIM CHŎNG-ŬN, ...
    """
    name = split_name(text)
    given = {
        "dprk": romanize(name.given, "dprk"),
        "voiced": romanize(name.given, "dprk", voiced=True),
        "rr": romanize(name.given, "rr"),
        "mr": romanize(name.given, "mr", voiced=True),
        "mr_ascii": romanize(name.given, "mr_ascii", voiced=True),
    }
    spellings = SURNAMES.get(name.surname, ())
    surname = {s: "".join(romanize(name.surname, s)) for s in SYSTEMS}
    north = spellings[0].lower() if spellings else surname["dprk"]
    south = spellings[1].lower() if len(spellings) > 1 else surname["rr"]
    plan: list[tuple[str, list[str], str]] = [
        (north, given["dprk"], "sep"),
        (north, given["dprk"], "hyphen"),
        (north, given["dprk"], "sep-first"),
        (north, given["dprk"], "joined"),
        (north, given["dprk"], "joined-first"),
        (north, given["voiced"], "sep"),
        (south, given["rr"], "hyphen"),
        (surname["rr"], given["rr"], "hyphen"),
        (south, given["rr"], "hyphen-first"),
        (surname["mr"], given["mr"], "hyphen"),
        (surname["mr_ascii"], given["mr_ascii"], "hyphen"),
        (south, given["rr"], "joined"),
        (south, given["rr"], "sep"),
        (north, given["dprk"], "hyphen-first"),
        (surname["mr_ascii"], given["mr_ascii"], "hyphen-first"),
        (south, given["rr"], "joined-first"),
    ]
    rendered = (_render(s, g, how) for s, g, how in plan)
    return tuple(dict.fromkeys(r.upper() for r in rendered if r))[:limit]


def _render(surname: str, given: list[str], how: str) -> str:
    glue = {"sep": " ", "hyphen": "-", "joined": ""}[how.removesuffix("-first")]
    given_text = glue.join(given).capitalize()
    parts = [given_text, surname] if how.endswith("-first") else [surname, given_text]
    return " ".join(p for p in parts if p)


def word_variants(text: str) -> tuple[str, ...]:
    """Latin forms of Hangul that is not a person name: each word's syllables joined."""
    rows = [
        " ".join("".join(romanize(word, system)) for word in text.split())
        for system in ("dprk", "mr_ascii", "rr", "mr")
    ]
    return tuple(dict.fromkeys(r.upper() for r in rows if r))
