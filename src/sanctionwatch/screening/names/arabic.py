"""Arabic script to Latin: a basic letter table, and consonant skeletons to compare with.

Honest limitation: Arabic writes short vowels only as optional diacritics
(harakat), which names almost never carry, so a letter-by-letter rendering
cannot restore them: محمد comes out as "mhmd", never "mohammed". The long
vowels are guessed (و as w at a word start or next to a vowel, else u; ي as y
or i likewise), the article ال is split off as "al-". Renderings of Arabic
therefore seldom equal the Latin spelling on a list; compare them by
`skeleton` (consonants only, doubled letters collapsed), which both sides
share far more often (صدام حسين -> "sdm hsn", SADDAM HUSSEIN -> "sdm hsn").
Persian and Urdu letters (پ چ ژ گ ک ی) are in the table; dialect
pronunciations (ج as g in Egypt, ق as g or ') are not produced.
"""

from __future__ import annotations

import re

# fmt: off
_LETTERS = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "ة": "a", "ى": "a", "ء": "'", "أ": "a", "إ": "i", "آ": "a",
    "ٱ": "a", "ؤ": "'", "ئ": "'", "پ": "p", "چ": "ch", "ژ": "zh", "گ": "g", "ک": "k",
    "ی": "y", "ڤ": "v",
}
# fmt: on
_WAW, _YA = "و", "ي"
_VOWEL_LETTERS = frozenset("اأإآٱىة")
_NOT_SKELETON = re.compile(r"[aeiouyw'\W_]+")
_DOUBLED = re.compile(r"(.)\1+")


def is_arabic(char: str) -> bool:
    code = ord(char)
    return 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF


def arabic_variants(text: str) -> tuple[str, ...]:
    """A Latin rendering of Arabic-script text (one: see the module's limitation note)."""
    words = [_word(w) for w in text.split()]
    rendered = " ".join(w for w in words if w)
    return (rendered,) if rendered else ()


def _word(word: str) -> str:
    letters = [c for c in word if c in _LETTERS or c in (_WAW, _YA)]
    prefix = ""
    if len(letters) > 3 and letters[0] == "ا" and letters[1] == "ل":
        prefix, letters = "al-", letters[2:]
    return prefix + "".join(_letter(letters, i) for i in range(len(letters)))


def _letter(letters: list[str], i: int) -> str:
    char = letters[i]
    if char not in (_WAW, _YA):
        return _LETTERS[char]
    glide = i == 0 or _is_vowel(letters, i - 1) or _is_vowel(letters, i + 1)
    if char == _WAW:
        return "w" if glide else "u"
    return "y" if glide else "i"


def _is_vowel(letters: list[str], i: int) -> bool:
    return 0 <= i < len(letters) and letters[i] in _VOWEL_LETTERS


def skeleton(latin: str) -> str:
    """Consonants only, doubled letters collapsed: a vowel-blind key for Arabic names."""
    return _DOUBLED.sub(r"\1", _NOT_SKELETON.sub("", latin.lower()))
