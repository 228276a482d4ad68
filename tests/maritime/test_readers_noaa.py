"""The NOAA MarineCadastre reader.

noaa_sample.csv is hand-made in the real MarineCadastre format (header and value conventions of
the 2023 daily files: "IMO1234567", Heading 511, SOG 102.3); no real extract is in shared data.
It crosses midnight and lists one row out of time order.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sanctionwatch.maritime.readers import noaa

NOAA = Path(__file__).parent.parent / "data" / "ais" / "noaa_sample.csv"


def test_noaa_rows_and_rejects() -> None:
    result = noaa.read(NOAA)
    assert result.positions.num_rows == 7
    assert result.rejects.counts == {
        "bad mmsi": 1,
        "bad time": 1,
        "duplicate": 1,
        "lat out of range": 1,
        "lon out of range": 1,
        "position not available": 1,
    }
    assert result.positions.num_rows + result.rejects.total == 13
    na = next(r for r in result.positions.to_pylist() if r["mmsi"] == 338123456)
    assert (na["lat"], na["lon"]) == (33.1, -118.2)
    assert (na["sog"], na["cog"], na["heading"]) == (None, None, None)


def test_noaa_identities() -> None:
    rows = noaa.read(NOAA).identities.to_pylist()
    assert [(r["mmsi"], r["draught"]) for r in rows] == [
        (368084090, 3.5),
        (368084090, 3.799999952316284),  # float32 of 3.8: the draught changed after midnight
        (538006843, 14.5),
    ]
    assert rows[0]["imo"] == 9145677
    assert rows[0]["ts"] == datetime(2023, 1, 1, 23, 58, 2, tzinfo=UTC)
    assert (rows[2]["name"], rows[2]["callsign"], rows[2]["ship_type"]) == (
        "FRONT CRUISER",
        "V7JK9",
        80,
    )
