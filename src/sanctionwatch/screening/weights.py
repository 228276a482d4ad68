"""How much evidence a name token carries: rare tokens much, Kim or Mohammed little."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable


class TokenWeights:
    """Inverse document frequency of tokens over the indexed names, floored and capped."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        counts: Counter[str] = Counter()
        total = 0
        for tokens in documents:
            counts.update(set(tokens))
            total += 1
        self.total = max(total, 1)
        self.counts = counts
        self.unknown = math.log(self.total + 1.0)
        self._cache: dict[str, float] = {}

    def weight(self, token: str) -> float:
        cached = self._cache.get(token)
        if cached is None:
            cached = self._cache[token] = self._weight(token)
        return cached

    def _weight(self, token: str) -> float:
        count = self.counts.get(token)
        if count is None:
            # unseen in the lists: informative, but short tokens (initials) are not
            return self.unknown * (0.4 if len(token) <= 1 else 1.0)
        return max(math.log((self.total + 1.0) / count), 0.3) * (0.4 if len(token) <= 1 else 1.0)
