"""Checks every AIS reader shares: ranges, MMSI, time, "not available" values, duplicates.

Readers build a loose table (the store's column names, nullable, any numeric type) and hand it
here; what comes back is in the store's schema, with every refused row counted by reason. Each
refused row is counted once, under the first reason that applies, in this order:

    bad time, bad mmsi, position not available, no position,
    lat out of range, lon out of range, bad sog, duplicate

"Not available" speed, course and heading (NMEA 102.3, 360, 511; anything outside the field's
range) become null rather than refusing the row: the position itself is still good.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.maritime.model import IDENTITIES, POSITIONS, UTC_US, Rejects
from sanctionwatch.maritime.readers.base import identity_id, position_ids

Bools = npt.NDArray[np.bool_]
Floats = npt.NDArray[np.float64]

#: Times outside [1980, 2100) are refused as "bad time": AIS did not exist before, and a later
#: time is a corrupt clock or a misread field.
MIN_TS_US = int(datetime(1980, 1, 1, tzinfo=UTC).timestamp() * 1_000_000)
MAX_TS_US = int(datetime(2100, 1, 1, tzinfo=UTC).timestamp() * 1_000_000)
MIN_MMSI, MAX_MMSI = 100_000_000, 999_999_999
SOG_NOT_AVAILABLE = 102.25  # 102.3 knots means "not available"; 102.2 means "102.2 or more"

POSITION_REASONS = (
    "bad time",
    "bad mmsi",
    "position not available",
    "no position",
    "lat out of range",
    "lon out of range",
    "bad sog",
)
_STATIC = ("imo", "name", "callsign", "ship_type", "length", "width", "draught", "destination")


def merge_rejects(*parts: Rejects | Mapping[str, int]) -> Rejects:
    """Add up reject counts."""
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part.counts if isinstance(part, Rejects) else part)
    return Rejects({k: v for k, v in sorted(total.items()) if v})


def floats(table: pa.Table, name: str) -> Floats:
    """A column as float64 with NaN for null (a missing column is all NaN)."""
    if name not in table.column_names:
        return np.full(table.num_rows, np.nan)
    column = pc.cast(table[name], pa.float64(), safe=False)
    return np.asarray(column.fill_null(np.nan).to_numpy(), dtype=np.float64)


def times_us(table: pa.Table) -> tuple[npt.NDArray[np.int64], Bools]:
    """The `ts` column as µs since the epoch, and where it is good (present and plausible)."""
    ts = table["ts"]
    if pa.types.is_timestamp(ts.type) and ts.type.tz is None:
        ts = pc.assume_timezone(ts, "UTC")
    values = pc.cast(pc.cast(ts, UTC_US, safe=False), pa.int64())
    present = np.asarray(pc.is_valid(values).to_numpy(zero_copy_only=False), dtype=np.bool_)
    us = np.asarray(values.fill_null(0).to_numpy(), dtype=np.int64)
    return us, present & (us >= MIN_TS_US) & (us < MAX_TS_US)


def good_mmsi(mmsi: Floats) -> Bools:
    with np.errstate(invalid="ignore"):
        good = (mmsi >= MIN_MMSI) & (mmsi <= MAX_MMSI) & (np.floor(mmsi) == mmsi)
    return np.asarray(good, dtype=np.bool_)


def _first_reason(masks: list[Bools], n: int) -> npt.NDArray[np.int64]:
    """Index of the first failing check per row; len(masks) when the row passes."""
    reason = np.full(n, len(masks), dtype=np.int64)
    for i in range(len(masks) - 1, -1, -1):
        reason[masks[i]] = i
    return reason


def _count(reason: npt.NDArray[np.int64], names: tuple[str, ...]) -> dict[str, int]:
    counts = np.bincount(reason, minlength=len(names) + 1)
    return {name: int(counts[i]) for i, name in enumerate(names) if counts[i]}


def _position_masks(table: pa.Table, ts_ok: Bools, mmsi: Floats) -> list[Bools]:
    lat, lon, sog = floats(table, "lat"), floats(table, "lon"), floats(table, "sog")
    with np.errstate(invalid="ignore"):
        return [
            ~ts_ok,
            ~good_mmsi(mmsi),
            (lat == 91.0) | (lon == 181.0),
            np.isnan(lat) | np.isnan(lon),
            ~(np.abs(lat) <= 90.0),
            ~(np.abs(lon) <= 180.0),
            sog < 0,
        ]


def _blank_out(values: Floats, low: float, high: float) -> pa.Array:
    """Values outside [low, high) become null (the AIS "not available" codes among them)."""
    with np.errstate(invalid="ignore"):
        bad = ~((values >= low) & (values < high))
    return pa.array(values, type=pa.float32(), mask=bad)


def _dedupe(row_id: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Indices of the first row of each distinct row id, in input order."""
    _, first = np.unique(row_id, return_index=True)
    return np.sort(first)


def _source(table: pa.Table, keep: npt.NDArray[np.int64], default: str) -> pa.Array:
    if "source" not in table.column_names:
        return pa.array([default] * len(keep), type=pa.string())
    return pc.cast(table["source"], pa.string()).take(pa.array(keep)).fill_null(default)


