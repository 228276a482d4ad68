"""Global Fishing Watch per-MMSI NDJSON, as in GlobalFishingWatch/gpsdio-segment's test data.

One JSON object per line: `ssvid` (or `mmsi`), `timestamp` ("2017-07-18T00:07:20.000000Z" or
"2014-01-01 01:14:25.000000", UTC), `lat`, `lon`, `speed`, `course`, optionally `heading`, the
identity fields `shipname`, `callsign`, `imo`, `shiptype`, `length`, `width`, `draught`,
`destination`, and `expected`: the segment id GFW's segmenter gave the message. Lines without a
position (static messages stripped of their fields) are counted as "no position"; lines that are
not a JSON object are counted as "bad line". Range, MMSI and duplicate checks are the shared
ones in `sanctionwatch.maritime.validate`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from sanctionwatch.errors import ParseError
from sanctionwatch.maritime import validate
from sanctionwatch.maritime.readers import static
from sanctionwatch.maritime.readers.base import ReadResult, position_ids
from sanctionwatch.maritime.readers.tabular import iso_utc

#: Our column name -> the GFW keys that may carry it, first present wins.
NUMBERS = {
    "mmsi": ("ssvid", "mmsi"),
    "lat": ("lat",),
    "lon": ("lon",),
    "sog": ("speed",),
    "cog": ("course",),
    "heading": ("heading",),
    "imo": ("imo",),
    "ship_type": ("shiptype", "shiptype_code"),
    "length": ("length",),
    "width": ("width",),
    "draught": ("draught",),
}
TEXTS = {
    "ts": ("timestamp",),
    "name": ("shipname",),
    "callsign": ("callsign",),
    "destination": ("destination",),
    "expected": ("expected",),
}


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if np.isfinite(number) else None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _pick(message: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((message[k] for k in keys if k in message), None)


def _messages(path: Path) -> tuple[list[dict[str, Any]], int]:
    """The JSON objects of the file, and how many non-empty lines were not objects."""
    messages: list[dict[str, Any]] = []
    bad = 0
    try:
        with path.open("rb") as lines:  # NDJSON lines end at \n only, never at a lone \r
            for raw in lines:
                line = raw.decode("utf-8", errors="replace")
                if not line.strip():
                    continue
                try:
                    message = json.loads(line)
                except ValueError:
                    message = None
                if isinstance(message, dict):
                    messages.append(message)
                else:
                    bad += 1
    except OSError as err:
        raise ParseError(path, None, f"cannot read NDJSON: {err}") from err
    return messages, bad


def _loose(messages: list[dict[str, Any]], source: str) -> pa.Table:
    columns: dict[str, pa.Array] = {}
    for name, keys in NUMBERS.items():
        columns[name] = pa.array([_number(_pick(m, keys)) for m in messages], pa.float64())
    for name, keys in TEXTS.items():
        columns[name] = pa.array([_text(_pick(m, keys)) for m in messages], pa.string())
    columns["ts"] = iso_utc(pa.chunked_array([columns["ts"]]))
    columns["source"] = pa.array([source] * len(messages), pa.string())
    return pa.table(columns)


def _identities(loose: pa.Table, source: str) -> pa.Table:
    present = [n for n in static.STATIC if loose[n].null_count < loose.num_rows]
    if not present:
        return validate.identities(loose.slice(0, 0), source=source)[0]
    keep = ["mmsi", "ts", "source", *present]
    return validate.identities(static.changes(loose.select(keep)), source=source)[0]


def read(path: Path) -> ReadResult:
    """Positions and identity changes of a GFW NDJSON file, with rejects by reason."""
    messages, bad = _messages(path)
    loose = _loose(messages, path.name)
    positions, rejects = validate.positions(loose, source=path.name)
    identities = _identities(loose, path.name)
    return ReadResult(positions, identities, validate.merge_rejects(rejects, {"bad line": bad}))


def read_expected(path: Path) -> dict[int, str]:
    """GFW's expected segment id of each position row, by row id (rows without one left out)."""
    loose = _loose(_messages(path)[0], path.name)
    ts_us, ts_ok = validate.times_us(loose)
    mmsi, lat, lon = (validate.floats(loose, n) for n in ("mmsi", "lat", "lon"))
    expected = loose["expected"].to_pylist()
    ok = ts_ok & validate.good_mmsi(mmsi) & np.isfinite(lat) & np.isfinite(lon)
    ok &= np.array([e is not None for e in expected], dtype=np.bool_)
    rows = np.flatnonzero(ok)
    ids = position_ids(mmsi[rows].astype(np.int64), ts_us[rows], lat[rows], lon[rows])
    return {int(i): str(expected[r]) for i, r in zip(ids, rows, strict=True)}
