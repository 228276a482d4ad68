"""Name similarity: align query tokens with list-name tokens, weighted by rarity.

The score is a weighted Dice coefficient over the best token alignment: each
aligned pair contributes its similarity times the weights of both tokens; the
denominator is the weight of every token on both sides, so a missing or extra
rare token costs a lot and a missing "kim" little. Token similarity is 1 for
equal tokens and rapidfuzz's normalized Levenshtein similarity for near ones
(typos), 0 below `NEAR`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from sanctionwatch.screening.weights import TokenWeights

NEAR = 0.75
SHORT = 5  # tokens shorter than this only match exactly
JOINED_DISCOUNT = 0.95


@dataclass(frozen=True)
class Alignment:
    score: float
    pairs: tuple[tuple[str, str, float], ...]
    how: str


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) < 3:
        return 0.0
    if min(len(a), len(b)) < SHORT and a[0] != b[0]:
        return 0.0  # a short token with another first letter is another word (song/yong)
    sim = Levenshtein.normalized_similarity(a, b)
    return sim if sim >= NEAR else 0.0


def align(query: tuple[str, ...], candidate: tuple[str, ...], weights: TokenWeights) -> Alignment:
    """Best weighted alignment of two token tuples (order-free), with a joined-token check."""
    tokens = _aligned(query, candidate, weights)
    joined = _joined(query, candidate)
    if joined > tokens.score:
        return Alignment(joined, (("".join(query), "".join(candidate), joined),), "joined")
    return tokens


def _aligned(query: tuple[str, ...], candidate: tuple[str, ...], w: TokenWeights) -> Alignment:
    options = sorted(
        (
            (token_similarity(q, c), i, j)
            for i, q in enumerate(query)
            for j, c in enumerate(candidate)
        ),
        reverse=True,
    )
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[str, str, float]] = []
    gained = 0.0
    for sim, i, j in options:
        if sim <= 0.0:
            break
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((query[i], candidate[j], sim))
        gained += sim * (w.weight(query[i]) + w.weight(candidate[j]))
    total = sum(map(w.weight, query)) + sum(map(w.weight, candidate))
    score = round(gained / total, 9) if total else 0.0
    exact = all(s == 1.0 for _, _, s in pairs)
    if exact and len(pairs) == len(query) == len(candidate):
        score = 1.0  # every token on both sides matched exactly
    return Alignment(min(score, 1.0), tuple(pairs), "tokens" if exact else "tokens-fuzzy")


def _joined(query: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    """Spacing and hyphenation differences: 'jongun kim' vs 'jong un kim'."""
    if len(query) == len(candidate):
        return 0.0
    q, c = "".join(query), "".join(candidate)
    best = max(
        Levenshtein.normalized_similarity(q, c),
        Levenshtein.normalized_similarity("".join(reversed(query)), c),
    )
    return best * JOINED_DISCOUNT if best >= 0.9 else 0.0
