"""Chained pattern: a gap, then an encounter, then a DPRK port call by the same vessel within a
window (or the reverse: DPRK port, encounter, gap), reported as one high-severity event that
cites the events it chains.

It runs on the events the other detectors found (the `events` view: one row per event and
vessel, see `events_table`), after them, on the same engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import pyarrow as pa

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.model import Event

EVENTS = pa.schema(
    [
        pa.field("event_id", pa.string(), nullable=False),
        pa.field("type", pa.string(), nullable=False),
        pa.field("mmsi", pa.int64(), nullable=False),
        pa.field("other", pa.int64()),  # the other vessel of an encounter
        pa.field("start_s", pa.int64(), nullable=False),
        pa.field("end_s", pa.int64(), nullable=False),
        pa.field("lat", pa.float64(), nullable=False),
        pa.field("lon", pa.float64(), nullable=False),
        pa.field("port_country", pa.string()),
        pa.field("evidence", pa.list_(pa.int64()), nullable=False),
    ]
)


@dataclass(frozen=True)
class EventInputs:
    events: pa.Table

    def views(self) -> dict[str, pa.Table]:
        return {"events": self.events}


def events_table(events: Sequence[Event]) -> EventInputs:
    rows = []
    for e in events:
        for m in e.mmsi:
            others = [o for o in e.mmsi if o != m]
            rows.append(
                {
                    "event_id": e.id,
                    "type": e.type,
                    "mmsi": m,
                    "other": others[0] if others else None,
                    "start_s": int(e.start.timestamp()),
                    "end_s": int(e.end.timestamp()),
                    "lat": e.lat,
                    "lon": e.lon,
                    "port_country": e.details.get("port_country"),
                    "evidence": list(e.evidence),
                }
            )
    return EventInputs(pa.Table.from_pylist(rows, schema=EVENTS))


@dataclass(frozen=True)
class ChainParams:
    window_hours: float = 168.0  # from the end of the first event to the start of the last
    port_country: str = "KP"


@dataclass(frozen=True)
class ChainDetector:
    name: ClassVar[str] = "chain"
    event_type: ClassVar[str] = "chain"
    version: ClassVar[str] = "1"
    params: ChainParams = ChainParams()

    def sql(self, dialect: Dialect) -> str:
        return f"""
WITH legs AS (
{self._legs("gap", "port", "forward")}
UNION ALL
{self._legs("port", "gap", "reverse")}
), best AS (
  SELECT *, ROW_NUMBER() OVER (
    PARTITION BY mmsi, enc_id, direction
    ORDER BY ABS(enc_start - first_end), ABS(last_start - enc_end), first_id, last_id) AS rn
  FROM legs
)
SELECT mmsi, mmsi2, start_s, end_s, lat, lon, 'high' AS severity,
       {dialect.concat("first_ev", "enc_ev", "last_ev")} AS evidence,
       direction, first_id, enc_id, last_id
FROM best WHERE rn = 1
"""

    def _legs(self, first: str, last: str, direction: str) -> str:
        window = int(self.params.window_hours * 3600)
        kinds = {
            "gap": "x.type = 'gap'",
            "port": f"x.type = 'port_visit' AND x.port_country = '{self.params.port_country}'",
        }
        return f"""  SELECT e.mmsi, e.other AS mmsi2, a.start_s, b.end_s, e.lat, e.lon,
         '{direction}' AS direction, a.event_id AS first_id, e.event_id AS enc_id,
         b.event_id AS last_id, a.end_s AS first_end, e.start_s AS enc_start,
         e.end_s AS enc_end, b.start_s AS last_start,
         a.evidence AS first_ev, e.evidence AS enc_ev, b.evidence AS last_ev
  FROM events e
  JOIN events a ON a.mmsi = e.mmsi AND {kinds[first].replace("x.", "a.")}
       AND a.start_s <= e.start_s AND a.end_s <= e.end_s
  JOIN events b ON b.mmsi = e.mmsi AND {kinds[last].replace("x.", "b.")}
       AND b.start_s >= e.start_s AND b.end_s >= e.end_s
  WHERE e.type = 'encounter' AND b.start_s - a.end_s <= {window}"""

    def oracle(self, inputs: EventInputs) -> list[Row]:
        rows = inputs.events.to_pylist()
        out = []
        for direction, first, last in (("forward", "gap", "port"), ("reverse", "port", "gap")):
            for e in (r for r in rows if r["type"] == "encounter"):
                legs = [
                    (a, b)
                    for a in rows
                    if self._is(a, first)
                    and a["mmsi"] == e["mmsi"]
                    and a["start_s"] <= e["start_s"]
                    and a["end_s"] <= e["end_s"]
                    for b in rows
                    if self._is(b, last)
                    and b["mmsi"] == e["mmsi"]
                    and b["start_s"] >= e["start_s"]
                    and b["end_s"] >= e["end_s"]
                    and b["start_s"] - a["end_s"] <= int(self.params.window_hours * 3600)
                ]
                if legs:
                    a, b = min(
                        legs,
                        key=lambda ab: (
                            abs(e["start_s"] - ab[0]["end_s"]),
                            abs(ab[1]["start_s"] - e["end_s"]),
                            ab[0]["event_id"],
                            ab[1]["event_id"],
                        ),
                    )
                    out.append(self._row(direction, a, e, b))
        return out

    def _is(self, row: Row, kind: str) -> bool:
        if kind == "gap":
            return bool(row["type"] == "gap")
        return bool(row["type"] == "port_visit" and row["port_country"] == self.params.port_country)

    @staticmethod
    def _row(direction: str, a: Row, e: Row, b: Row) -> Row:
        return {
            "mmsi": e["mmsi"],
            "mmsi2": e["other"],
            "start_s": a["start_s"],
            "end_s": b["end_s"],
            "lat": e["lat"],
            "lon": e["lon"],
            "severity": "high",
            "evidence": a["evidence"] + e["evidence"] + b["evidence"],
            "direction": direction,
            "first_id": a["event_id"],
            "enc_id": e["event_id"],
            "last_id": b["event_id"],
        }
