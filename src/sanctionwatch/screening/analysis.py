"""Name analysis for screening, done once per name: normalized token forms.

Each name yields one or more token tuples ("forms"): the Latin renderings of
the name (Hangul, Cyrillic, Chinese and Arabic transliterated), normalized
(case, diacritics, punctuation, legal forms, vessel prefixes) and keyed so
that romanization variants of Korean syllables collide (Kim/Gim, Ri/Lee,
Pak/Park, Choe/Choi, Jong/Jeong/Chong...).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sanctionwatch.screening.names import name_forms
from sanctionwatch.screening.names.symbols import script_tokens
from sanctionwatch.screening.names.translit import script_of

MAX_NAME = 500  # characters: longer input is cut, never a crash


@dataclass(frozen=True)
class Analysed:
    original: str
    forms: tuple[tuple[tuple[str, ...], str], ...]  # (tokens, how they were derived)
    script: str = "latin"  # the name's main script (latin, hangul, han, cyrillic, ...)

    @property
    def tokens(self) -> set[str]:
        return {t for form, _ in self.forms for t in form}


@lru_cache(maxsize=300_000)
def analyse(name: str, schema: str = "Thing") -> Analysed:
    """All comparison forms of one name (cached: list names repeat across queries)."""
    text = name[:MAX_NAME]
    return Analysed(name, tuple(forms_of(text, schema)), main_script(text))


def main_script(text: str) -> str:
    """The script of most of the letters of a name."""
    if text.isascii():
        return "latin"
    scripts = Counter(script_of(c) for c in text if c.isalpha())
    return scripts.most_common(1)[0][0] if scripts else "latin"


MAX_LATIN = 4  # extra Latin renderings kept for a name written in another script


def forms_of(text: str, schema: str) -> list[tuple[tuple[str, ...], str]]:
    """Token forms of a name: as written (legal forms set aside), Korean
    romanization keys, and other Latin renderings of a non-Latin name."""
    forms = name_forms(text, schema)
    found: dict[tuple[str, ...], str] = {}
    if forms.core or forms.tokens:
        found[forms.core or forms.tokens] = "as written"
    for keyed in forms.korean:
        found.setdefault(keyed, "korean romanization")
    if not text.isascii():
        for latin in forms.latin[1 : 1 + MAX_LATIN]:
            found.setdefault(tuple(latin.split()), "transliterated")
        own = script_tokens(text)
        if own and not own[0].isascii():
            found.setdefault(own, "own script")
    return list(found.items())
