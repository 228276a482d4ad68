"""Cyrillic to Latin: Russian and Ukrainian tables in the styles lists use.

Russian text is rendered in three styles: a common simple style (e, yo, yu,
ya, y for й; -ий/-ый at a word end as -y), BGN/PCGN (ye at a word start and
after a vowel, -iy) and the passport style of ICAO 9303 used in Russian
passports since 2013 (e, iu, ia, i for й, ie for ъ), all with Kh for х, plus
the simple style with H for х. Text with і, ї, є or ґ is Ukrainian and follows
the 2010 national system (Kh, Zh, Ts, Ch, Sh, Shch, г as H), with a G variant
for г. Letters of other Cyrillic alphabets (Serbian, Macedonian, Kazakh,
Tajik...) have one common spelling each.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import partial

from rigour.text.translit import ascii_text

# fmt: off
_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
}
_OTHER = {  # Serbian, Macedonian, Belarusian, Kazakh, Tajik
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz", "ў": "u", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u",
    "ү": "u", "һ": "h", "ҷ": "j", "ӣ": "i", "ӯ": "u",
}
# fmt: on
_STYLES: dict[str, dict[str, str]] = {
    "simple": {"ё": "yo", "й": "y", "ъ": "", "ю": "yu", "я": "ya"},
    "bgn": {"ё": "yo", "й": "y", "ъ": "", "ю": "yu", "я": "ya"},
    "icao": {"ё": "e", "й": "i", "ъ": "ie", "ю": "iu", "я": "ia"},
}
_RUSSIAN = {"ж": "zh", "х": "kh", "ы": "y", "ь": "", "э": "e"}
_UKRAINIAN = {"г": "h", "ґ": "g", "и": "y", "х": "kh", "ж": "zh", "ь": "", "'": "", "’": ""}
_UKR_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKR_MEDIAL = {"є": "ie", "ї": "i", "й": "i", "ю": "iu", "я": "ia", "і": "i"}
_VOWELS = frozenset("аеёиоуыэюяіїє")
_UKR_MARK = re.compile("[іїєґІЇЄҐ]")
_IY_END = re.compile(r"(?:iy|yy)\b")

Letter = Callable[[str, str], str]  # (lower-case letter, previous letter or "") -> Latin


def is_ukrainian(text: str) -> bool:
    return _UKR_MARK.search(text) is not None


def cyrillic_variants(text: str) -> tuple[str, ...]:
    """Latin renderings of Cyrillic text, most usual first (lower case)."""
    if is_ukrainian(text):
        rows = [
            _render(text, partial(_ukrainian, g="h")),
            _render(text, partial(_ukrainian, g="g")),
        ]
        return tuple(dict.fromkeys(rows))
    simple = _IY_END.sub("y", _render(text, partial(_russian, style="simple")))
    rows = [
        simple,
        _render(text, partial(_russian, style="bgn")),
        _render(text, partial(_russian, style="icao")),
        _IY_END.sub("y", _render(text, partial(_russian, style="simple", kh="h"))),
    ]
    return tuple(dict.fromkeys(rows))


def _render(text: str, letter: Letter) -> str:
    out: list[str] = []
    prev = ""
    for char in text.lower():
        out.append(letter(char, prev))
        prev = char if char.isalpha() else ""
    return "".join(out)


def _russian(char: str, prev: str, style: str, kh: str = "kh") -> str:
    soft_start = not prev or prev in _VOWELS or prev in "ъь"
    if char == "е":
        return "ye" if soft_start and style == "bgn" else "e"
    if char == "х":
        return kh
    return _lookup(char, _STYLES[style], _RUSSIAN, _COMMON, _OTHER)


def _ukrainian(char: str, prev: str, g: str) -> str:
    if char == "г":
        return g
    if char in _UKR_INITIAL and not prev:
        return _UKR_INITIAL[char]
    if char in _UKR_MEDIAL:
        return _UKR_MEDIAL[char]
    return _lookup(char, _UKRAINIAN, _COMMON, _OTHER)


def _lookup(char: str, *tables: dict[str, str]) -> str:
    for table in tables:
        if char in table:
            return table[char]
    base = unicodedata.normalize("NFD", char)[:1]  # ѐ -> е, ӧ -> о
    if base != char:
        return _lookup(base, *tables)
    return ascii_text(char) if char.isalpha() else char  # rare letters: ICU's reading
