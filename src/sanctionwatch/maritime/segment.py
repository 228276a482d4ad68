"""Split each MMSI's positions into segments: tracks one transmitter could physically have made.

Vectorised where it can be: positions are sorted by MMSI and time, every consecutive pair is
checked at once, silences longer than `max_hours` cut the MMSI into chunks, and a chunk whose
every pair fits is one segment. Only a chunk with a misfit goes through GFW's greedy
assignment (`assign.assign`), from its first misfit on.

Segment ids follow gpsdio-segment: "<mmsi>-<time of the first fix>" ("338013000-2017-07-18T
00:07:20.000000Z"), a millisecond later when taken. They depend only on the fixes, not on
their order in the input.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.maritime.assign import US_PER_HOUR, Fixes, SegmentParams, assign
from sanctionwatch.maritime.distance import distance_nm

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_Columns = tuple[Floats, Floats, Ints, Floats]
DEFAULTS = SegmentParams()


def _ints(table: pa.Table, name: str) -> Ints:
    return np.asarray(pc.cast(table[name], pa.int64()).to_numpy(), dtype=np.int64)


def _floats(table: pa.Table, name: str) -> Floats:
    column = pc.cast(table[name], pa.float64()).fill_null(np.nan)
    return np.asarray(column.to_numpy(), dtype=np.float64)


def _is_sorted(keys: list[Ints | Floats]) -> bool:
    """Whether rows are in ascending lexicographic order of `keys` (first key most significant)."""
    if len(keys[0]) < 2:
        return True
    undecided = np.ones(len(keys[0]) - 1, dtype=np.bool_)
    for key in keys:  # compare, not subtract: int64 differences of row ids overflow
        if np.any(undecided & (key[1:] < key[:-1])):
            return False
        undecided &= key[1:] == key[:-1]
    return True


def _order(mmsi: Ints, ts: Ints, row_id: Ints, sog: Floats) -> Ints:
    """Row order by MMSI, time, row id, reported speed.

    One quicksort of a 63-bit key (MMSI rank, time since the earliest fix) when it fits, then
    the few rows sharing a key sorted by the rest; a plain lexsort when it does not fit.
    """
    encoded = pc.dictionary_encode(pa.array(mmsi))
    codes = np.asarray(encoded.indices.to_numpy(), dtype=np.int64)
    uniques = np.asarray(encoded.dictionary.to_numpy(), dtype=np.int64)
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[np.argsort(uniques)] = np.arange(len(uniques))
    span = int(ts.max() - ts.min()) + 1
    shift = span.bit_length()
    if shift + max(1, len(uniques)).bit_length() > 63:
        return np.lexsort((sog, row_id, ts, mmsi))
    key = (rank[codes] << shift) | (ts - ts.min())
    order = np.argsort(key)
    sorted_key = key[order]
    tied = np.flatnonzero(np.diff(sorted_key) == 0)
    if len(tied):
        at = np.unique(np.concatenate([tied, tied + 1]))
        rows = order[at]
        order[at] = rows[np.lexsort((sog[rows], row_id[rows], key[rows]))]
    return np.asarray(order, dtype=np.int64)


def sort_fixes(positions: pa.Table) -> pa.Table:
    """Positions by MMSI, time, row id and reported speed: the order segmentation works in."""
    sog = np.nan_to_num(_floats(positions, "sog"), nan=-1.0)
    keys: list[Ints | Floats] = [
        _ints(positions, "mmsi"),
        _ints(positions, "ts"),
        _ints(positions, "row_id"),
        sog,
    ]
    if _is_sorted(keys):
        return positions
    mmsi, ts, row_id, _ = keys
    return positions.take(pa.array(_order(mmsi, ts, row_id, sog)))  # type: ignore[arg-type]


def _pairs(table: pa.Table, params: SegmentParams) -> tuple[Bools, Bools, _Columns]:
    """Where a chunk starts (new MMSI or long silence) and where a pair does not fit."""
    mmsi, ts = _ints(table, "mmsi"), _ints(table, "ts")
    lat, lon = _floats(table, "lat"), _floats(table, "lon")
    reported = params.reported(_floats(table, "sog"))
    hours = np.diff(ts) / US_PER_HOUR
    dist = distance_nm(lat[:-1], lon[:-1], lat[1:], lon[1:])
    fits = params.fits(dist, hours, np.maximum(reported[:-1], reported[1:]))
    starts = np.concatenate([[True], (np.diff(mmsi) != 0) | (hours > params.max_hours)])
    misfit = np.concatenate([[False], ~fits]) & ~starts
    return starts, misfit, (lat, lon, ts, reported)


def _chunk(columns: _Columns, start: int, end: int) -> Fixes:
    lat, lon, ts, reported = columns
    arrays = (lat[start:end], lon[start:end], ts[start:end], reported[start:end])
    lists = [a.tolist() for a in arrays]
    return Fixes(lists[0], lists[1], lists[2], lists[3], arrays)


def _next(misfit: Bools) -> Ints:
    """For each row, the index of the first misfit at or after it (len when none)."""
    index = np.where(misfit, np.arange(len(misfit)), len(misfit))
    return np.minimum.accumulate(index[::-1])[::-1]


def labels(table: pa.Table, params: SegmentParams, fast: bool = True) -> tuple[Ints, Bools]:
    """Segment number and noise flag of each row of a table in `sort_fixes` order.

    `fast=False` runs the plain greedy assignment over every fix of every chunk: the
    reference the fast path must agree with.
    """
    starts, misfit, columns = _pairs(table, params)
    codes = np.cumsum(starts) - 1
    noise = np.zeros(len(codes), dtype=np.bool_)
    bounds = np.append(np.flatnonzero(starts), len(codes))
    next_code = int(codes[-1]) + 1 if len(codes) else 0
    dirty = np.unique(codes[misfit]) if fast else np.arange(len(bounds) - 1)
    following = _next(misfit) if fast else None
    for chunk in dirty.tolist():
        start, end = int(bounds[chunk]), int(bounds[chunk + 1])
        first = int(np.argmax(misfit[start:end])) if fast else 0
        ahead = None if following is None else following[start:end] - start
        local, flags = assign(_chunk(columns, start, end), first, params, ahead)
        codes[start + first : end] = np.where(
            local[first:] == 0, chunk, next_code + local[first:] - 1
        )
        noise[start:end] = flags
        next_code += int(local.max(initial=0))
    return codes, noise


def _implied_speed(table: pa.Table, codes: Ints) -> Floats:
    """Knots from the previous fix of the same segment; NaN at a segment's first fix."""
    order = np.argsort(codes, kind="stable")
    ts, lat, lon = (
        _ints(table, "ts")[order],
        _floats(table, "lat")[order],
        _floats(table, "lon")[order],
    )
    same = codes[order][1:] == codes[order][:-1]
    hours = np.diff(ts) / US_PER_HOUR
    dist = distance_nm(lat[:-1], lon[:-1], lat[1:], lon[1:])
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = np.where(hours > 0, dist / hours, np.where(dist == 0, 0.0, np.nan))
    out = np.full(len(codes), np.nan)
    out[order[1:][same]] = speed[same]
    return out


