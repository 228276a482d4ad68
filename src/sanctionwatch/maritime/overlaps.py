"""Segments of one MMSI that are on air at the same time far apart: two transmitters, one MMSI.

A shared or spoofed MMSI shows as segments whose time spans overlap while their positions are
miles apart. They are kept, not discarded, and surfaced here as evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.maritime.distance import distance_nm, lon_step
from sanctionwatch.maritime.resample import by_segment

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Overlap:
    """Two segments of one MMSI on air at once, `separation_nm` apart (median over the overlap)."""

    mmsi: int
    seg_a: str  # the segment that started first
    seg_b: str
    start: datetime  # UTC, the overlap's start
    end: datetime  # UTC
    separation_nm: float
    points_a: int  # fixes of each segment within the overlap
    points_b: int
    evidence: tuple[int, ...]  # row ids: first and last fix of each segment within the overlap


@dataclass(frozen=True)
class _Track:
    seg_id: str
    mmsi: int
    ts: Ints
    lat: Floats
    lon: Floats  # unwrapped: continuous across the antimeridian
    row_id: Ints


def _tracks(segmented: pa.Table, min_points: int) -> list[_Track]:
    table = by_segment(segmented)
    seg = table["seg_id"].to_numpy(zero_copy_only=False)
    cuts = np.flatnonzero(seg[1:] != seg[:-1]) + 1
    bounds = zip(np.r_[0, cuts].tolist(), np.r_[cuts, len(seg)].tolist(), strict=True)
    cols = {n: table[n].to_numpy() for n in ("mmsi", "lat", "lon", "row_id")}
    ts = pc.cast(table["ts"], pa.int64()).to_numpy()
    tracks = []
    for a, b in bounds:
        if b - a >= min_points:
            lon = cols["lon"][a:b]
            lon = lon[0] + np.concatenate([[0.0], np.cumsum(lon_step(lon[:-1], lon[1:]))])
            tracks.append(
                _Track(
                    str(seg[a]),
                    int(cols["mmsi"][a]),
                    ts[a:b],
                    cols["lat"][a:b],
                    lon,
                    cols["row_id"][a:b],
                )
            )
    return tracks


def _inside(track: _Track, start: int, end: int) -> slice:
    return slice(
        int(np.searchsorted(track.ts, start)), int(np.searchsorted(track.ts, end, "right"))
    )


def _separation(a: _Track, b: _Track, start: int, end: int) -> tuple[float, slice, slice]:
    """Median distance from each fix of either track in [start, end] to the other, interpolated."""
    sa, sb = _inside(a, start, end), _inside(b, start, end)
    dists = []
    for here, there, s in ((a, b, sa), (b, a, sb)):
        t = here.ts[s].astype(np.float64)
        lat = np.interp(t, there.ts.astype(np.float64), there.lat)
        lon = np.interp(t, there.ts.astype(np.float64), there.lon)
        dists.append(distance_nm(here.lat[s], here.lon[s], lat, lon))
    return float(np.median(np.concatenate(dists))), sa, sb


def _pair(a: _Track, b: _Track, min_separation_nm: float) -> Overlap | None:
    start, end = max(a.ts[0], b.ts[0]), min(a.ts[-1], b.ts[-1])
    if start > end:
        return None
    separation, sa, sb = _separation(a, b, int(start), int(end))
    if separation < min_separation_nm:
        return None
    ra, rb = a.row_id[sa], b.row_id[sb]
    ends = [ids[[0, -1]] for ids in (ra, rb) if len(ids)]
    evidence = tuple(dict.fromkeys(int(x) for x in np.concatenate(ends)))
    stamps = pa.array([int(start), int(end)], pa.int64()).cast(pa.timestamp("us", tz="UTC"))
    first, last = stamps.to_pylist()
    return Overlap(a.mmsi, a.seg_id, b.seg_id, first, last, separation, len(ra), len(rb), evidence)


def overlaps(
    segmented: pa.Table, min_points: int = 3, min_separation_nm: float = 5.0
) -> list[Overlap]:
    """Pairs of segments of the same MMSI overlapping in time at least `min_separation_nm` apart.

    Noise fixes and segments with fewer than `min_points` fixes are left out.
    """
    by_mmsi: dict[int, list[_Track]] = {}
    for track in _tracks(segmented, min_points):
        by_mmsi.setdefault(track.mmsi, []).append(track)
    found = []
    for tracks in by_mmsi.values():
        tracks.sort(key=lambda t: (int(t.ts[0]), t.seg_id))
        for i, a in enumerate(tracks):
            for b in tracks[i + 1 :]:
                if b.ts[0] > a.ts[-1]:
                    break
                if (hit := _pair(a, b, min_separation_nm)) is not None:
                    found.append(hit)
    return found
