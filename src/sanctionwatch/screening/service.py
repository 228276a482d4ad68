"""The screening service: an index of the store kept fresh, and its results as dicts."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, func, select

from sanctionwatch.errors import NotFoundError
from sanctionwatch.lists.tables import decisions, versions
from sanctionwatch.screening import dispositions
from sanctionwatch.screening.candidates import load_candidates
from sanctionwatch.screening.engine import screen
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.model import DEFAULT_THRESHOLD, Match, Query

DEFAULT_DATASET = "default"


class Screener:
    """Builds the index from the store on first use and again after the store changes."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._index: ScreeningIndex | None = None

    def index(self) -> ScreeningIndex:
        with self.engine.connect() as conn:
            stamp = (
                conn.execute(select(func.count()).select_from(versions)).scalar_one(),
                conn.execute(select(func.count()).select_from(decisions)).scalar_one(),
            )
            with self._lock:
                if self._index is None or stamp != self._stamp:
                    self._index = ScreeningIndex(load_candidates(conn))
                    self._stamp = stamp
                return self._index

    def datasets(self) -> list[str]:
        return sorted({d for c in self.index().candidates for d in c.datasets})

    def match(
        self,
        query: Query,
        dataset: str = DEFAULT_DATASET,
        threshold: float = DEFAULT_THRESHOLD,
        limit: int = 10,
    ) -> list[Match]:
        if dataset != DEFAULT_DATASET and dataset not in self.datasets():
            raise NotFoundError(f"no dataset {dataset!r}; loaded: {', '.join(self.datasets())}")
        found = screen(self.index(), query, threshold, limit if dataset == DEFAULT_DATASET else 100)
        if dataset != DEFAULT_DATASET:
            found = [m for m in found if dataset in m.candidate.datasets]
        with self.engine.connect() as conn:
            return dispositions.apply(found[:limit], dispositions.latest(conn, query))

    def dispose(
        self, query: Query, entity_id: str, judgement: str, author: str, reason: str
    ) -> int:
        """Record an analyst's disposition of one match of one query."""
        with self.engine.begin() as conn:
            return dispositions.record(conn, query, entity_id, judgement, author, reason)


def match_dict(m: Match) -> dict[str, Any]:
    c = m.candidate
    return {
        "id": c.id,
        "caption": c.caption,
        "schema": c.schema,
        "score": round(m.score.score, 4),
        "match": m.match,
        "datasets": list(c.datasets),
        "designations": {"programs": list(c.programs), "regimes": list(c.regimes)},
        "explanation": m.score.explanation(),
    }
