"""Screen a query against the index: candidates -> scores -> matches, best first."""

from __future__ import annotations

from sanctionwatch.errors import InputError
from sanctionwatch.screening.analysis import analyse
from sanctionwatch.screening.compare import compare
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.model import DEFAULT_THRESHOLD, Match, Query

CANDIDATES = 12
# A name reaching the threshold t shares at least ~0.54 t of the query weight (weighted
# Dice); near tokens pre-score at 0.85 and other evidence adds at most 0.07, hence 0.55.
MIN_SHARE = 0.55  # times the threshold: the query-weight share a candidate must pre-score


def screen(
    index: ScreeningIndex,
    query: Query,
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 10,
) -> list[Match]:
    """The best `limit` matches of `query` (those under `threshold` have match=False)."""
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"threshold must be between 0 and 1, not {threshold}")
    names = [analyse(n, query.schema) for n in query.names if n and n.strip()]
    if not names and not (query.imo or query.wallets or query.identifiers):
        return []
    found: list[Match] = []
    share = MIN_SHARE * threshold
    for i in index.candidates_for(query, names, max(CANDIDATES, limit), share):
        cand = index.candidates[i]
        score = compare(query, names, cand, index.names[i], index.weights)
        if score.score > 0.0:
            found.append(Match(cand, score, score.score >= threshold))
    literal = {_fold(n) for n in query.names}
    found.sort(
        key=lambda m: (
            -m.score.score,
            not literal & set(map(_fold, m.candidate.names)),
            m.candidate.id,
        )
    )
    return found[:limit]


def _fold(name: str) -> str:
    """Ties are broken in favour of a list name written exactly as the query."""
    return " ".join(name.casefold().split())
