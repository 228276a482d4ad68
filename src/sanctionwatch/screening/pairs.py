"""Score one FtM-shaped entity against another, outside any index (benchmarks, API checks)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sanctionwatch.screening.analysis import analyse
from sanctionwatch.screening.compare import compare
from sanctionwatch.screening.model import Candidate, Score
from sanctionwatch.screening.queries import query_from_example
from sanctionwatch.screening.weights import TokenWeights


@lru_cache(maxsize=1)
def list_weights() -> TokenWeights:
    """Token rarity over the names of the bundled real lists (UN + OFAC SDN), parsed once."""
    from sanctionwatch.lists import bundled
    from sanctionwatch.lists.detect import detect

    documents = []
    for path in bundled.paths():
        for record in detect(path).parse(path).records:
            for name in record.main.names:
                documents.append(analyse(name, record.main.schema.name).tokens)
    return TokenWeights(documents)


def score_pair(
    query: Mapping[str, Any], candidate: Mapping[str, Any], weights: TokenWeights | None = None
) -> Score:
    """The explained score of `candidate` for `query` (both `{"schema", "properties"}`)."""
    q = query_from_example(query)
    c = query_from_example(candidate)
    cand = Candidate(
        id=str(candidate.get("id") or "candidate"),
        caption=(c.names or ("",))[0],
        schema=c.schema,
        datasets=(),
        names=c.names,
        birth_dates=c.birth_dates,
        countries=c.countries,
        gender=c.gender,
        imo=c.imo,
        identifiers=c.identifiers,
        wallets=c.wallets,
    )
    return compare(
        q,
        [analyse(n, q.schema) for n in q.names],
        cand,
        [analyse(n, c.schema) for n in c.names],
        weights or list_weights(),
    )


def score_entities(query: Mapping[str, Any], candidate: Mapping[str, Any]) -> float:
    return score_pair(query, candidate).score
