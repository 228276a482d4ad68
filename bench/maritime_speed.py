"""Maritime detection speed: every detector over 10 million SYNTHETIC positions (one day).

    .venv/bin/python bench/maritime_speed.py [--vessels 2000] [--hours 24] [--baseline-vessels 60]

Simulates a seeded scenario (synthetic AIS around Korea: at least 2,000 vessels over one day,
~10 M positions), then times: track preparation (segmentation, shore/port/zone enrichment,
resampling), each detector's query on DuckDB, the chain, and the total, printing positions/s.
Then the same encounter detection written with MovingPandas + GeoPandas (trajectories
interpolated on the same 10-minute grid, a 500 m spatial join per time step, runs of at least
2 h) on a subset of the vessels, against sanctionwatch's encounter detector on the same subset,
for the speed ratio (install with `pip install -e '.[bench]'`).
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanctionwatch.maritime.detectors.base import to_events  # noqa: E402
from sanctionwatch.maritime.detectors.chain import ChainDetector, events_table  # noqa: E402
from sanctionwatch.maritime.detectors.engines import run_duckdb  # noqa: E402
from sanctionwatch.maritime.detectors.inputs import prepare  # noqa: E402
from sanctionwatch.maritime.detectors.registry import detectors  # noqa: E402
from sanctionwatch.maritime.simulate import simulate  # noqa: E402

START = datetime(2026, 3, 1, tzinfo=UTC)


def timed(label: str, positions: int, work, timings: dict[str, float]):  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    out = work()
    seconds = time.perf_counter() - began
    timings[label] = seconds
    print(f"  {label:<22} {seconds:8.2f} s  {positions / seconds:14,.0f} positions/s", flush=True)
    return out


def ours(positions: pa.Table, identities: pa.Table) -> dict[str, float]:
    n = positions.num_rows
    timings: dict[str, float] = {}
    print(f"sanctionwatch on DuckDB, {n:,} positions:")
    inputs = timed("prepare tracks", n, lambda: prepare(positions, identities), timings)

    def step(name: str, seconds: float) -> None:
        timings[name] = seconds
        print(f"  {name:<22} {seconds:8.2f} s  {n / seconds:14,.0f} positions/s", flush=True)

    chosen = detectors()
    rows = run_duckdb(chosen, inputs, step)  # one run, as `sanctionwatch detect` does
    found = [e for d in chosen for e in to_events(d, rows[d.name])]
    chain = ChainDetector()
    timed("chain", n, lambda: run_duckdb([chain], events_table(found)), timings)
    total = sum(timings.values())
    print(
        f"  {'total':<22} {total:8.2f} s  {n / total:14,.0f} positions/s  ({len(found):,} events)"
    )
    return timings


def encounter_pairs_ours(positions: pa.Table) -> tuple[float, set[tuple[int, int]]]:
    from sanctionwatch.maritime.detectors.encounter import EncounterDetector, EncounterParams

    detector = EncounterDetector(EncounterParams(min_port_km=0.0))
    began = time.perf_counter()
    inputs = prepare(positions)
    rows = run_duckdb([detector], inputs)[detector.name]
    seconds = time.perf_counter() - began
    return seconds, {(int(r["mmsi"]), int(r["mmsi2"])) for r in rows}


def encounter_pairs_movingpandas(positions: pa.Table) -> tuple[float, set[tuple[int, int]]]:
    """Encounters the MovingPandas/GeoPandas way: interpolate each trajectory on a 10-minute
    grid, join points within 500 m at each time step, keep pairs close for >= 2 h."""
    import geopandas as gpd
    import movingpandas as mpd
    import pandas as pd

    warnings.filterwarnings("ignore")
    began = time.perf_counter()
    frame = positions.select(["mmsi", "ts", "lat", "lon"]).to_pandas()
    frame["ts"] = frame["ts"].dt.tz_convert(None)
    gdf = gpd.GeoDataFrame(frame, geometry=gpd.points_from_xy(frame.lon, frame.lat), crs=4326)
    collection = mpd.TrajectoryCollection(gdf, "mmsi", t="ts")
    rows = []
    for traj in collection.trajectories:
        first, last = traj.get_start_time(), traj.get_end_time()
        for t in pd.date_range(
            pd.Timestamp(first).ceil("10min"), pd.Timestamp(last).floor("10min"), freq="10min"
        ):
            p = traj.get_position_at(t, method="interpolated")
            rows.append((int(traj.id), t, p.x, p.y))
    grid = pd.DataFrame(rows, columns=["mmsi", "t", "lon", "lat"])
    points = gpd.GeoDataFrame(
        grid, geometry=gpd.points_from_xy(grid.lon, grid.lat), crs=4326
    ).to_crs(32651)  # UTM 51N: metres around the Yellow and East China Seas
    close = []
    for t, step in points.groupby("t"):
        near = gpd.sjoin_nearest(step, step, max_distance=500, exclusive=True)
        near = near[near.mmsi_left < near.mmsi_right]
        close += [(a, b, t) for a, b in zip(near.mmsi_left, near.mmsi_right, strict=True)]
    pairs = pd.DataFrame(close, columns=["a", "b", "t"]).sort_values(["a", "b", "t"])
    found = set()
    for (a, b), times in pairs.groupby(["a", "b"]).t:
        run = (times.diff() != pd.Timedelta("10min")).cumsum()
        if (times.groupby(run).agg(lambda s: s.max() - s.min()) >= pd.Timedelta("2h")).any():
            found.add((int(a), int(b)))
    return time.perf_counter() - began, found


def baseline(positions: pa.Table, vessels: int, meeting: set[int]) -> None:
    mmsis = np.unique(positions["mmsi"].to_numpy())
    sts = sorted(meeting)
    keep = list(sts) + [m for m in mmsis.tolist() if m not in sts][: max(0, vessels - len(sts))]
    subset = positions.filter(pc.is_in(positions["mmsi"], pa.array(keep, pa.int64())))
    n = subset.num_rows
    print(f"\nencounter detection on a subset: {len(keep)} vessels, {n:,} positions")
    ours_s, ours_pairs = encounter_pairs_ours(subset)
    print(f"  sanctionwatch (DuckDB)  {ours_s:8.2f} s  {n / ours_s:14,.0f} positions/s")
    mp_s, mp_pairs = encounter_pairs_movingpandas(subset)
    print(f"  MovingPandas/GeoPandas  {mp_s:8.2f} s  {n / mp_s:14,.0f} positions/s")
    print(f"  ratio                   {mp_s / ours_s:8.1f} x")
    print(
        f"  pairs found: ours {len(ours_pairs)}, baseline {len(mp_pairs)}, "
        f"both {len(ours_pairs & mp_pairs)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vessels", type=int, default=2000)
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--interval", type=float, nargs=2, default=(12.0, 22.0))
    parser.add_argument("--baseline-vessels", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    began = time.perf_counter()
    scenario = simulate(args.seed, START, args.hours, args.vessels, interval_s=tuple(args.interval))
    print(
        f"SYNTHETIC scenario seed {args.seed}: {scenario.parameters['hulls']:,} vessels, "
        f"{scenario.positions.num_rows:,} positions over {args.hours} h "
        f"(simulated in {time.perf_counter() - began:.1f} s)"
    )
    ours(scenario.positions, scenario.identities)
    if args.baseline_vessels:
        meeting = {m for t in scenario.truth if t.type in ("sts", "chain") for m in t.mmsi}
        baseline(scenario.positions, args.baseline_vessels, meeting)


if __name__ == "__main__":
    main()
