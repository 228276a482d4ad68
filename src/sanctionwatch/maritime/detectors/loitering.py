"""Loitering: one vessel slow for hours, at sea, outside port.

GFW's loitering definition on the real fixes of a segment: consecutive fixes whose implied
speed (from the previous fix) is under 2 kn for at least 4 h, with a median distance from shore
of at least 20 nm (37.04 km). Inside the configured zones (the DPRK EEZ and the known STS
areas by default) the shore filter is lifted: there, loitering close to the coast is exactly
what we look for. A run whose median distance to the nearest port is under 3 km is dropped
everywhere: that is a port stay (at a berth or an inner anchorage), which the port-visit
detector reports, not loitering. A run is in a zone when any of its fixes is.

The event runs from the fix before the first slow one (where the slow leg starts) to the last
slow fix; its evidence is every fix of that span. Severity: medium, high inside a zone.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.geo.zones import DPRK_WEST_SEA, STS_AREAS

#: Zone ids (see `geo.zones`) where loitering near the shore counts.
ZONES_WITHOUT_SHORE_FILTER = (
    "eez:PRK",
    DPRK_WEST_SEA[0],
    *(zone_id for zone_id, _, _ in STS_AREAS),
)


@dataclass(frozen=True)
class LoiteringParams:
    max_speed_kn: float = 2.0
    min_hours: float = 4.0
    offshore_km: float = 37.04  # GFW: 20 nautical miles from shore
    min_port_km: float = 3.0  # closer to a port (median over the run): a port stay
    zones_without_shore_filter: tuple[str, ...] = ZONES_WITHOUT_SHORE_FILTER


@dataclass(frozen=True)
class LoiteringDetector:
    name: ClassVar[str] = "loitering"
    event_type: ClassVar[str] = "loitering"
    version: ClassVar[str] = "1"
    params: LoiteringParams = LoiteringParams()

    def sql(self, dialect: Dialect) -> str:
        p = self.params
        exempt = _in_list("zone", p.zones_without_shore_filter)
        return f"""
WITH steps AS (
  SELECT seg, mmsi, row_id, t, implied_speed_kn AS kn, shore_km, port_km, zone,
         LAG(row_id) OVER w AS prev_row, LAG(t) OVER w AS prev_t, LAG(lat) OVER w AS prev_lat,
         LAG(lon) OVER w AS prev_lon, ROW_NUMBER() OVER w AS n
  FROM fixes WINDOW w AS (PARTITION BY seg ORDER BY t, row_id)
), slow AS (
  SELECT *, n - ROW_NUMBER() OVER (PARTITION BY seg ORDER BY n) AS run
  FROM steps WHERE kn < {p.max_speed_kn}
), runs AS (
  SELECT *, FIRST_VALUE(prev_lat) OVER r AS lat0, FIRST_VALUE(prev_lon) OVER r AS lon0
  FROM slow WINDOW r AS (PARTITION BY seg, run ORDER BY n)
)
SELECT MIN(mmsi) AS mmsi, CAST(NULL AS BIGINT) AS mmsi2, MIN(prev_t) AS start_s,
       MAX(t) AS end_s, MIN(lat0) AS lat, MIN(lon0) AS lon,
       CASE WHEN MIN(zone) IS NOT NULL THEN 'high' ELSE 'medium' END AS severity,
       {dialect.flatten_collect(dialect.array("prev_row", "row_id"))} AS evidence,
       CAST(MAX(t) - MIN(prev_t) AS DOUBLE) / 3600 AS hours, median(kn) AS median_speed_kn,
       MIN(zone) AS zone, median(shore_km) AS shore_km
FROM runs GROUP BY seg, run
HAVING MAX(t) - MIN(prev_t) >= {p.min_hours * 3600} AND median(port_km) >= {p.min_port_km}
   AND (median(shore_km) >= {p.offshore_km} OR MAX(CASE WHEN {exempt} THEN 1 ELSE 0 END) = 1)
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        p = self.params
        return [_row(run) for run in _slow_runs(inputs, p) if _qualifies(run, p)]


def _in_list(column: str, values: tuple[str, ...]) -> str:
    """SQL: whether `column` is one of `values` (FALSE for none)."""
    if not values:
        return "FALSE"
    quoted = ", ".join("'" + v.replace("'", "''") + "'" for v in values)
    return f"{column} IN ({quoted})"


def _slow_runs(inputs: Inputs, p: LoiteringParams) -> list[list[tuple[Row, Row]]]:
    """Maximal runs of consecutive slow fixes of a segment, each as (previous fix, fix)."""
    fixes = sorted(inputs.fixes.to_pylist(), key=lambda f: (f["seg_id"], f["t"], f["row_id"]))
    runs: list[list[tuple[Row, Row]]] = []
    prev: Row | None = None
    for fix in fixes:
        kn = fix["implied_speed_kn"]
        slow = kn is not None and kn < p.max_speed_kn
        if slow and prev is not None and prev["seg_id"] == fix["seg_id"]:
            if not runs or runs[-1][-1][1] is not prev:
                runs.append([])
            runs[-1].append((prev, fix))
        prev = fix
    return runs


def _qualifies(run: list[tuple[Row, Row]], p: LoiteringParams) -> bool:
    fixes = [fix for _, fix in run]
    exempt = any(f["zone"] in p.zones_without_shore_filter for f in fixes)
    return (
        run[-1][1]["t"] - run[0][0]["t"] >= p.min_hours * 3600
        and statistics.median(f["port_km"] for f in fixes) >= p.min_port_km
        and (statistics.median(f["shore_km"] for f in fixes) >= p.offshore_km or exempt)
    )


def _row(run: list[tuple[Row, Row]]) -> Row:
    first, fixes = run[0][0], [fix for _, fix in run]
    zones = [f["zone"] for f in fixes if f["zone"] is not None]
    return {
        "mmsi": first["mmsi"],
        "mmsi2": None,
        "start_s": first["t"],
        "end_s": fixes[-1]["t"],
        "lat": first["lat"],
        "lon": first["lon"],
        "severity": "high" if zones else "medium",
        "evidence": sorted({first["row_id"], *(f["row_id"] for f in fixes)}),
        "hours": (fixes[-1]["t"] - first["t"]) / 3600,
        "median_speed_kn": statistics.median(f["implied_speed_kn"] for f in fixes),
        "zone": min(zones) if zones else None,
        "shore_km": statistics.median(f["shore_km"] for f in fixes),
    }
