"""AIS gap ("going dark"): a vessel silent for at least `min_hours`.

Every silence of at least 6 h between consecutive real fixes of one MMSI is an event; it is
"likely intentional" (GFW's AIS-disabling definition) when it lasts at least 12 h and both the
last fix before it and the first after it are at least 50 nm (92.6 km) from shore, where
reception is not the explanation. Severity: low, medium when likely intentional, high when
also inside a configured zone (the DPRK EEZ, a known STS area).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs


@dataclass(frozen=True)
class GapParams:
    min_hours: float = 6.0
    intentional_hours: float = 12.0
    offshore_km: float = 92.6  # GFW: 50 nautical miles


@dataclass(frozen=True)
class GapDetector:
    name: ClassVar[str] = "gap"
    event_type: ClassVar[str] = "gap"
    version: ClassVar[str] = "1"
    params: GapParams = GapParams()

    def sql(self, dialect: Dialect) -> str:
        p = self.params
        return f"""
WITH pairs AS (
  SELECT mmsi, row_id, t, lat, lon, shore_km, zone,
         LEAD(row_id) OVER w AS row2, LEAD(t) OVER w AS t2, LEAD(lat) OVER w AS lat2,
         LEAD(lon) OVER w AS lon2, LEAD(shore_km) OVER w AS shore2, LEAD(zone) OVER w AS zone2
  FROM fixes
  WINDOW w AS (PARTITION BY mmsi ORDER BY t, row_id)
), gaps AS (
  SELECT *, (t2 - t) >= {p.intentional_hours * 3600} AND shore_km >= {p.offshore_km}
            AND shore2 >= {p.offshore_km} AS intentional
  FROM pairs WHERE t2 IS NOT NULL AND (t2 - t) >= {p.min_hours * 3600}
)
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, t AS start_s, t2 AS end_s, lat, lon,
       CASE WHEN intentional AND (zone IS NOT NULL OR zone2 IS NOT NULL) THEN 'high'
            WHEN intentional THEN 'medium' ELSE 'low' END AS severity,
       {dialect.array("row_id", "row2")} AS evidence,
       CAST(t2 - t AS DOUBLE) / 3600 AS hours, intentional, lat2 AS end_lat, lon2 AS end_lon,
       COALESCE(zone, zone2) AS zone
FROM gaps
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        p = self.params
        rows = sorted(inputs.fixes.to_pylist(), key=lambda r: (r["mmsi"], r["t"], r["row_id"]))
        out = []
        for a, b in itertools.pairwise(rows):
            if a["mmsi"] != b["mmsi"] or b["t"] - a["t"] < p.min_hours * 3600:
                continue
            intentional = (
                b["t"] - a["t"] >= p.intentional_hours * 3600
                and a["shore_km"] >= p.offshore_km
                and b["shore_km"] >= p.offshore_km
            )
            zone = a["zone"] if a["zone"] is not None else b["zone"]
            severity = "high" if intentional and zone else "medium" if intentional else "low"
            out.append(
                {
                    "mmsi": a["mmsi"],
                    "mmsi2": None,
                    "start_s": a["t"],
                    "end_s": b["t"],
                    "lat": a["lat"],
                    "lon": a["lon"],
                    "severity": severity,
                    "evidence": [a["row_id"], b["row_id"]],
                    "hours": (b["t"] - a["t"]) / 3600,
                    "intentional": intentional,
                    "end_lat": b["lat"],
                    "end_lon": b["lon"],
                    "zone": zone,
                }
            )
        return out
