"""simulate(): a deterministic synthetic AIS scenario with injected evasion and its truth."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np

from sanctionwatch.maritime.simulate import benign, evasion
from sanctionwatch.maritime.simulate.chain import MIN_HOURS, chain
from sanctionwatch.maritime.simulate.emit import (
    emit,
    identities_table,
    identity_rows,
    positions_table,
)
from sanctionwatch.maritime.simulate.fleet import Vessel, designated_vessels
from sanctionwatch.maritime.simulate.model import Scenario, Track, TruthEvent
from sanctionwatch.maritime.simulate.world import HOUR, World

DESIGNATED_PICKED = 10


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
    tracks, truth = _plan(world, k, vessels)
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


def _plan(world: World, k: int, vessels: int) -> tuple[list[Track], list[TruthEvent]]:
    rng, reg = world.rng, world.registry
    listed = designated_vessels()
    picked = rng.choice(len(listed), size=min(DESIGNATED_PICKED, len(listed)), replace=False)
    designated = [reg.designated(listed[int(i)]) for i in picked]
    tracks: list[Track] = []
    truth: list[TruthEvent] = []

    def add(result: tuple[list[Track], list[TruthEvent]]) -> None:
        tracks.extend(result[0])
        truth.extend(result[1])

    def hull(kind: str, mid: int | None = None) -> Vessel:
        return (
            designated.pop(0)
            if designated and kind != "fishing" and mid is None and rng.random() < 0.5
            else reg.vessel(kind, mid)
        )

    horizon = world.horizon
    for i in range(k):  # renamed designated vessels
        track = benign.voyage_track(
            world, designated.pop(0) if designated else reg.vessel("cargo", 445)
        )
        truth += evasion.rename(
            world, track, float(rng.uniform(0.3, 0.7)) * horizon, new_mmsi=i % 2 == 1
        )
        tracks.append(track)
    for _ in range(k):
        length = float(rng.uniform(2, min(6, horizon / HOUR - 6)))
        add(
            evasion.sts_pair(
                world,
                reg.vessel("tanker"),
                hull("tanker"),
                float(rng.uniform(2 * HOUR, horizon - (length + 2) * HOUR)),
                length,
            )
        )
    for _ in range(k):
        stay = float(rng.uniform(6, min(24, horizon / HOUR - 6)))
        port = world.pick(world.dprk_calls)
        add(
            evasion.port_call(
                world,
                hull("cargo"),
                port,
                float(rng.uniform(2 * HOUR, horizon - (stay + 2) * HOUR)),
                stay,
            )
        )
    for long_gap in (True, False):
        top = min(48.0, horizon / HOUR - 4) if long_gap else min(12.0, horizon / HOUR - 4)
        low = 12.0 if long_gap else 6.0
        for _ in range(k if top > low else 0):
            track = benign.voyage_track(world, reg.vessel(str(rng.choice(["cargo", "tanker"]))))
            truth += evasion.dark_period(world, track, float(rng.uniform(low, top)))
            tracks.append(track)
    for _ in range(k):
        track = benign.voyage_track(world, reg.vessel("cargo"))
        truth += evasion.spoof(world, track, float(rng.uniform(3, 6)) * 180.0)
        tracks.append(track)
    for _ in range(k):
        first, second = (benign.voyage_track(world, reg.vessel("cargo")) for _ in range(2))
        truth += evasion.share_mmsi(world, first, second)
        tracks += [first, second]
    for _ in range(max(1, k // 2) if horizon >= MIN_HOURS * HOUR else 0):
        add(chain(world, reg.vessel("tanker", 445), reg.vessel("tanker")))
    for _ in range(k):
        hours = float(rng.uniform(4.5, 8))
        port = world.pick(world.dprk_calls)
        add(
            evasion.loiter(
                world,
                reg.vessel(str(rng.choice(["fishing", "cargo"]))),
                port,
                float(rng.uniform(2 * HOUR, horizon - (hours + 2) * HOUR)),
                hours,
            )
        )
    for _ in range(k):
        add(benign.moored_pair(world, reg.vessel("cargo"), reg.vessel("tanker")))
        add(benign.port_fishing(world, reg.vessel("fishing")))
    for vessel in designated:  # the rest of the picked designated hulls just trade
        tracks.append(benign.voyage_track(world, vessel))
    kinds = rng.choice(
        ["cargo", "tanker", "fishing"], size=max(vessels - len(tracks), 0), p=[0.7, 0.18, 0.12]
    )
    tracks += [benign.voyage_track(world, reg.vessel(str(kind))) for kind in kinds]
    truth += _designated_truth(world, tracks)
    return tracks, truth


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
