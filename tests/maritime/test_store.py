"""The positions store: day partitions, idempotent and atomic ingest, filtered reads."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from sanctionwatch.errors import UnknownFormatError
from sanctionwatch.maritime.ingest import expand_paths, ingest_paths
from sanctionwatch.maritime.model import IDENTITIES, POSITIONS
from sanctionwatch.maritime.readers import noaa, solent
from sanctionwatch.maritime.store import PositionStore

AIS = Path(__file__).parent.parent / "data" / "ais"
SOLENT = AIS / "solent.csv"
NOAA = AIS / "noaa_sample.csv"


def every_file(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


def test_ingest_solent_then_again_adds_nothing(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    first = store.ingest(solent.read(SOLENT))
    assert first.added == {"positions": {"2016-01-12": 18_620}, "identities": {}}
    assert first.rejects.counts == {"duplicate": 3}
    assert first.files and not first.nothing_new
    files = every_file(tmp_path)
    again = store.ingest(solent.read(SOLENT))
    assert again.nothing_new
    assert again.added == {"positions": {}, "identities": {}}
    assert again.duplicates == {"positions": 18_620, "identities": 0}
    assert every_file(tmp_path) == files
    assert "nothing new" in again.summary()


def test_written_file_is_sorted_and_in_schema(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    store.ingest(solent.read(SOLENT))
    [path] = store.files("positions")
    assert path.parent.name == "day=2016-01-12"
    assert path.name.startswith("part-")
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == POSITIONS
    keys = list(zip(table["mmsi"].to_pylist(), table["ts"].to_pylist(), strict=True))
    assert keys == sorted(keys)


def test_partitions_across_midnight_with_rows_out_of_order(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    report = store.ingest(noaa.read(NOAA))
    assert report.added["positions"] == {"2023-01-01": 3, "2023-01-02": 4}
    assert report.added["identities"] == {"2023-01-01": 2, "2023-01-02": 1}
    assert store.days() == [date(2023, 1, 1), date(2023, 1, 2)]
    day2 = pq.read_table(store.positions_dir / "day=2023-01-02").to_pylist()
    assert all(r["ts"].date() == date(2023, 1, 2) for r in day2)
    vessel = [r["ts"] for r in day2 if r["mmsi"] == 368084090]
    assert vessel == sorted(vessel) and len(vessel) == 2  # 00:01:05 came before 00:00:03


def test_overlapping_input_adds_only_new_rows(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    whole = solent.read(SOLENT)
    head = type(whole)(whole.positions.slice(0, 1000), whole.identities, whole.rejects)
    store.ingest(head)
    report = store.ingest(whole)
    assert report.added["positions"] == {"2016-01-12": 18_620 - 1000}
    assert report.duplicates["positions"] == 1000
    assert store.positions().num_rows == 18_620
    assert len(store.files()) == 2


def test_failure_mid_ingest_leaves_no_new_file(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    store.ingest(solent.read(SOLENT))
    before = every_file(tmp_path)
    # the second day of the NOAA file cannot get its folder: a file stands in its place, so
    # the first day's positions file is already written when the ingest fails
    blocker = store.positions_dir / "day=2023-01-02"
    blocker.write_text("in the way")
    with pytest.raises(OSError):
        store.ingest(noaa.read(NOAA))
    assert every_file(tmp_path) == before | {blocker}
    assert not (store.positions_dir / "day=2023-01-01").exists()
    assert not store.identities_dir.exists()
    blocker.unlink()
    report = store.ingest(noaa.read(NOAA))
    assert report.added["positions"] == {"2023-01-01": 3, "2023-01-02": 4}
    assert not [p for p in tmp_path.rglob(".*")]  # no temporary left behind


def test_failure_in_a_later_input_of_one_ingest(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    good = solent.read(SOLENT)
    bad = type(good)(pa.table({"mmsi": [1]}), IDENTITIES.empty_table(), good.rejects)
    with pytest.raises((ValueError, KeyError, pa.ArrowException)):
        store.ingest([good, bad])
    assert every_file(tmp_path) == set()


def test_reads_with_filters(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    store.ingest([solent.read(SOLENT), noaa.read(NOAA)])
    everything = store.positions()
    assert everything.schema == POSITIONS
    assert everything.num_rows == 18_627
    since = datetime(2016, 1, 12, 14, 0, tzinfo=UTC)
    until = datetime(2016, 1, 12, 14, 10, tzinfo=UTC)
    window = store.positions(since=since, until=until)
    ts = solent.read(SOLENT).positions["ts"]
    expected = pc.sum(pc.and_(pc.greater_equal(ts, since), pc.less(ts, until))).as_py()
    assert window.num_rows == expected > 0
    box = store.positions(bbox=(-95.0, 29.0, -94.0, 30.0))
    assert set(box["mmsi"].to_pylist()) == {368084090}
    assert store.positions(mmsi=[538006843]).num_rows == 2
    naive = store.positions(since=datetime(2023, 1, 2))  # naive is UTC
    assert naive.num_rows == 4
    ids = store.identities(until=datetime(2023, 1, 2, tzinfo=UTC))
    assert ids.schema == IDENTITIES
    assert sorted(ids["mmsi"].to_pylist()) == [368084090, 538006843]


def test_antimeridian_bbox_and_empty_store(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    assert store.positions().schema == POSITIONS
    assert store.positions().num_rows == 0
    store.ingest([solent.read(SOLENT), noaa.read(NOAA)])
    # from 60°E eastwards round to 100°W: the Solent (1.4°W to 54.8°E: one real outlier)
    # and Texas (94°W) are outside, California (118°W) inside
    wrapped = store.positions(bbox=(60.0, -90.0, -100.0, 90.0))
    assert set(wrapped["mmsi"].to_pylist()) == {338123456}  # California, 118°W


def test_duckdb_reads_the_same_files(tmp_path: Path) -> None:
    store = PositionStore(tmp_path)
    store.ingest([solent.read(SOLENT), noaa.read(NOAA)])
    query = (
        f"select day, count(*) from read_parquet('{store.positions_glob()}', "
        "hive_partitioning = true) group by day order by day"
    )
    rows = [(str(day), n) for day, n in duckdb.sql(query).fetchall()]
    assert rows == [("2016-01-12", 18_620), ("2023-01-01", 3), ("2023-01-02", 4)]
    ids = duckdb.sql(f"select count(*) from read_parquet('{store.identities_glob()}')")
    assert ids.fetchone() == (3,)


def test_ingest_paths_reports_and_is_idempotent(tmp_path: Path) -> None:
    store = PositionStore(tmp_path / "store")
    ticks: list[int] = []
    inputs = [SOLENT, NOAA, AIS / "nmea"]
    assert len(expand_paths(inputs)) == 6
    report = ingest_paths(store, inputs, progress=ticks.append)
    assert ticks == [1] * 6
    assert report.inputs == 6
    assert report.rows_added("positions") == 18_620 + 7 + 2  # 2 NMEA dated by $PGHP lines
    assert report.rows_added("identities") == 3 + 1
    assert report.rejects.counts["no timestamp"] == 19
    again = ingest_paths(store, inputs)
    assert again.nothing_new
    assert again.as_dict()["added"] == {"identities": {}, "positions": {}}


def test_ingest_paths_refuses_unknown_files_before_writing(tmp_path: Path) -> None:
    store = PositionStore(tmp_path / "store")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\n")
    with pytest.raises(UnknownFormatError, match=r"notes\.txt"):
        ingest_paths(store, [SOLENT, notes])
    assert not (tmp_path / "store").exists()
