"""One MMSI in two places at once: surfaced, not discarded."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow.compute as pc

from sanctionwatch.maritime.readers import gfw
from sanctionwatch.maritime.tracks import overlaps, segment
from tests.maritime import synthetic

GFW = Path(__file__).parent.parent / "data" / "ais" / "gfw"


def test_shared_mmsi_416000000_shows_overlapping_segments() -> None:
    segmented = segment(gfw.read(GFW / "416000000.ndjson").positions)
    found = overlaps(segmented)
    assert len(found) >= 5
    assert {o.mmsi for o in found} == {416000000}
    # ships an ocean apart (over 3,000 nm) on air at the same time under one MMSI
    assert max(o.separation_nm for o in found) > 3000
    ids = set(segmented["row_id"].to_pylist())
    for o in found:
        assert o.seg_a != o.seg_b
        assert o.start <= o.end
        assert o.separation_nm >= 5.0
        assert o.evidence and set(o.evidence) <= ids
    # every overlapping segment is kept in the segmented table
    kept = set(segmented["seg_id"].to_pylist())
    assert {o.seg_a for o in found} | {o.seg_b for o in found} <= kept


def test_single_track_files_have_no_overlap() -> None:
    for name in ("263576000.ndjson", "338013000.ndjson"):
        assert overlaps(segment(gfw.read(GFW / name).positions)) == []


def test_two_ships_one_mmsi_far_apart() -> None:
    start = datetime(2024, 5, 3, tzinfo=UTC).timestamp()
    ts = [start + 600 * i for i in range(12)]
    # ship A off Nampo, ship B in the East China Sea: ~300 nm apart, alternating reports
    lat = [38.7 if i % 2 == 0 else 33.9 for i in range(12)]
    lon = [125.0 + 0.01 * i if i % 2 == 0 else 124.0 for i in range(12)]
    segmented = segment(synthetic.table([445_111_000] * 12, ts, lat, lon))
    assert pc.count_distinct(segmented["seg_id"]).as_py() == 2
    found = overlaps(segmented)
    assert len(found) == 1
    assert 250 < found[0].separation_nm < 350
    assert found[0].points_a + found[0].points_b >= 10
    assert overlaps(segmented, min_separation_nm=400) == []
