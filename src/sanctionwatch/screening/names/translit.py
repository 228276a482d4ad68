"""Any script to Latin: each run of one script goes to its transliterator.

`to_latin` splits text into runs of one script (spaces, digits and
punctuation join the run they follow) and renders each run:

- Latin: accents folded (`normalize.fold_diacritics`);
- Hangul: `hangul` (person names in both orders and every romanization,
  other text word by word);
- Chinese characters: `chinese` (Hanyu Pinyin);
- Cyrillic: `cyrillic` (Russian and Ukrainian styles);
- Arabic script: `arabic` (a basic letter table, vowels lost);
- Greek and anything else: rigour's transliteration (ICU through normality
  for scripts rigour does not cover itself).

The renderings of the runs are combined, the first of each run first, into
at most `MAX_VARIANTS` strings; the first string is the most usual rendering.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from itertools import islice, product

from rigour.text.translit import ascii_text

from sanctionwatch.screening.names import hangul
from sanctionwatch.screening.names.arabic import arabic_variants, is_arabic
from sanctionwatch.screening.names.chinese import chinese_variants, is_han
from sanctionwatch.screening.names.cyrillic import cyrillic_variants
from sanctionwatch.screening.names.normalize import fold_diacritics

MAX_VARIANTS = 16
MAX_TEXT = 2000


def script_of(char: str) -> str:
    """latin, hangul, han, cyrillic, arabic, greek, other; common for non-letters."""
    if char.isascii():
        return "latin" if char.isalpha() else "common"
    if not char.isalpha():
        return "common"
    code = ord(char)
    if hangul.FIRST <= code <= hangul.LAST:
        return "hangul"
    if 0x0400 <= code <= 0x052F or 0x1C80 <= code <= 0x1C8F or 0xA640 <= code <= 0xA69F:
        return "cyrillic"
    if 0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF:
        return "greek"
    if is_han(char):
        return "han"
    if is_arabic(char):
        return "arabic"
    return "latin" if unicodedata.name(char, "").startswith("LATIN") else "other"


def runs(text: str) -> list[tuple[str, str]]:
    """(script, text) runs; non-letters stay with the run before them (or the first run)."""
    out: list[tuple[str, str]] = []
    script, start = "", 0
    for i, char in enumerate(text):
        kind = script_of(char)
        if kind == "common" or kind == script:
            continue
        if script:
            out.append((script, text[start:i]))
            start = i
        script = kind
    out.append((script or "latin", text[start:]))
    return out


def to_latin(text: str) -> list[str]:
    """Latin renderings of ``text``, most usual first, spaces collapsed; [""] for no text."""
    text = unicodedata.normalize("NFC", text[:MAX_TEXT])
    if text.isascii():
        return [" ".join(text.split())]
    options = [_RENDER[script](part) or (part,) for script, part in runs(text)]
    joined = (" ".join(choice) for choice in product(*options))
    return list(dict.fromkeys(" ".join(j.split()) for j in islice(joined, MAX_VARIANTS)))


def _hangul(text: str) -> tuple[str, ...]:
    clean = "".join(c for c in text if hangul.is_syllable(c) or c.isspace())
    if hangul.looks_like_person(clean):
        return hangul.name_variants(clean)
    return hangul.word_variants(clean)


def _latin(text: str) -> tuple[str, ...]:
    return (fold_diacritics(text),)


def _other(text: str) -> tuple[str, ...]:
    return (ascii_text(text),)


_RENDER: dict[str, Callable[[str], tuple[str, ...]]] = {
    "latin": _latin,
    "hangul": _hangul,
    "han": chinese_variants,
    "cyrillic": cyrillic_variants,
    "arabic": arabic_variants,
    "greek": _other,
    "other": _other,
}
