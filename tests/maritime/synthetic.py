"""Position tables built from plain lists or straight tracks, for segmentation tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from sanctionwatch.maritime.model import POSITIONS, UTC_US
from sanctionwatch.maritime.readers.base import position_ids


def table(
    mmsi: Sequence[int],
    ts_s: Sequence[float],
    lat: Sequence[float],
    lon: Sequence[float],
    sog: Sequence[float | None] | None = None,
    scenario: str = "test",
) -> pa.Table:
    """A POSITIONS table (times in seconds since the epoch)."""
    m = np.asarray(mmsi, dtype=np.int64)
    ts = (np.asarray(ts_s, dtype=np.float64) * 1e6).astype(np.int64)
    la, lo = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    speeds = [None] * len(m) if sog is None else list(sog)
    return pa.table(
        {
            "row_id": position_ids(m, ts, la, lo),
            "mmsi": m,
            "ts": pa.array(ts, pa.int64()).cast(UTC_US),
            "lat": la,
            "lon": lo,
            "sog": pa.array(speeds, pa.float32()),
            "cog": pa.nulls(len(m), pa.float32()),
            "heading": pa.nulls(len(m), pa.float32()),
            "source": pa.array([f"synthetic:{scenario}"] * len(m), pa.string()),
        },
        schema=POSITIONS,
    )


def straight(
    n_mmsi: int, n_points: int, every_s: float = 60.0, knots: float = 12.0, seed: int = 1
) -> pa.Table:
    """`n_mmsi` ships each on a straight course, one fix every `every_s` seconds."""
    rng = np.random.default_rng(seed)
    k = np.tile(np.arange(n_points), n_mmsi)
    t0 = 1_700_000_000 + rng.integers(0, 86_400, n_mmsi)
    lat0, lon0 = rng.uniform(-60, 60, n_mmsi), rng.uniform(-180, 180, n_mmsi)
    heading = rng.uniform(0, 2 * np.pi, n_mmsi)
    step_deg = knots * every_s / 3600 / 60
    lat = np.repeat(lat0, n_points) + np.repeat(np.cos(heading), n_points) * k * step_deg
    dlon = np.repeat(np.sin(heading) / np.cos(np.radians(lat0)), n_points) * k * step_deg
    lon = (np.repeat(lon0, n_points) + dlon + 180) % 360 - 180
    mmsi = np.repeat(412_000_000 + np.arange(n_mmsi), n_points)
    ts = np.repeat(t0, n_points) + k * every_s
    return table(mmsi, ts, np.clip(lat, -89, 89), lon, [knots] * len(k), "straight")
