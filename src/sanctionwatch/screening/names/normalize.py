"""Name text to comparison tokens: case, width, accents, punctuation and spacing folded.

`normalize` is idempotent and never raises: NFKC, case folding, accents
stripped (ø ł đ æ œ þ ð ı too), apostrophes removed without a space so that
McCune-Reischauer's CH'OE and O'NEIL stay one word, dotted acronyms joined
(J.S.C. -> jsc), & -> and, every other non-letter, non-digit a single space.
Non-Latin letters are kept: transliteration is `translit.to_latin`'s job.
"""

from __future__ import annotations

import re
import unicodedata

MAX_INPUT = 4000  # characters read from the input
MAX_CHARS = 1000  # characters of output at most

_FOLD = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŋ": "ng",
        "Ŋ": "Ng",
        "ƒ": "f",
        "ɨ": "i",
        "ŧ": "t",
        "Ŧ": "T",
        "ß": "ss",
    }
)
_APOSTROPHES = re.compile("['’‘ʼʻ`´ʹ′ʽ]")
_ACRONYM_DOT = re.compile(r"(?<=\b[^\W_])\.(?=[^\W_]\b)")
_NON_WORD = re.compile(r"[\W_]+")


def fold_diacritics(text: str) -> str:
    """Latin letters without accents (ASCII text is returned as it is)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.translate(_FOLD))


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-folded text with single spaces (see module doc)."""
    once = _normalize(text[:MAX_INPUT])
    return once if once.isascii() else _normalize(once)


def _normalize(text: str) -> str:
    if not text.isascii():
        text = fold_diacritics(unicodedata.normalize("NFKC", text).casefold())
    text = _APOSTROPHES.sub("", text.lower())
    text = _ACRONYM_DOT.sub("", text).replace("&", " and ")
    return _NON_WORD.sub(" ", text).strip()[:MAX_CHARS].rstrip()


def tokenize(text: str) -> tuple[str, ...]:
    """The words of the normalized text."""
    return tuple(normalize(text).split())
