"""Domain types of the maritime context and the Arrow schemas of its stores.

The pipeline: readers turn AIS files into `POSITIONS` and `IDENTITIES` rows, the store keeps them
as Parquet partitioned by day, tracks segment each MMSI's positions, detectors turn tracks into
`Event`s. Every row carries a content-derived `row_id` (signed 64-bit), so re-ingesting the same
report is idempotent and every event can cite the rows it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

UTC_US = pa.timestamp("us", tz="UTC")

#: One AIS position report (message 1/2/3/18/19/27 or a CSV/NDJSON row).
POSITIONS = pa.schema(
    [
        pa.field("row_id", pa.int64(), nullable=False),
        pa.field("mmsi", pa.int64(), nullable=False),
        pa.field("ts", UTC_US, nullable=False),
        pa.field("lat", pa.float64(), nullable=False),
        pa.field("lon", pa.float64(), nullable=False),
        pa.field("sog", pa.float32()),  # knots, null when not available (102.3 in NMEA)
        pa.field("cog", pa.float32()),  # degrees, null when not available (360)
        pa.field("heading", pa.float32()),  # degrees, null when not available (511)
        pa.field("source", pa.string(), nullable=False),  # file name, or "synthetic:<scenario>"
    ]
)

#: One identity report (message 5/24 or the static columns of a CSV row).
IDENTITIES = pa.schema(
    [
        pa.field("row_id", pa.int64(), nullable=False),
        pa.field("mmsi", pa.int64(), nullable=False),
        pa.field("ts", UTC_US, nullable=False),
        pa.field("imo", pa.int64()),
        pa.field("name", pa.string()),
        pa.field("callsign", pa.string()),
        pa.field("ship_type", pa.int32()),
        pa.field("length", pa.float32()),
        pa.field("width", pa.float32()),
        pa.field("draught", pa.float32()),
        pa.field("destination", pa.string()),
        pa.field("flag", pa.string()),  # ISO 3166 alpha-2 when the source reports one
        pa.field("source", pa.string(), nullable=False),
    ]
)


@dataclass(frozen=True)
class Rejects:
    """Counts of input rows refused, by reason ("lat out of range", "bad mmsi", ...)."""

    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Event:
    """One detected event: what happened, who, when, where, and the rows it rests on."""

    id: str  # content-derived: type, vessels, start, detector, params
    type: str  # encounter, loitering, gap, port_visit, identity, designated, chain
    mmsi: tuple[int, ...]
    start: datetime  # UTC
    end: datetime  # UTC
    lat: float
    lon: float
    severity: str  # info, low, medium, high
    detector: str
    params: dict[str, Any]
    version: str  # code version of the detector
    evidence: tuple[int, ...]  # row_ids of positions / identities
    details: dict[str, Any] = field(default_factory=dict)
    synthetic: bool = False