def positions(table: pa.Table, source: str = "") -> tuple[pa.Table, Rejects]:
    """Validate a loose positions table; return it in the POSITIONS schema and the rejects."""
    n = table.num_rows
    ts_us, ts_ok = times_us(table)
    mmsi = floats(table, "mmsi")
    reason = _first_reason(_position_masks(table, ts_ok, mmsi), n)
    keep = np.flatnonzero(reason == len(POSITION_REASONS))
    lat, lon = floats(table, "lat")[keep], floats(table, "lon")[keep]
    row_id = position_ids(mmsi[keep].astype(np.int64), ts_us[keep], lat, lon)
    if "row_id" in table.column_names:
        row_id = _given_ids(table, keep, row_id)
    first = _dedupe(row_id)
    rows = keep[first]
    out = pa.table(
        {
            "row_id": pa.array(row_id[first], pa.int64()),
            "mmsi": pa.array(mmsi[rows].astype(np.int64)),
            "ts": pa.array(ts_us[rows], pa.int64()).cast(UTC_US),
            "lat": pa.array(lat[first]),
            "lon": pa.array(lon[first]),
            "sog": _blank_out(floats(table, "sog")[rows], 0.0, SOG_NOT_AVAILABLE),
            "cog": _blank_out(floats(table, "cog")[rows], 0.0, 360.0),
            "heading": _blank_out(floats(table, "heading")[rows], 0.0, 360.0),
            "source": _source(table, rows, source),
        },
        schema=POSITIONS,
    )
    counts = _count(reason, POSITION_REASONS)
    return out, merge_rejects(counts, {"duplicate": len(keep) - len(first)})


def _given_ids(
    table: pa.Table, keep: npt.NDArray[np.int64], computed: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """Row ids the input carries, computed ones where it has none."""
    column = pc.cast(table["row_id"], pa.int64()).take(pa.array(keep))
    has = np.asarray(pc.is_valid(column).to_numpy(zero_copy_only=False), dtype=np.bool_)
    given = np.asarray(column.fill_null(0).to_numpy(), dtype=np.int64)
    return np.where(has, given, computed)


#: Static values that mean "not available": IMO numbers have 7 digits, type 0 is "not
#: available", a ship is never 0 m long.
_LOWEST = {"imo": 1_000_000, "ship_type": 1, "length": 0.01, "width": 0.01, "draught": 0.01}
_HIGHEST = {"imo": 9_999_999, "ship_type": 255}


def _identity_column(table: pa.Table, name: str, rows: pa.Array) -> pa.Array:
    kind = IDENTITIES.field(name).type
    if name not in table.column_names:
        return pa.nulls(len(rows), kind)
    column = table[name].take(rows)
    if pa.types.is_string(kind):
        column = pc.utf8_trim(pc.cast(column, kind), characters=" @")
        return pc.if_else(pc.equal(column, ""), pa.scalar(None, kind), column)
    column = pc.cast(column, pa.float64(), safe=False)
    low, high = _LOWEST.get(name, -np.inf), _HIGHEST.get(name, np.inf)
    ok = pc.and_(pc.greater_equal(column, low), pc.less_equal(column, high))
    return pc.cast(pc.if_else(ok, column, pa.scalar(None, pa.float64())), kind, safe=False)


def _has_static(table: pa.Table) -> pa.ChunkedArray:
    """Whether each row carries at least one static value."""
    present = pc.is_valid(table[_STATIC[0]])
    for name in (*_STATIC[1:], "flag"):
        present = pc.or_(present, pc.is_valid(table[name]))
    return present


def identities(table: pa.Table, source: str = "") -> tuple[pa.Table, Rejects]:
    """Validate a loose identities table; return it in the IDENTITIES schema and the rejects.

    Rows left with no static value once "not available" codes are nulled are refused as
    "no identity fields"."""
    ts_us, ts_ok = times_us(table)
    mmsi = floats(table, "mmsi")
    reason = _first_reason([~ts_ok, ~good_mmsi(mmsi)], table.num_rows)
    rows = np.flatnonzero(reason == 2)
    columns = {name: _identity_column(table, name, pa.array(rows)) for name in (*_STATIC, "flag")}
    columns["mmsi"] = pa.array(mmsi[rows].astype(np.int64))
    columns["ts"] = pa.array(ts_us[rows], pa.int64()).cast(UTC_US)
    columns["source"] = _source(table, rows, source)
    columns["row_id"] = pa.nulls(len(rows), pa.int64())
    out = pa.table({f.name: columns[f.name] for f in IDENTITIES})
    filled = out.filter(_has_static(out))
    filled = filled.set_column(0, "row_id", pa.array(_identity_ids(filled), pa.int64()))
    first = _dedupe(filled["row_id"].to_numpy())
    counts = _count(reason, ("bad time", "bad mmsi"))
    counts["no identity fields"] = out.num_rows - filled.num_rows
    counts["duplicate"] = filled.num_rows - len(first)
    return filled.take(pa.array(first)).cast(IDENTITIES), merge_rejects(counts)


def _identity_ids(table: pa.Table) -> list[int]:
    static = [table[name].to_pylist() for name in (*_STATIC, "flag")]
    ts = pc.cast(table["ts"], pa.int64()).to_pylist()
    return [
        identity_id(m, t, *values)
        for m, t, *values in zip(table["mmsi"].to_pylist(), ts, *static, strict=True)
    ]
