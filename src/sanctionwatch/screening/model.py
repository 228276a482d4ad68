"""Domain types of screening: what is asked, what is indexed, what is answered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT_THRESHOLD = 0.7


@dataclass(frozen=True)
class Query:
    """One thing to screen: names plus whatever else the caller knows."""

    names: tuple[str, ...]
    schema: str = "Thing"
    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    gender: str | None = None
    imo: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    wallets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """An indexed designated entity (canonical: merged across lists)."""

    id: str
    caption: str
    schema: str
    datasets: tuple[str, ...]
    names: tuple[str, ...]
    birth_dates: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    gender: str | None = None
    imo: tuple[str, ...] = ()
    identifiers: tuple[str, ...] = ()
    wallets: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    regimes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feature:
    """One feature of a score: its effect on the score and why."""

    name: str
    value: float
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Score:
    score: float
    features: tuple[Feature, ...]

    def explanation(self) -> dict[str, Any]:
        return {
            f.name: {"value": round(f.value, 4), "detail": f.detail, **f.evidence}
            for f in self.features
        }


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: Score
    match: bool
