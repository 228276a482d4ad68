"""How much evidence a name token carries: rare tokens much, KIM or LTD little.

Weights are smoothed inverse document frequencies over a corpus of names
(each a list of tokens), scaled to 0..1: a token in no name weighs 1, a token
in every name weighs `FLOOR`. Two kinds of token are capped whatever the
corpus says, because a list with few Koreans or companies would otherwise
rate them as rare: Korean surname keys and spellings (kim, ri, lee, pak,
choe, jong...) at `SURNAME_CAP`, legal forms and organisation words (co, ltd,
trading, shipping, intl...) at `GENERIC_CAP`. Single letters and digits
(initials, hull numbers) are capped at `SHORT_CAP`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from sanctionwatch.screening.names.orgforms import LEGAL_FORMS, ORG_WORDS
from sanctionwatch.screening.names.romanize import syllable_key, token_keys
from sanctionwatch.screening.names.surnames import SPELLINGS

FLOOR = 0.05
SURNAME_CAP = 0.25
GENERIC_CAP = 0.2
SHORT_CAP = 0.3
_GENERIC = LEGAL_FORMS | ORG_WORDS


def _surname_tokens() -> frozenset[str]:
    keys = {"".join(token_keys(north)) for north in SPELLINGS.values()}
    return frozenset(keys | set(SPELLINGS))


SURNAME_TOKENS = _surname_tokens()


class TokenRarity:
    """Rarity weights (0..1) learnt from a corpus of tokenized names."""

    def __init__(self, corpus: Iterable[Iterable[str]]) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0
        for tokens in corpus:
            self.counts.update(set(tokens))
            self.documents += 1
        self._scale = math.log(self.documents + 1.0) or 1.0
        self._cache: dict[str, float] = {}

    def weight(self, token: str) -> float:
        """The token's weight: 1 for a token never seen, less the more names hold it."""
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = self._weight(token)
        return cached

    def _weight(self, token: str) -> float:
        count = self.counts.get(token, 0)
        idf = math.log((self.documents + 1.0) / (count + 1.0)) / self._scale
        return max(FLOOR, min(idf, self._cap(token)))

    @staticmethod
    def _cap(token: str) -> float:
        if token in SURNAME_TOKENS or (syllable_key(token) in SURNAME_TOKENS and len(token) <= 4):
            return SURNAME_CAP
        if token in _GENERIC:
            return GENERIC_CAP
        return SHORT_CAP if len(token) <= 1 or token.isdigit() else 1.0
