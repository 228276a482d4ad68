"""Segments interpolated onto a fixed time grid, so pairwise detectors compare like with like.

Each grid point lies on a multiple of `every_s` seconds since the epoch, within its segment's
first and last fix, and names the two real fixes it was interpolated between (the same fix
twice when it falls exactly on one). Longitude is interpolated along the shorter way round, so a
segment crossing the antimeridian stays on it. Noise fixes and single-fix segments give no
points. All of it is vectorised: no loop over segments or points.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.maritime.distance import lon_step, wrap_lon
from sanctionwatch.maritime.model import UTC_US

Ints = npt.NDArray[np.int64]

RESAMPLED = pa.schema(
    [
        pa.field("mmsi", pa.int64(), nullable=False),
        pa.field("seg_id", pa.string(), nullable=False),
        pa.field("ts", UTC_US, nullable=False),
        pa.field("lat", pa.float64(), nullable=False),
        pa.field("lon", pa.float64(), nullable=False),
        pa.field("row_id_before", pa.int64(), nullable=False),  # real fix at or before ts
        pa.field("row_id_after", pa.int64(), nullable=False),  # real fix at or after ts
        pa.field("gap_s", pa.float64(), nullable=False),  # seconds between those two fixes
    ]
)


def by_segment(segmented: pa.Table) -> pa.Table:
    """Non-noise fixes grouped by segment, in time order within each (no string sort).

    `segment()` returns rows in MMSI and time order; a stable sort on each segment's number
    (numbered in order of first appearance) groups them and keeps time order inside.
    """
    columns = ["mmsi", "seg_id", "ts", "lat", "lon", "row_id"]
    table = segmented.select(columns).filter(pc.invert(segmented["noise"]))
    if not _in_time_order(table):
        table = table.sort_by([("mmsi", "ascending"), ("ts", "ascending")])
    codes = pc.dictionary_encode(table["seg_id"].combine_chunks()).indices.to_numpy()
    return table.take(pa.array(np.argsort(codes, kind="stable")))


def _in_time_order(table: pa.Table) -> bool:
    mmsi = np.asarray(table["mmsi"].to_numpy(), dtype=np.int64)
    ts = np.asarray(pc.cast(table["ts"], pa.int64()).to_numpy(), dtype=np.int64)
    dm, dt = np.diff(mmsi), np.diff(ts)
    return bool(np.all((dm > 0) | ((dm == 0) & (dt >= 0))))


def _grid(ts: Ints, starts: Ints, ends: Ints, every_us: int) -> tuple[Ints, Ints]:
    """Grid times of every segment (rows starts[k]..ends[k]-1), and each one's segment number.

    Segments of a single fix get no grid points.
    """
    first = -((-ts[starts]) // every_us) * every_us  # ceil to the grid
    last = ts[ends - 1] // every_us * every_us
    count = np.maximum((last - first) // every_us + 1, 0) * (ends - starts >= 2)
    seg = np.repeat(np.arange(len(starts)), count)
    offset = np.arange(len(seg)) - np.repeat(np.cumsum(count) - count, count)
    return first[seg] + offset * every_us, seg


def _bracket(ts: Ints, starts: Ints, ends: Ints, grid: Ints, seg: Ints) -> tuple[Ints, Ints]:
    """Indices of the fixes at or before and at or after each grid time, within its segment.

    A single global searchsorted: each segment's times are shifted onto their own stretch of a
    monotone axis (time since the segment's start plus the summed lengths of earlier segments).
    """
    length = ts[ends - 1] - ts[starts] + 1
    base = np.cumsum(length) - length
    owner = np.repeat(np.arange(len(starts)), ends - starts)
    axis = ts - ts[starts][owner] + base[owner]
    before = np.searchsorted(axis, grid - ts[starts][seg] + base[seg], side="right") - 1
    exact = ts[before] == grid
    after = np.where(exact, before, np.minimum(before + 1, ends[seg] - 1))
    return before, after


def resample(segmented: pa.Table, every_s: int = 600) -> pa.Table:
    """Each segment of `segment()`'s output on a grid of `every_s` seconds (RESAMPLED schema)."""
    table = by_segment(segmented)
    ts = np.asarray(pc.cast(table["ts"], pa.int64()).to_numpy(), dtype=np.int64)
    seg_id = table["seg_id"]
    if table.num_rows == 0:
        return RESAMPLED.empty_table()
    cuts = np.flatnonzero(pc.not_equal(seg_id[1:], seg_id[:-1]).to_numpy(zero_copy_only=False))
    starts = np.r_[0, cuts + 1].astype(np.int64)
    ends = np.r_[cuts + 1, table.num_rows].astype(np.int64)
    grid, seg = _grid(ts, starts, ends, every_s * 1_000_000)
    before, after = _bracket(ts, starts, ends, grid, seg)
    span = (ts[after] - ts[before]).astype(np.float64)
    frac = np.divide(grid - ts[before], span, out=np.zeros(len(grid)), where=span > 0)
    lat, lon = table["lat"].to_numpy(), table["lon"].to_numpy()
    step = lon_step(lon[before], lon[after])
    columns = {
        "mmsi": table["mmsi"].take(pa.array(before)),
        "seg_id": seg_id.take(pa.array(before)),
        "ts": pa.array(grid, pa.int64()).cast(UTC_US),
        "lat": pa.array(lat[before] + frac * (lat[after] - lat[before])),
        "lon": pa.array(wrap_lon(lon[before] + frac * step)),
        "row_id_before": table["row_id"].take(pa.array(before)),
        "row_id_after": table["row_id"].take(pa.array(after)),
        "gap_s": pa.array(span / 1e6),
    }
    return pa.table(columns, schema=RESAMPLED)
