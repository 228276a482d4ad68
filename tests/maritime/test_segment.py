"""Segmentation against GFW's own expected segments, and its invariants."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.distance import distance_nm
from sanctionwatch.maritime.readers import gfw
from sanctionwatch.maritime.segment import labels, sort_fixes
from sanctionwatch.maritime.tracks import SegmentParams, segment
from tests.maritime import synthetic

GFW = Path(__file__).parent.parent / "data" / "ais" / "gfw"
MAIN = "338013000-2017-07-18T00:07:20.000000Z"


def _segmented(name: str) -> pa.Table:
    return segment(gfw.read(GFW / name).positions)


def test_noise_is_set_apart_exactly_as_gfw_expected() -> None:
    segmented = _segmented("338013000.ndjson")
    expected = gfw.read_expected(GFW / "338013000.ndjson")
    got = dict(zip(segmented["row_id"].to_pylist(), segmented["seg_id"].to_pylist(), strict=True))
    # same ids, so the same partition: agreement on every one of the 1,023 distinct fixes
    assert got == expected
    sizes = Counter(got.values())
    assert sizes[MAIN] == 1000
    assert len(sizes) == 24 and set(sizes.values()) == {1000, 1}
    noise = segmented.filter(segmented["noise"])
    assert noise.num_rows == 23
    assert MAIN not in noise["seg_id"].to_pylist()


def test_gap_of_six_point_nine_hours_stays_in_one_track() -> None:
    segmented = _segmented("263576000.ndjson")
    assert pc.count_distinct(segmented["seg_id"]).as_py() == 1
    ts = pc.cast(segmented["ts"], pa.int64()).to_numpy()
    gaps_h = np.diff(ts) / 3.6e9
    longest = int(np.argmax(gaps_h))
    assert 6.85 < gaps_h[longest] < 6.95  # 6 h 51 min: under max_hours, so not a cut
    before, after = segmented["ts"][longest].as_py(), segmented["ts"][longest + 1].as_py()
    assert before == datetime(2015, 10, 15, 20, 18, 50, tzinfo=UTC)  # and across midnight
    assert after == datetime(2015, 10, 16, 3, 10, 3, tzinfo=UTC)


def test_shared_mmsi_splits_into_simultaneous_tracks() -> None:
    segmented = _segmented("416000000.ndjson")
    sizes = Counter(segmented.filter(pc.invert(segmented["noise"]))["seg_id"].to_pylist())
    big = [s for s, n in sizes.items() if n >= 50]
    assert len(big) >= 3


@pytest.mark.parametrize("name", ["263576000.ndjson", "338013000.ndjson", "416000000.ndjson"])
def test_fast_path_agrees_with_plain_greedy_on_real_tracks(name: str) -> None:
    table = sort_fixes(gfw.read(GFW / name).positions)
    fast, fast_noise = labels(table, SegmentParams())
    slow, slow_noise = labels(table, SegmentParams(), fast=False)
    assert _same_partition(fast, slow)
    assert (fast_noise == slow_noise).all()


def _same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    pairs = set(zip(a.tolist(), b.tolist(), strict=True))
    return len(pairs) == len(set(a.tolist())) == len(set(b.tolist()))


# -- invariants on random tracks: a few ships, drifting, with jumps and long silences ----------

moves = st.tuples(
    st.integers(0, 2),  # which ship
    st.sampled_from([0, 10, 60, 600, 3600, 7 * 3600, 30 * 3600]),  # seconds since its last fix
    st.floats(-0.05, 0.05),  # lat step
    st.floats(-0.05, 0.05),  # lon step
    st.sampled_from([0.0, 0.0, 0.0, 1.0, 5.0]),  # jump of this many degrees (noise, spoofing)
    st.sampled_from([None, 0.0, 12.0, 102.3]),  # reported speed
)


def _random_table(steps: list[tuple[int, int, float, float, float, float | None]]) -> pa.Table:
    state = {i: [1_600_000_000.0, 38.0 + i, 178.0 + i] for i in range(3)}
    rows = []
    for ship, dt, dlat, dlon, jump, sog in steps:
        t, lat, lon = state[ship]
        t, lat, lon = t + dt, lat + dlat, (lon + dlon + 180) % 360 - 180
        state[ship] = [t, lat, lon]
        rows.append((445_000_000 + ship, t, lat + jump, (lon + jump + 180) % 360 - 180, sog))
    mmsi, ts, lat, lon, sog = zip(*rows, strict=True)
    return synthetic.table(mmsi, ts, lat, lon, sog)


@settings(max_examples=150, deadline=None)
@given(st.lists(moves, min_size=1, max_size=60), st.randoms(use_true_random=False))
def test_partition_and_order_independence(steps: list, rnd: object) -> None:
    table = _random_table(steps)
    out = segment(table)
    assert out.num_rows == table.num_rows
    assert Counter(out["row_id"].to_pylist()) == Counter(table["row_id"].to_pylist())
    assert out["seg_id"].null_count == 0
    seg_mmsi = {}
    for seg_id, mmsi in zip(out["seg_id"].to_pylist(), out["mmsi"].to_pylist(), strict=True):
        assert seg_mmsi.setdefault(seg_id, mmsi) == mmsi  # a segment never spans two MMSIs
    order = list(range(table.num_rows))
    rnd.shuffle(order)  # type: ignore[attr-defined]
    assert segment(table.take(pa.array(order, pa.int64()))).equals(out)


@settings(max_examples=150, deadline=None)
@given(st.lists(moves, min_size=2, max_size=60))
def test_fast_path_agrees_with_plain_greedy(steps: list) -> None:
    table = sort_fixes(_random_table(steps))
    fast, fast_noise = labels(table, SegmentParams())
    slow, slow_noise = labels(table, SegmentParams(), fast=False)
    assert _same_partition(fast, slow)
    assert (fast_noise == slow_noise).all()


def _by_segment(out: pa.Table) -> tuple[np.ndarray, ...]:
    order = np.lexsort((pc.cast(out["ts"], pa.int64()).to_numpy(), out["seg_id"].to_numpy()))
    seg = out["seg_id"].to_numpy(zero_copy_only=False)[order]
    cols = (out[n].to_numpy() for n in ("lat", "lon"))
    speed = out["implied_speed_kn"].to_numpy(zero_copy_only=False)[order]
    return seg, *(c[order] for c in cols), speed


@settings(max_examples=150, deadline=None)
@given(st.lists(moves, min_size=1, max_size=60), st.floats(5, 40))
def test_strict_implied_speed_never_exceeds_max_after_first_fix(steps: list, kn: float) -> None:
    params = SegmentParams.strict(max_speed_kn=kn)
    seg, _, _, speed = _by_segment(segment(_random_table(steps), params))
    first = np.r_[True, seg[1:] != seg[:-1]]
    assert np.isnan(speed[first].astype(float)).all()
    assert (speed[~first].astype(float) <= kn * (1 + 1e-9)).all()


@settings(max_examples=100, deadline=None)
@given(st.lists(moves, min_size=1, max_size=60))
def test_gfw_implied_speed_within_its_distance_allowance(steps: list) -> None:
    params = SegmentParams()
    seg, lat, lon, speed = _by_segment(segment(_random_table(steps), params))
    later = np.r_[False, seg[1:] == seg[:-1]]
    dist = np.r_[0.0, distance_nm(lat[:-1], lon[:-1], lat[1:], lon[1:])]
    speed = speed.astype(float)
    moved = later & ~np.isnan(speed) & (dist > 0)
    # reports are 0, 12 or 102.3 ("not available", taken as 0): the base cap stays 25 kn
    cap = params.max_speed_kn * (1 + params.near_allowance_nm2 / dist[moved] ** 2)
    assert (speed[moved] <= cap * (1 + 1e-9)).all()


def test_antimeridian_crossing_is_one_segment() -> None:
    lon = [179.90, 179.95, -179.99, -179.95, -179.90]  # 0.05 deg a quarter hour: ~11 kn
    table = synthetic.table([445_000_001] * 5, [i * 900 for i in range(5)], [40.0] * 5, lon)
    out = segment(table)
    assert pc.count_distinct(out["seg_id"]).as_py() == 1
    assert pc.max(out["implied_speed_kn"]).as_py() < 15


def test_midnight_crossing_is_one_segment() -> None:
    midnight = datetime(2024, 5, 3, tzinfo=UTC).timestamp()
    ts = [midnight + s for s in (-1200, -600, -1, 0, 600, 1200)]
    lat = [39.0 + 0.03 * i for i in range(6)]
    out = segment(synthetic.table([445_000_002] * 6, ts, lat, [128.0] * 6))
    assert pc.count_distinct(out["seg_id"]).as_py() == 1
    assert out["seg_id"][0].as_py() == "445000002-2024-05-02T23:40:00.000000Z"


def test_long_silence_starts_a_new_segment() -> None:
    ts = [0, 600, 600 + 25 * 3600, 1200 + 25 * 3600]
    out = segment(synthetic.table([445_000_003] * 4, ts, [39.0, 39.01, 39.02, 39.03], [128.0] * 4))
    assert pc.count_distinct(out["seg_id"]).as_py() == 2


def test_empty_table() -> None:
    out = segment(synthetic.table([], [], [], []))
    assert out.num_rows == 0
    assert {"seg_id", "implied_speed_kn", "noise"} <= set(out.column_names)


def test_many_vessels_segment_independently() -> None:
    out = segment(synthetic.straight(200, 500))
    assert pc.count_distinct(out["seg_id"]).as_py() == 200
