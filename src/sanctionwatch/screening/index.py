"""The screening index: candidates, their analysed names and a token -> candidates map.

Candidate generation is generous and cheap: every query token looks up the
candidates whose names hold the same token (romanization-keyed), or one a
single edit away (a deletion neighbourhood, as in SymSpell); candidates are
pre-scored by the rarity weight of the tokens they share, and only the best
few reach the explainable scorer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sanctionwatch.screening.analysis import Analysed, analyse
from sanctionwatch.screening.ids import norm_id, norm_imo, norm_wallet
from sanctionwatch.screening.model import Candidate, Query
from sanctionwatch.screening.weights import TokenWeights

MIN_DELETE_LEN = 5
MAX_POSTINGS = 3000  # tokens in more names than this carry no candidate evidence
LEADER_SHARE = 0.5  # candidates pre-scoring under half the best one are not scored
NEAR_VOTE = 0.85  # a token one edit away: at least 0.75 similar, so most of its weight


def deletes(token: str) -> set[str]:
    """The token with one character removed (for tokens long enough to have typos)."""
    if len(token) < MIN_DELETE_LEN:
        return set()
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


class ScreeningIndex:
    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = list(candidates)
        self.names: list[list[Analysed]] = [
            [analyse(n, c.schema) for n in c.names] for c in self.candidates
        ]
        self.weights = TokenWeights({t for a in names for t in a.tokens} for names in self.names)
        self._tokens: dict[str, set[int]] = defaultdict(set)
        self._deletes: dict[str, set[int]] = defaultdict(set)
        self._ids: dict[str, set[int]] = defaultdict(set)
        for i, (cand, names) in enumerate(zip(self.candidates, self.names, strict=True)):
            self._add(i, cand, names)

    def _add(self, i: int, cand: Candidate, names: list[Analysed]) -> None:
        for token in {t for a in names for t in a.tokens}:
            self._tokens[token].add(i)
            for variant in deletes(token):
                self._deletes[variant].add(i)
        keys = [norm_imo(x) for x in cand.imo] + [norm_wallet(x) for x in cand.wallets]
        keys += [norm_id(x) for x in cand.identifiers]
        for key in keys:
            if key:
                self._ids[key].add(i)

    def __len__(self) -> int:
        return len(self.candidates)

    def candidates_for(
        self, query: Query, names: list[Analysed], limit: int, min_share: float = 0.0
    ) -> list[int]:
        """Indices of the most promising candidates, best pre-score first.

        The pre-score is the weight of the query tokens a candidate shares
        (most of it for a token one edit away); candidates sharing less than
        `min_share` of the query's best name weight cannot reach the threshold
        and are dropped before the explainable scorer sees them.
        """
        scores: dict[int, float] = defaultdict(float)
        for token in {t for a in names for t in a.tokens}:
            self._vote(scores, token)
        floor = min_share * self._query_weight(names)
        for key in _query_ids(query):
            for i in self._ids.get(key, ()):
                scores[i] += 1000.0
        ranked = sorted(
            ((i, s) for i, s in scores.items() if s >= floor), key=lambda kv: (-kv[1], kv[0])
        )
        if not ranked:
            return []
        cut = ranked[0][1] * LEADER_SHARE  # far behind the leader: cannot outrank it
        return [i for i, s in ranked[:limit] if s >= cut]

    def _query_weight(self, names: list[Analysed]) -> float:
        weights = [sum(map(self.weights.weight, form)) for a in names for form, _ in a.forms]
        return min(weights, default=0.0)

    def _vote(self, scores: dict[int, float], token: str) -> None:
        weight = self.weights.weight(token)
        exact = self._tokens.get(token, set())
        if len(exact) <= MAX_POSTINGS:
            for i in exact:
                scores[i] += weight
        near: set[int] = set()
        for variant in deletes(token) | {token}:
            near |= self._deletes.get(variant, set())
        for variant in deletes(token):
            near |= self._tokens.get(variant, set())
        if len(near) <= MAX_POSTINGS:
            for i in near - exact:
                scores[i] += weight * NEAR_VOTE


def _query_ids(query: Query) -> list[str]:
    keys = [norm_imo(x) for x in query.imo] + [norm_wallet(x) for x in query.wallets]
    keys += [norm_id(x) for x in query.identifiers]
    return [k for k in keys if k]
