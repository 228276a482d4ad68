"""What a simulated scenario is made of: tracks to emit, ground truth, and the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
import pyarrow as pa

from sanctionwatch.maritime.simulate.fleet import Vessel
from sanctionwatch.maritime.simulate.kinematics import Timeline


@dataclass(frozen=True)
class TruthEvent:
    """One injected behaviour: what, who, when (UTC), where, and a human note.

    Types: sts, gap, port_visit, spoof, mmsi_shared, identity_change, designated, chain,
    loitering; and benign traps: benign_moored_pair, benign_port_fishing.
    """

    type: str
    mmsi: tuple[int, ...]
    start: datetime
    end: datetime
    lat: float
    lon: float
    note: str

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mmsi": list(self.mmsi),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "note": self.note,
        }


@dataclass
class Track:
    """One hull's movement and what it broadcasts; times in seconds from the start."""

    vessel: Vessel
    timeline: Timeline
    gaps: list[tuple[float, float]] = field(default_factory=list)
    # (t0, t1, lat offset deg, lon offset deg): reports in [t0, t1] are displaced
    spoofs: list[tuple[float, float, float, float]] = field(default_factory=list)
    # (t, identity): from t on the hull broadcasts this identity (name, MMSI, ...)
    renames: list[tuple[float, Vessel]] = field(default_factory=list)

    def identity_at(self, t: float | np.floating[Any]) -> Vessel:
        current = self.vessel
        for when, identity in self.renames:
            if t >= when:
                current = identity
        return current


@dataclass(frozen=True)
class Scenario:
    """A synthetic scenario: positions and identities in the store's schemas, and the truth."""

    name: str
    seed: int
    parameters: dict[str, Any]
    positions: pa.Table
    identities: pa.Table
    truth: list[TruthEvent]

    @property
    def source(self) -> str:
        return f"synthetic:{self.name}:seed={self.seed}"
