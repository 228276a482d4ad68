"""Set (c) of the quality benchmark as a test: every unambiguous alias of the real UN and
OFAC lists finds its own entity at rank 1 (target: recall@1 >= 0.98)."""

from __future__ import annotations

from sanctionwatch.screening.evaluate import alias_recall_at_1
from sanctionwatch.screening.index import ScreeningIndex


def test_alias_recall_at_1(index: ScreeningIndex) -> None:
    result = alias_recall_at_1(index)
    assert result.queries > 6000
    assert result.recall >= 0.98, result.misses[:20]
