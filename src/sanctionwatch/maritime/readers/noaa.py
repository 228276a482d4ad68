"""NOAA / BOEM MarineCadastre AIS CSV (US waters, one file per day or zone).

Header: `MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,
Length,Width,Draft,Cargo,TransceiverClass`. Times are ISO 8601 ("2023-01-01T00:00:01") in UTC;
IMO is written "IMO1234567"; VesselType is the AIS ship type code; "not available" values are
NMEA's (SOG 102.3, COG 360, Heading 511).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from sanctionwatch.maritime import validate
from sanctionwatch.maritime.readers import static
from sanctionwatch.maritime.readers.base import ReadResult
from sanctionwatch.maritime.readers.tabular import iso_utc, number, read_csv, text

COLUMNS = ["MMSI", "BaseDateTime", "LAT", "LON", "SOG", "COG", "Heading", "VesselName", "IMO"]
COLUMNS += ["CallSign", "VesselType", "Length", "Width", "Draft"]


def _loose(raw: pa.Table, source: str) -> pa.Table:
    return pa.table(
        {
            "mmsi": number(raw["MMSI"]),
            "ts": iso_utc(raw["BaseDateTime"]),
            "lat": number(raw["LAT"]),
            "lon": number(raw["LON"]),
            "sog": number(raw["SOG"]),
            "cog": number(raw["COG"]),
            "heading": number(raw["Heading"]),
            "imo": number(raw["IMO"], strip_prefix="IMO"),
            "name": text(raw["VesselName"]),
            "callsign": text(raw["CallSign"]),
            "ship_type": number(raw["VesselType"]),
            "length": number(raw["Length"]),
            "width": number(raw["Width"]),
            "draught": number(raw["Draft"]),
            "source": pa.array([source] * raw.num_rows, pa.string()),
        }
    )


def read(path: Path) -> ReadResult:
    """Positions and identity changes of a MarineCadastre CSV, with rejects by reason."""
    loose = _loose(read_csv(path, COLUMNS), path.name)
    positions, rejects = validate.positions(loose, source=path.name)
    # identity parts of refused rows are already counted with the positions
    identities, _ = validate.identities(static.changes(loose), source=path.name)
    return ReadResult(positions, identities, rejects)
