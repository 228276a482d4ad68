"""Chinese characters to Hanyu Pinyin (pypinyin's bundled data, tone marks dropped).

A run of two to four characters is read as a person name (surname first,
two-character surnames such as 欧阳 and 司马 recognised) and rendered with
separate syllables, with the given name joined and in given-name-first order:
张三丰 -> "zhang san feng", "zhang sanfeng", "sanfeng zhang". Longer runs
(company names) get separate syllables only. Surnames whose reading differs
from the character's usual one (单 Shan, 曾 Zeng, 解 Xie...) are corrected.

Limitations: Mandarin readings only (no Cantonese, Wade-Giles or Korean
Sino-Korean readings of Chinese characters, so 金铁三 gives JIN TIE SAN, never
KIM CHOL SAM), and pypinyin's choice among a character's readings is
context-based but not always right for names.
"""

from __future__ import annotations

from functools import lru_cache

# fmt: off
_COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐",
    "长孙", "宇文", "司徒", "夏侯", "轩辕", "端木", "歐陽", "諸葛", "東方", "長孫",
})
# fmt: on
_SURNAME_READINGS = {
    "单": "shan",
    "單": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "區": "ou",
    "朴": "piao",
    "查": "zha",
    "乐": "yue",
    "樂": "yue",
    "覃": "qin",
    "盖": "ge",
    "蓋": "ge",
    "缪": "miao",
    "繆": "miao",
    "翟": "zhai",
    "尉": "yu",
}


def is_han(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x2FA1F
    )


@lru_cache(maxsize=50_000)
def syllables(text: str) -> tuple[str, ...]:
    """Tone-less pinyin, one entry per character (other characters are left out)."""
    from pypinyin import Style, lazy_pinyin  # imported here: its dictionaries load slowly

    hanzi = "".join(c for c in text if is_han(c))
    readings = lazy_pinyin(hanzi, style=Style.NORMAL, v_to_u=True, errors="ignore")
    return tuple(r.replace("ü", "u") for r in readings if r.isalpha())


def chinese_variants(text: str) -> tuple[str, ...]:
    """Latin renderings of a run of Chinese characters, most usual first (lower case)."""
    words = ["".join(c for c in w if is_han(c)) for w in text.split()]
    words = [w for w in words if w]
    if len(words) == 1 and 2 <= len(words[0]) <= 4:
        return _person(words[0])
    rendered = " ".join(" ".join(syllables(w)) for w in words)
    return (rendered,) if rendered else ()


def _person(name: str) -> tuple[str, ...]:
    cut = 2 if len(name) >= 3 and name[:2] in _COMPOUND_SURNAMES else 1
    surname_syllables = syllables(name[:cut])
    if cut == 1 and name[0] in _SURNAME_READINGS:
        surname_syllables = (_SURNAME_READINGS[name[0]],)
    surname = "".join(surname_syllables)
    given = syllables(name[cut:])
    rows = [
        " ".join((surname, *given)),
        f"{surname} {''.join(given)}",
        f"{''.join(given)} {surname}",
    ]
    return tuple(dict.fromkeys(r.strip() for r in rows if r.strip()))