def _ids(table: pa.Table, codes: Ints) -> list[str]:
    """gpsdio-segment ids of segments 0..n-1: MMSI and first fix time, bumped 1 ms if taken."""
    order = np.argsort(codes, kind="stable")
    heads = order[np.flatnonzero(np.diff(codes[order], prepend=-1))]
    mmsi, ts = _ints(table, "mmsi")[heads].tolist(), _ints(table, "ts")[heads].tolist()
    taken: set[str] = set()
    ids: list[str] = []
    for m, t in zip(mmsi, ts, strict=True):
        while (sid := f"{m}-{(EPOCH + timedelta(microseconds=t)):%Y-%m-%dT%H:%M:%S.%fZ}") in taken:
            t += 1000
        taken.add(sid)
        ids.append(sid)
    return ids


def segment(positions: pa.Table, params: SegmentParams = DEFAULTS) -> pa.Table:
    """Positions sorted by MMSI and time, with `seg_id`, `implied_speed_kn` and `noise`.

    `implied_speed_kn` is from the previous fix of the same segment (null at the first, and for
    a fix at the same time elsewhere); `noise` marks fixes GFW would set apart as noise.
    """
    table = sort_fixes(positions)
    if table.num_rows == 0:
        return (
            table.append_column("seg_id", pa.array([], pa.string()))
            .append_column("implied_speed_kn", pa.array([], pa.float64()))
            .append_column("noise", pa.array([], pa.bool_()))
        )
    codes, noise = labels(table, params)
    # number segments in order of their first fix, so ids are assigned in time order
    _, first = np.unique(codes, return_index=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    codes = rank[np.searchsorted(np.unique(codes), codes)]
    speed = _implied_speed(table, codes)
    seg_id = pa.array(_ids(table, codes), pa.string()).take(pa.array(codes))
    table = table.append_column("seg_id", seg_id)
    table = table.append_column("implied_speed_kn", pa.array(speed, mask=np.isnan(speed)))
    return table.append_column("noise", pa.array(noise))
