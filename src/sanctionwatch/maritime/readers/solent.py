"""The Stone Soup Solent AIS CSV.

Header: `Time,MMSI,Latitude_degrees,Longitude_degrees,COG_degrees,SOG_knots`.
Times are ISO 8601 ("2016-01-12 13:02:11.218") in UTC. Positions only: the file has no static
fields and no heading.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from sanctionwatch.maritime import validate
from sanctionwatch.maritime.model import IDENTITIES
from sanctionwatch.maritime.readers.base import ReadResult
from sanctionwatch.maritime.readers.tabular import iso_utc, number, read_csv

COLUMNS = ["Time", "MMSI", "Latitude_degrees", "Longitude_degrees", "COG_degrees", "SOG_knots"]


def read(path: Path) -> ReadResult:
    """Positions of a Solent CSV, with rejects by reason."""
    raw = read_csv(path, COLUMNS)
    loose = pa.table(
        {
            "mmsi": number(raw["MMSI"]),
            "ts": iso_utc(raw["Time"]),
            "lat": number(raw["Latitude_degrees"]),
            "lon": number(raw["Longitude_degrees"]),
            "sog": number(raw["SOG_knots"]),
            "cog": number(raw["COG_degrees"]),
        }
    )
    positions, rejects = validate.positions(loose, source=path.name)
    return ReadResult(positions, IDENTITIES.empty_table(), rejects)
