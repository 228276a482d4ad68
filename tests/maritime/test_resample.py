"""Segments on a fixed time grid, each point naming the real fixes it rests on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.readers import gfw
from sanctionwatch.maritime.tracks import RESAMPLED, resample, segment
from tests.maritime import synthetic

GFW = Path(__file__).parent.parent / "data" / "ais" / "gfw"


def test_grid_points_rest_on_real_fixes_of_their_segment() -> None:
    segmented = segment(gfw.read(GFW / "338013000.ndjson").positions)
    grid = resample(segmented, every_s=600)
    assert grid.schema == RESAMPLED
    ts = pc.cast(grid["ts"], pa.int64()).to_numpy()
    assert (ts % 600_000_000 == 0).all()
    fixes = {r["row_id"]: r for r in segmented.to_pylist()}
    for point in grid.to_pylist()[::25]:
        before, after = fixes[point["row_id_before"]], fixes[point["row_id_after"]]
        assert before["seg_id"] == after["seg_id"] == point["seg_id"]
        assert not before["noise"]
        assert before["ts"] <= point["ts"] <= after["ts"]
        low, high = sorted([before["lat"], after["lat"]])
        assert low - 1e-9 <= point["lat"] <= high + 1e-9
    # noise segments give no grid points; the real track covers its ~71 h every 10 min
    assert set(grid["seg_id"].to_pylist()) == {"338013000-2017-07-18T00:07:20.000000Z"}
    assert 420 <= grid.num_rows <= 430


def test_antimeridian_interpolation_stays_on_the_date_line() -> None:
    table = synthetic.table([445_000_001] * 2, [0, 1200], [40.0, 40.0], [179.9, -179.9])
    grid = resample(segment(table), every_s=600).to_pylist()
    assert len(grid) == 3
    assert abs(grid[1]["lon"]) > 179.99  # halfway is 180, not 0
    assert grid[1]["gap_s"] == 1200


def test_midnight_is_on_the_grid() -> None:
    midnight = datetime(2024, 5, 3, tzinfo=UTC)
    t0 = midnight.timestamp() - 900
    table = synthetic.table([445_000_002] * 2, [t0, t0 + 1800], [39.0, 39.3], [128.0, 128.0])
    grid = resample(segment(table), every_s=600).to_pylist()
    assert [p["ts"] for p in grid][1] == midnight
    assert abs(grid[1]["lat"] - 39.15) < 1e-9


def test_exact_hit_names_the_same_fix_twice() -> None:
    table = synthetic.table([445_000_003] * 3, [0, 600, 1200], [1.0, 1.1, 1.2], [2.0, 2.0, 2.0])
    grid = resample(segment(table), every_s=600)
    assert grid["row_id_before"].to_pylist() == grid["row_id_after"].to_pylist()
    assert grid["row_id_before"].to_pylist() == table["row_id"].to_pylist()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(1, 3000), min_size=1, max_size=30),
    st.sampled_from([60, 300, 600, 3600]),
)
def test_straight_track_resamples_onto_itself(steps: list[int], every: int) -> None:
    ts = np.cumsum([1_700_000_000, *steps]).astype(float)
    lat = 10.0 + (ts - ts[0]) * 1e-5  # 2.2 kn northward
    table = synthetic.table([445_000_004] * len(ts), ts, lat, [130.0] * len(ts))
    segmented = segment(table)
    grid = resample(segmented, every_s=every)
    grid_ts = pc.cast(grid["ts"], pa.int64()).to_numpy() / 1e6
    first, last = -(-int(ts[0]) // every) * every, int(ts[-1]) // every * every
    expected = np.arange(first, last + 1, every)
    assert pc.count_distinct(segmented["seg_id"]).as_py() == 1
    if len(ts) == 1:
        assert grid.num_rows == 0  # a single fix gives no grid point
        return
    assert np.array_equal(grid_ts, expected)
    assert np.allclose(grid["lat"].to_numpy(), 10.0 + (grid_ts - ts[0]) * 1e-5)
