"""The Solent reader on the real Stone Soup file (18,623 rows, 91 MMSIs, 2016-01-12)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pyarrow.compute as pc
import pytest

from sanctionwatch.maritime.model import POSITIONS
from sanctionwatch.maritime.readers import solent

SOLENT = Path(__file__).parent.parent / "data" / "ais" / "solent.csv"


def test_solent_counts() -> None:
    result = solent.read(SOLENT)
    assert result.positions.schema == POSITIONS
    # 18,623 rows: 3 are exact repeats of the row before (235069877 at 13:04:02.380,
    # 235099969 at 13:15:25.123 and 13:57:42.247); nothing else is refused
    assert result.positions.num_rows == 18_620
    assert result.rejects.counts == {"duplicate": 3}
    assert result.positions.num_rows + result.rejects.total == 18_623
    assert len(pc.unique(result.positions["mmsi"])) == 91
    assert result.identities.num_rows == 0


def test_solent_first_row_and_time_range() -> None:
    positions = solent.read(SOLENT).positions
    first = positions.slice(0, 1).to_pylist()[0]
    # Time,MMSI,Latitude_degrees,Longitude_degrees,COG_degrees,SOG_knots
    # 2016-01-12 13:02:11.218,235070762,50.7730133333333,-1.092935,157.8,5.9
    assert first["mmsi"] == 235070762
    assert first["ts"] == datetime(2016, 1, 12, 13, 2, 11, 218_000, tzinfo=UTC)
    assert (first["lat"], first["lon"]) == (50.7730133333333, -1.092935)
    assert first["cog"] == pytest.approx(157.8)
    assert first["sog"] == pytest.approx(5.9)
    assert first["heading"] is None
    assert first["source"] == "solent.csv"
    low, high = pc.min_max(positions["ts"]).values()
    assert low.as_py() == datetime(2016, 1, 12, 13, 2, 11, 218_000, tzinfo=UTC)
    assert high.as_py() == datetime(2016, 1, 12, 14, 26, 41, 924_000, tzinfo=UTC)
    assert len(set(positions["row_id"].to_pylist())) == positions.num_rows
