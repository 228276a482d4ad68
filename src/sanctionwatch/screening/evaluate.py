"""Quality checks on the loaded lists themselves: does each alias find its own entity first?"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sanctionwatch.screening.engine import screen
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.model import Query


@dataclass(frozen=True)
class AliasRecall:
    queries: int
    hits: int
    misses: tuple[tuple[str, str, str | None], ...]  # (alias, expected id, got id)

    @property
    def recall(self) -> float:
        return self.hits / self.queries if self.queries else 0.0


def alias_recall_at_1(index: ScreeningIndex, limit: int | None = None) -> AliasRecall:
    """Query every unambiguous alias (not the caption) and expect its entity at rank 1.

    Aliases that several entities carry (after case and space folding) are left
    out: no answer to them is right.
    """
    owners: Counter[str] = Counter()
    for cand in index.candidates:
        owners.update({_fold(n) for n in cand.names})
    hits, total = 0, 0
    misses: list[tuple[str, str, str | None]] = []
    for cand in index.candidates:
        for alias in cand.names:
            if alias == cand.caption or owners[_fold(alias)] > 1:
                continue
            if limit is not None and total >= limit:
                break
            total += 1
            found = screen(index, Query((alias,), cand.schema), limit=1)
            got = found[0].candidate.id if found else None
            if got == cand.id:
                hits += 1
            else:
                misses.append((alias, cand.id, got))
    return AliasRecall(total, hits, tuple(misses))


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())
