"""simulate(): a deterministic synthetic AIS scenario with injected evasion and its truth."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np

from sanctionwatch.maritime.simulate.emit import (
    emit,
    identities_table,
    identity_rows,
    positions_table,
)
from sanctionwatch.maritime.simulate.model import Scenario, Track, TruthEvent
from sanctionwatch.maritime.simulate.plan import plan
from sanctionwatch.maritime.simulate.world import HOUR, World


def simulate(
    seed: int,
    start: datetime,
    hours: int,
    vessels: int,
    *,
    interval_s: tuple[float, float] = (60.0, 180.0),
    name: str = "default",
    events: int | None = None,
) -> Scenario:
    """A scenario of `vessels` hulls (more if the injected events need them) over `hours`.

    Reports come every `interval_s` seconds (uniform jitter). Each kind of injected event
    happens `events` times (default max(2, vessels // 200)); the chain needs >= 60 hours.
    Deterministic for a seed: one numpy Generator drives every draw.
    """
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    rng = np.random.default_rng(seed)
    world = World(rng, start, hours * HOUR)
    k = events if events is not None else max(2, vessels // 200)
    tracks, truth = plan(world, k, vessels)
    truth += _designated_truth(world, tracks)
    source = f"synthetic:{name}:seed={seed}"
    start_us = round(start.timestamp() * 1e6)
    reports = [emit(t, rng, world.horizon, interval_s) for t in tracks]
    rows = [
        row
        for t, r in zip(tracks, reports, strict=True)
        for row in identity_rows(t, r, start_us, source)
    ]
    params: dict[str, Any] = {
        "start": start.isoformat(),
        "hours": hours,
        "vessels": vessels,
        "interval_s": list(interval_s),
        "events": k,
        "hulls": len(tracks),
    }
    return Scenario(
        name,
        seed,
        params,
        positions_table(reports, start_us, source),
        identities_table(rows),
        truth,
    )


def _designated_truth(world: World, tracks: list[Track]) -> list[TruthEvent]:
    """One truth event per designated hull, naming every MMSI it broadcasts (renames)."""
    out = []
    for track in tracks:
        v = track.vessel
        if v.designated:
            lat, lon = track.timeline.position(0.0)
            note = f"{v.name} (IMO {v.imo}) is on the OFAC SDN list of 2024-05-03 (DPRK)"
            out.append(
                TruthEvent(
                    "designated",
                    tuple(dict.fromkeys([v.mmsi, *(i.mmsi for _, i in track.renames)])),
                    world.when(0),
                    world.when(world.horizon),
                    lat,
                    lon,
                    note,
                )
            )
    return out
