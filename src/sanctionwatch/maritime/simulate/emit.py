"""Turn tracks into AIS reports: report times, noise, gaps, spoofs, identity messages."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa

from sanctionwatch.maritime.geo.distance import Floats
from sanctionwatch.maritime.model import IDENTITIES, POSITIONS
from sanctionwatch.maritime.readers.base import identity_id, position_ids
from sanctionwatch.maritime.simulate.fleet import SHIP_TYPES
from sanctionwatch.maritime.simulate.kinematics import sample
from sanctionwatch.maritime.simulate.model import Track

POSITION_SIGMA_M = 4.0  # GNSS noise on reported positions
IDENTITY_EVERY_S = 6 * 3600.0  # static data, here every six hours (AIS: every 6 minutes)
M_PER_DEG = 111_320.0


@dataclass(frozen=True)
class Reports:
    mmsi: npt.NDArray[np.int64]
    t: Floats  # seconds from the start
    lat: Floats
    lon: Floats
    sog: Floats
    cog: Floats
    heading: Floats  # NaN when not available


def report_times(rng: np.random.Generator, horizon: float, interval: tuple[float, float]) -> Floats:
    low, high = interval
    steps = rng.uniform(low, high, int(horizon / low) + 2)
    times = rng.uniform(0.0, high) + np.concatenate([[0.0], np.cumsum(steps)])
    return times[times < horizon]


def emit(
    track: Track, rng: np.random.Generator, horizon: float, interval: tuple[float, float]
) -> Reports:
    """The position reports of one track over [0, horizon)."""
    times = report_times(rng, horizon, interval)
    for g0, g1 in track.gaps:
        times = times[(times < g0) | (times > g1)]
    s = sample(track.timeline, times)
    n = times.size
    lat = s.lat + rng.normal(0.0, POSITION_SIGMA_M / M_PER_DEG, n)
    lon = s.lon + rng.normal(0.0, POSITION_SIGMA_M / M_PER_DEG, n) / np.cos(np.radians(s.lat))
    moving = s.sog > 0.05
    sog = np.round(
        np.where(
            moving, np.maximum(s.sog + rng.normal(0, 0.1, n), 0.0), np.abs(rng.normal(0, 0.03, n))
        ),
        1,
    )
    cog = np.where(moving, (s.cog + rng.normal(0, 1.5, n)) % 360.0, rng.uniform(0, 360, n))
    rest_heading = float(rng.uniform(0, 360))
    heading = np.where(
        moving, np.round((s.cog + rng.normal(0, 3.0, n)) % 360.0), round(rest_heading)
    )
    if track.vessel.kind == "fishing":
        heading[:] = np.nan  # small boats often send 511 (not available)
    for t0, t1, dlat, dlon in track.spoofs:
        hit = (times >= t0) & (times <= t1)
        lat[hit] += dlat
        lon[hit] += dlon
    mmsi = np.full(n, track.vessel.mmsi, np.int64)
    for when, identity in track.renames:
        mmsi[times >= when] = identity.mmsi
    cog = np.round(cog, 1).astype(np.float64)
    return Reports(mmsi, times, lat, lon, sog.astype(np.float64), cog, heading)


def positions_table(parts: list[Reports], start_us: int, source: str) -> pa.Table:
    def cat(name: str) -> Floats:
        return (
            np.concatenate([getattr(p, name) for p in parts]).astype(np.float64)
            if parts
            else np.empty(0)
        )

    mmsi = np.concatenate([p.mmsi for p in parts]) if parts else np.empty(0, np.int64)
    ts_us = start_us + np.round(cat("t") * 1e6).astype(np.int64)
    lat, lon, heading = cat("lat"), cat("lon"), cat("heading")
    columns = [
        pa.array(position_ids(mmsi, ts_us, lat, lon)),
        pa.array(mmsi),
        pa.array(ts_us).cast(pa.timestamp("us")).cast(POSITIONS.field("ts").type),
        pa.array(lat),
        pa.array(lon),
        pa.array(cat("sog").astype(np.float32)),
        pa.array(cat("cog").astype(np.float32)),
        pa.array(heading.astype(np.float32), mask=np.isnan(heading)),
        pa.repeat(source, mmsi.size),
    ]
    return pa.Table.from_arrays(columns, schema=POSITIONS)


def identity_rows(
    track: Track, reports: Reports, start_us: int, source: str
) -> list[dict[str, object]]:
    """Static reports: at the first position, every six hours, and right after each rename."""
    if reports.t.size == 0:
        return []
    wanted = np.arange(reports.t[0], reports.t[-1] + 1, IDENTITY_EVERY_S).tolist()
    wanted += [when + 60.0 for when, _ in track.renames]
    rows = []
    for t in sorted(wanted):
        k = int(np.searchsorted(reports.t, t))  # the next position report carries it
        if k >= reports.t.size:
            continue
        rows.append(_identity(track, float(reports.t[k]), start_us, source))
    return rows


def _identity(track: Track, t: float, start_us: int, source: str) -> dict[str, object]:
    v = track.identity_at(t)
    ts_us = start_us + round(t * 1e6)
    draught = round(v.length / 20.0, 1)
    values = (
        v.imo,
        v.name,
        v.callsign,
        SHIP_TYPES[v.kind],
        v.length,
        v.width,
        draught,
        None,
        v.flag,
    )
    return {
        "row_id": identity_id(v.mmsi, ts_us, *values),
        "mmsi": v.mmsi,
        "ts": ts_us,
        "imo": v.imo,
        "name": v.name,
        "callsign": v.callsign,
        "ship_type": SHIP_TYPES[v.kind],
        "length": v.length,
        "width": v.width,
        "draught": draught,
        "destination": None,
        "flag": v.flag,
        "source": source,
    }


def identities_table(rows: list[dict[str, object]]) -> pa.Table:
    table = pa.Table.from_pylist(
        rows, schema=IDENTITIES.remove(2).insert(2, pa.field("ts", pa.int64(), nullable=False))
    )
    ts = table.column("ts").cast(pa.timestamp("us")).cast(IDENTITIES.field("ts").type)
    return table.set_column(2, IDENTITIES.field("ts"), ts).cast(IDENTITIES)
