"""The Parquet reader: files in the POSITIONS schema, or with its column names only."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sanctionwatch.errors import ParseError
from sanctionwatch.maritime.model import POSITIONS
from sanctionwatch.maritime.readers import parquet, solent

SOLENT = Path(__file__).parent.parent / "data" / "ais" / "solent.csv"


def test_round_trip_of_solent_positions(tmp_path: Path) -> None:
    positions = solent.read(SOLENT).positions
    pq.write_table(positions, tmp_path / "solent.parquet")
    result = parquet.read(tmp_path / "solent.parquet")
    assert result.rejects.counts == {}
    assert result.positions.equals(positions)  # row ids and source kept


def test_loose_columns_are_cast_and_row_ids_computed(tmp_path: Path) -> None:
    positions = solent.read(SOLENT).positions.slice(0, 100)
    loose = positions.select(["mmsi", "ts", "lat", "lon", "sog"])
    loose = loose.set_column(0, "mmsi", loose["mmsi"].cast(pa.int32()))
    loose = loose.set_column(1, "ts", loose["ts"].cast(pa.timestamp("ms")))  # naive: UTC
    pq.write_table(loose, tmp_path / "loose.parquet")
    result = parquet.read(tmp_path / "loose.parquet")
    assert result.positions.schema == POSITIONS
    assert result.positions["row_id"].equals(positions["row_id"])
    assert set(result.positions["source"].to_pylist()) == {"loose.parquet"}


def test_missing_columns_and_bad_rows(tmp_path: Path) -> None:
    pq.write_table(pa.table({"mmsi": [235070762], "lat": [50.0]}), tmp_path / "thin.parquet")
    with pytest.raises(ParseError, match="missing columns: ts, lon"):
        parquet.read(tmp_path / "thin.parquet")
    positions = solent.read(SOLENT).positions.slice(0, 3).to_pylist()
    positions[0]["lat"], positions[1]["mmsi"] = 95.0, 1234
    pq.write_table(pa.Table.from_pylist(positions, POSITIONS), tmp_path / "bad.parquet")
    result = parquet.read(tmp_path / "bad.parquet")
    assert result.rejects.counts == {"bad mmsi": 1, "lat out of range": 1}
    assert result.positions.num_rows == 1
