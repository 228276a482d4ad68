"""Port visit (GFW's port-visit logic): a call at a port, with or without a stop.

Per track (MMSI and segment, so that two hulls sharing an MMSI do not make a visit at every
interleaved fix) in time order, a visit starts at the first fix within `entry_km` of a port
and ends at the first later fix no longer within `exit_km` of that same port (hysteresis: a
ship anchored 3.5 km out stays in port), or at the track's last fix when the data ends first.
The visit "stopped" when a fix inside it is slower than `stop_kn` (reported speed, or implied
speed where none is reported). Severity: high at a port of `flagged_country` (DPRK), else
info. Details: the port, `stopped`, `hours` and the zone of the entry fix.

The port is the fixes' nearest port (`fixes.port_id`), so "within `exit_km` of the port" reads
as "nearest to that port and within `exit_km`": the two differ only between ports less than
2 x `exit_km` apart, where a fix nearer the other port ends the visit. A silence of more than
a day (a new segment) ends it too.

In SQL this is gaps and islands: a run is a maximal sequence of consecutive fixes within
`exit_km` of one port; its visit runs from its first fix within `entry_km` to its end.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs


@dataclass(frozen=True)
class PortVisitParams:
    entry_km: float = 3.0  # GFW port entry radius
    exit_km: float = 4.0  # GFW port exit radius
    stop_kn: float = 0.2  # GFW: slower than this is a stop
    flagged_country: str = "KP"  # visits to this country's ports are high severity


@dataclass(frozen=True)
class PortVisitDetector:
    name: ClassVar[str] = "port_visit"
    event_type: ClassVar[str] = "port_visit"
    version: ClassVar[str] = "1"
    params: PortVisitParams = PortVisitParams()

    def sql(self, dialect: Dialect) -> str:
        p = self.params
        return f"""
WITH ordered AS (
  SELECT mmsi, seg, row_id, t, lat, lon, port_id, port_name, port_country, port_km, zone,
         COALESCE(CAST(sog AS DOUBLE), implied_speed_kn) < {p.stop_kn} AS slow,
         ROW_NUMBER() OVER w AS n, LAG(port_id) OVER w AS prev_port,
         LAG(port_km) OVER w AS prev_km, LEAD(row_id) OVER w AS next_row,
         LEAD(t) OVER w AS next_t
  FROM fixes
  WINDOW w AS (PARTITION BY mmsi, seg ORDER BY t, row_id)
), runs AS (
  SELECT *, SUM(CASE WHEN prev_km <= {p.exit_km} AND prev_port = port_id THEN 0 ELSE 1 END)
              OVER (PARTITION BY mmsi, seg ORDER BY n
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run
  FROM ordered WHERE port_km <= {p.exit_km}
), inside AS (
  SELECT *, MIN(CASE WHEN port_km <= {p.entry_km} THEN n END)
              OVER (PARTITION BY mmsi, seg, run) AS entry_n,
            MAX(n) OVER (PARTITION BY mmsi, seg, run) AS last_n
  FROM runs
), visits AS (
  SELECT mmsi, MAX(port_id) AS port_id, MAX(port_name) AS port_name,
         MAX(port_country) AS port_country,
         MAX(CASE WHEN n = entry_n THEN t END) AS start_s,
         MAX(CASE WHEN n = last_n THEN COALESCE(next_t, t) END) AS end_s,
         MAX(CASE WHEN n = entry_n THEN lat END) AS lat,
         MAX(CASE WHEN n = entry_n THEN lon END) AS lon,
         MAX(CASE WHEN n = entry_n THEN zone END) AS zone,
         MAX(CASE WHEN n = entry_n THEN row_id END) AS entry_row,
         MAX(CASE WHEN n = last_n THEN COALESCE(next_row, row_id) END) AS end_row,
         MAX(CASE WHEN slow THEN 1 ELSE 0 END) = 1 AS stopped
  FROM inside WHERE n >= entry_n
  GROUP BY mmsi, seg, run
)
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, start_s, end_s, lat, lon,
       CASE WHEN port_country = '{p.flagged_country}' THEN 'high' ELSE 'info' END AS severity,
       {dialect.array("entry_row", "end_row")} AS evidence,
       port_id, port_name, port_country, stopped,
       CAST(end_s - start_s AS DOUBLE) / 3600 AS hours, zone
FROM visits
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        rows = sorted(inputs.fixes.to_pylist(), key=lambda r: (_track(r), r["t"], r["row_id"]))
        out: list[Row] = []
        for _, fixes in itertools.groupby(rows, key=_track):
            out += self._visits(list(fixes))
        return out

    def _visits(self, fixes: list[Row]) -> list[Row]:
        """One track's visits: the state machine the SQL's islands express."""
        out, inside = [], list[Row]()
        for fix in fixes:
            if inside and self._within(fix, inside[0]["port_id"]):
                inside.append(fix)
                continue
            if inside:
                out.append(self._row(inside, fix))
            inside = [fix] if fix["port_km"] <= self.params.entry_km else []
        if inside:
            out.append(self._row(inside, inside[-1]))
        return out

    def _within(self, fix: Row, port_id: str) -> bool:
        return bool(fix["port_id"] == port_id and fix["port_km"] <= self.params.exit_km)

    def _row(self, inside: list[Row], end: Row) -> Row:
        first, p = inside[0], self.params
        return {
            "mmsi": first["mmsi"],
            "mmsi2": None,
            "start_s": first["t"],
            "end_s": end["t"],
            "lat": first["lat"],
            "lon": first["lon"],
            "severity": "high" if first["port_country"] == p.flagged_country else "info",
            "evidence": [first["row_id"], end["row_id"]],
            "port_id": first["port_id"],
            "port_name": first["port_name"],
            "port_country": first["port_country"],
            "stopped": any(self._slow(f) for f in inside),
            "hours": (end["t"] - first["t"]) / 3600,
            "zone": first["zone"],
        }

    def _slow(self, fix: Row) -> bool:
        speed = fix["sog"] if fix["sog"] is not None else fix["implied_speed_kn"]
        return speed is not None and speed < self.params.stop_kn


def _track(fix: Row) -> tuple[int, str]:
    return fix["mmsi"], fix["seg_id"]
