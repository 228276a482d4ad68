"""The checks every reader shares: no out-of-range row ever gets through, every row is counted."""

from __future__ import annotations

import math

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime import validate
from sanctionwatch.maritime.model import POSITIONS

_FLOATS = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(-200, 200),
    st.sampled_from([90.0, -90.0, 91.0, 180.0, -180.0, 181.0, 0.0]),
    st.none(),
)
_MMSI = st.one_of(
    st.integers(-(2**62), 2**62),
    st.integers(99_999_990, 1_000_000_010),
    st.sampled_from([100_000_000, 999_999_999, 0]),
    st.none(),
)
_TS = st.one_of(st.integers(-(2**60), 2**60), st.integers(3 * 10**14, 4 * 10**15), st.none())
_ROW = st.tuples(_MMSI, _TS, _FLOATS, _FLOATS, _FLOATS, _FLOATS, _FLOATS)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(_ROW, max_size=40))
def test_no_out_of_range_row_passes(rows: list[tuple[object, ...]]) -> None:
    names = ("mmsi", "ts", "lat", "lon", "sog", "cog", "heading")
    columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
    table = pa.table(
        {
            "mmsi": pa.array(columns["mmsi"], pa.int64()),
            "ts": pa.array(columns["ts"], pa.int64()).cast(pa.timestamp("us", tz="UTC")),
            **{n: pa.array(columns[n], pa.float64()) for n in names[2:]},
        }
    )
    out, rejects = validate.positions(table, source="test")
    assert out.schema == POSITIONS
    assert out.num_rows + rejects.total == len(rows)
    assert set(rejects.counts) <= {*validate.POSITION_REASONS, "duplicate"}
    for row in out.to_pylist():
        assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180
        assert (row["lat"], row["lon"]) != (91, 181)
        assert 100_000_000 <= row["mmsi"] <= 999_999_999
        assert validate.MIN_TS_US <= int(row["ts"].timestamp() * 1e6) < validate.MAX_TS_US
        assert row["sog"] is None or 0 <= row["sog"] < 102.3
        assert row["cog"] is None or 0 <= row["cog"] < 360
        assert row["heading"] is None or 0 <= row["heading"] < 360
    assert len(set(out["row_id"].to_pylist())) == out.num_rows


def test_first_reason_wins_and_not_available_values_become_null() -> None:
    table = pa.table(
        {
            "mmsi": [12, 235070762, 235070762, 235070762, 235070762, 235070762],
            "ts": pa.array([10**15] * 6, pa.int64()).cast(pa.timestamp("us", tz="UTC")),
            "lat": [95.0, 91.0, 95.0, 50.0, 50.0, 50.0],
            "lon": [0.0, 181.0, 0.0, -1.0, -1.0, -1.0],
            "sog": [1.0, 1.0, 1.0, 102.3, 102.3, -1.0],
            "cog": [1.0, 1.0, 1.0, 360.0, 360.0, 1.0],
            "heading": [1.0, 1.0, 1.0, 511.0, 511.0, 1.0],
        }
    )
    out, rejects = validate.positions(table, source="x")
    assert rejects.counts == {
        "bad mmsi": 1,
        "position not available": 1,
        "lat out of range": 1,
        "duplicate": 1,
        "bad sog": 1,
    }
    [row] = out.to_pylist()
    assert (row["sog"], row["cog"], row["heading"]) == (None, None, None)


def test_identities_normalise_not_available_static_values() -> None:
    table = pa.table(
        {
            "mmsi": [235070762, 235070762, 235070762],
            "ts": pa.array([10**15, 10**15 + 1, 10**15 + 2]).cast(pa.timestamp("us", tz="UTC")),
            "imo": [0, 9312345, 0],
            "name": ["@@@@", " NORDIC STAR@@", None],
            "ship_type": [0, 70, 0],
            "length": [0.0, 140.0, math.nan],
        }
    )
    out, rejects = validate.identities(table, source="x")
    assert rejects.counts == {"no identity fields": 2}
    [row] = out.to_pylist()
    assert (row["imo"], row["name"], row["ship_type"], row["length"]) == (
        9312345,
        "NORDIC STAR",
        70,
        140.0,
    )
    assert np.isfinite(row["row_id"])
