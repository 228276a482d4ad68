"""Danish Maritime Authority `aisdk` CSV (one file per day, all of Danish waters).

Header: `# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,
Heading,IMO,Callsign,Name,Ship type,Cargo type,Width,Length,Type of position fixing device,
Draught,Destination,ETA,Data source type` (some extracts add a leading unnamed index column).
Times are "dd/mm/yyyy HH:MM:SS" in UTC. Rows from base stations and aids to navigation are
counted as "other message type". Missing values are empty or "Unknown".
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.maritime import validate
from sanctionwatch.maritime.readers import static
from sanctionwatch.maritime.readers.base import ReadResult
from sanctionwatch.maritime.readers.tabular import number, read_csv, strptime_utc, text

TIME = "# Timestamp"
COLUMNS = [TIME, "Type of mobile", "MMSI", "Latitude", "Longitude", "SOG", "COG", "Heading"]
COLUMNS += ["IMO", "Callsign", "Name", "Ship type", "Width", "Length", "Draught", "Destination"]
NOT_VESSELS = ["Base Station", "AtoN"]

#: DMA names the ship type category; we store the first AIS code of that category.
SHIP_TYPES = {
    "WIG": 20,
    "Fishing": 30,
    "Towing": 31,
    "Towing long/wide": 32,
    "Dredging": 33,
    "Diving": 34,
    "Military": 35,
    "Sailing": 36,
    "Pleasure": 37,
    "HSC": 40,
    "Pilot": 50,
    "SAR": 51,
    "Tug": 52,
    "Port tender": 53,
    "Anti-pollution": 54,
    "Law enforcement": 55,
    "Medical": 58,
    "Not party to conflict": 59,
    "Passenger": 60,
    "Cargo": 70,
    "Tanker": 80,
    "Other": 90,
}


def ship_type_codes(column: pa.ChunkedArray) -> pa.Array:
    """AIS ship type codes of DMA's category names; "Undefined" and unknown names are null."""
    names = pa.array(list(SHIP_TYPES), pa.string())
    codes = pa.array(list(SHIP_TYPES.values()), pa.int32())
    return codes.take(pc.index_in(text(column), value_set=names))


def _loose(raw: pa.Table, source: str) -> pa.Table:
    return pa.table(
        {
            "mmsi": number(raw["MMSI"]),
            "ts": strptime_utc(raw[TIME], "%d/%m/%Y %H:%M:%S"),
            "lat": number(raw["Latitude"]),
            "lon": number(raw["Longitude"]),
            "sog": number(raw["SOG"]),
            "cog": number(raw["COG"]),
            "heading": number(raw["Heading"]),
            "imo": number(raw["IMO"]),
            "name": text(raw["Name"]),
            "callsign": text(raw["Callsign"]),
            "ship_type": ship_type_codes(raw["Ship type"]),
            "length": number(raw["Length"]),
            "width": number(raw["Width"]),
            "draught": number(raw["Draught"]),
            "destination": text(raw["Destination"]),
            "source": pa.array([source] * raw.num_rows, pa.string()),
        }
    )


def read(path: Path) -> ReadResult:
    """Positions and identity changes of an aisdk CSV, with rejects by reason."""
    raw = read_csv(path, COLUMNS)
    vessel = pc.invert(
        pc.fill_null(pc.is_in(text(raw["Type of mobile"]), pa.array(NOT_VESSELS)), False)
    )
    others = raw.num_rows - pc.sum(vessel).as_py() if raw.num_rows else 0
    loose = _loose(raw.filter(vessel), path.name)
    positions, rejects = validate.positions(loose, source=path.name)
    # identity parts of refused rows are already counted with the positions
    identities, _ = validate.identities(static.changes(loose), source=path.name)
    return ReadResult(
        positions, identities, validate.merge_rejects(rejects, {"other message type": others})
    )
