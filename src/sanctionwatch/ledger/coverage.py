"""Rows an entry covers beyond its own payload, recomputed from the database at verification.

A Coverage for an entry kind rebuilds, from the rows as they stand, the payload the entry was
recorded with (`recompute`), and names rows that no entry covers (`uncovered`). `ledger verify`
compares the recomputed payload's hash with the entry's content_hash. Contexts that record
changes whose rows live in their own tables register their coverage here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import Connection

from sanctionwatch.ledger import list_loads


class Recompute(Protocol):
    def __call__(self, conn: Connection, logged: Any) -> Any: ...


class Uncovered(Protocol):
    def __call__(self, conn: Connection, logged: Iterable[Any]) -> list[str]: ...


@dataclass(frozen=True)
class Coverage:
    recompute: Recompute
    uncovered: Uncovered


REGISTRY: dict[str, Coverage] = {
    list_loads.KIND: Coverage(list_loads.recompute, list_loads.uncovered),
}


def register(kind: str, coverage: Coverage) -> None:
    """Have `ledger verify` recompute entries of this kind from the rows they cover."""
    REGISTRY[kind] = coverage


# Contexts that register coverages of their own: imported here, after REGISTRY and register
# exist, so that `ledger verify` always checks their rows.
import sanctionwatch.cases.record  # noqa: E402, F401
