"""Encounters (possible ship-to-ship transfers): two vessels side by side, slow, away from port.

GFW's encounter definition, on the resampled grid: two different MMSIs less than 500 m apart
(haversine) at consecutive grid times for at least 2 h, with a median speed of both vessels
under 2 kn and a median distance to the nearest port of at least 10 km; qualifying runs of the
same pair less than 4 h apart are merged into one event.

A vessel's speed at a grid point is its displacement since the segment's previous grid point;
its port distance and zone are those of the real fix the point was interpolated from
(`row_id_before`). Severity is medium, high inside a zone (the DPRK EEZ, a known STS area) or
when either vessel is DPRK-flagged (MID 445).

The pairing is an equi-join, not all pairs: each grid point gets a cell of a 3-D grid of side
`cell_km` over the points' Earth-centred coordinates. Two points within `r` km are within `r`
on each axis, so with cells at least 2r wide the other point lies in the point's own cell or
the neighbouring cell on the side of the nearer face: 2 x 2 x 2 probes per point, joined on
equal time and cell. Earth-centred cells have no antimeridian seam and no shrinking at the
poles.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.geo.distance import EARTH_RADIUS_KM

KM_PER_NM = 1.852
#: What each vessel of a pair brings to the pair's rows ("legs", one per vessel).
LEG_COLUMNS = ("lat", "lon", "rb", "ra", "kn", "port_km", "zone")


@dataclass(frozen=True)
class EncounterParams:
    max_distance_m: float = 500.0
    min_hours: float = 2.0
    max_speed_kn: float = 2.0  # median speed of both vessels over a run
    min_port_km: float = 10.0  # median distance of both vessels to the nearest port over a run
    merge_hours: float = 4.0  # qualifying runs of a pair closer than this are one event
    grid_every_s: int = 600  # the grid step `inputs.prepare` resampled with


@dataclass(frozen=True)
class EncounterDetector:
    name: ClassVar[str] = "encounter"
    event_type: ClassVar[str] = "encounter"
    version: ClassVar[str] = "1"
    params: EncounterParams = EncounterParams()

    def sql(self, dialect: Dialect) -> str:
        p = self.params
        return f"WITH {_points_sql(p)},\n{_legs_sql(p)},\n{_events_sql(p, dialect)}"

    def oracle(self, inputs: Inputs) -> list[Row]:
        p = self.params
        by_pair: dict[tuple[int, int], list[Row]] = defaultdict(list)
        for leg in _legs(_points(inputs), p.max_distance_m):
            by_pair[leg["mmsi"], leg["mmsi2"]].append(leg)
        out = []
        for legs in by_pair.values():
            runs = [r for r in _runs(legs, p.grid_every_s) if _qualifies(r, p)]
            out += [_event_row(e) for e in _merge(runs, p.merge_hours * 3600)]
        return out


# --- SQL -----------------------------------------------------------------------------------


def _double(x: float) -> str:
    """A DOUBLE literal (Spark reads 1.852 as a DECIMAL)."""
    return f"CAST({x!r} AS DOUBLE)"


def haversine_km_sql(lat1: str, lon1: str, lat2: str, lon2: str) -> str:
    """Great-circle km, the formula of `geo.distance.haversine_km` in SQL."""
    p1, p2 = f"RADIANS({lat1})", f"RADIANS({lat2})"
    a = (
        f"POWER(SIN(({p2} - {p1}) / 2), 2) + COS({p1}) * COS({p2}) "
        f"* POWER(SIN(RADIANS({lon2} - {lon1}) / 2), 2)"
    )
    return f"(2 * {_double(EARTH_RADIUS_KM)} * ASIN(SQRT(LEAST({a}, 1))))"


def _cell_km(p: EncounterParams) -> float:
    return 2.5 * p.max_distance_m / 1000  # any width of at least twice the distance will do


def _points_sql(p: EncounterParams) -> str:
    scale = _double(EARTH_RADIUS_KM / _cell_km(p))
    axes = {
        "x": "COS(RADIANS(s.lat)) * COS(RADIANS(s.lon))",
        "y": "COS(RADIANS(s.lat)) * SIN(RADIANS(s.lon))",
        "z": "SIN(RADIANS(s.lat))",
    }
    units = ", ".join(f"{e} * {scale} AS u{k}" for k, e in axes.items())
    cells = ", ".join(
        f"FLOOR(u{k}) AS c{k}, CASE WHEN u{k} - FLOOR(u{k}) < 0.5 THEN -1 ELSE 1 END AS s{k}"
        for k in axes
    )
    speed = haversine_km_sql("s.plat", "s.plon", "s.lat", "s.lon")
    return f"""steps AS (
  SELECT mmsi, t, lat, lon, row_id_before AS rb, row_id_after AS ra,
         LAG(t) OVER w AS pt, LAG(lat) OVER w AS plat, LAG(lon) OVER w AS plon
  FROM grid WINDOW w AS (PARTITION BY seg_id ORDER BY t)
), points AS (
  SELECT s.mmsi, s.t, s.lat, s.lon, s.rb, s.ra, f.port_km, f.zone,
         {speed} / {_double(KM_PER_NM)} * 3600 / CAST(s.t - s.pt AS DOUBLE) AS kn, {units}
  FROM steps s JOIN fixes f ON f.row_id = s.rb
), cells AS (
  SELECT *, {cells} FROM points
), bits AS (
  SELECT 0 AS b UNION ALL SELECT 1
), probes AS (
  SELECT c.*, c.cx + x.b * c.sx AS kx, c.cy + y.b * c.sy AS ky, c.cz + z.b * c.sz AS kz
  FROM cells c CROSS JOIN bits x CROSS JOIN bits y CROSS JOIN bits z
)"""


def _legs_sql(p: EncounterParams) -> str:
    sides = ", ".join(f"a.{c} AS {c}1, b.{c} AS {c}2" for c in LEG_COLUMNS)
    legs = ", ".join(
        f"CASE WHEN s.side = 1 THEN n.{c}1 ELSE n.{c}2 END AS {c}" for c in LEG_COLUMNS
    )
    distance = haversine_km_sql("a.lat", "a.lon", "b.lat", "b.lon")
    return f"""near AS (
  SELECT a.mmsi, b.mmsi AS mmsi2, a.t, {distance} * 1000 AS dist_m, {sides}
  FROM probes a JOIN cells b
    ON a.t = b.t AND a.kx = b.cx AND a.ky = b.cy AND a.kz = b.cz AND a.mmsi < b.mmsi
), legs AS (
  SELECT n.mmsi, n.mmsi2, n.t, n.dist_m, s.side, {legs}
  FROM near n CROSS JOIN (SELECT 1 AS side UNION ALL SELECT 2) s
  WHERE n.dist_m < {p.max_distance_m}
), runs AS (
  SELECT *, t - {p.grid_every_s} * CAST(DENSE_RANK() OVER (
      PARTITION BY mmsi, mmsi2 ORDER BY t) AS BIGINT) AS run
  FROM legs
)"""


def _events_sql(p: EncounterParams, dialect: Dialect) -> str:
    """Runs scored and merged with window functions: one pass, no join back to the runs."""
    evidence = dialect.flatten_collect(dialect.array("rb", "ra"))
    dprk = " OR ".join(f"({m} >= 445000000 AND {m} < 446000000)" for m in ("mmsi", "mmsi2"))
    return f"""scored AS (
  SELECT *, MIN(t) OVER r AS run_start, MAX(t) OVER r AS run_end,
         median(kn) OVER r AS run_kn, median(port_km) OVER r AS run_port_km
  FROM runs WINDOW r AS (PARTITION BY mmsi, mmsi2, run)
), kept AS (
  SELECT *, LAG(run_end) OVER o AS prev_end
  FROM scored
  WHERE run_end - run_start >= {p.min_hours * 3600} AND run_kn < {p.max_speed_kn}
    AND run_port_km >= {p.min_port_km}
  WINDOW o AS (PARTITION BY mmsi, mmsi2 ORDER BY t, side, rb, ra)
), members AS (
  SELECT *, SUM(CASE WHEN run_start - prev_end < {p.merge_hours * 3600} THEN 0 ELSE 1 END)
      OVER (PARTITION BY mmsi, mmsi2 ORDER BY t, side, rb, ra
            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ev
  FROM kept
), anchored AS (
  SELECT *, FIRST_VALUE(lat) OVER e AS lat0, FIRST_VALUE(lon) OVER e AS lon0
  FROM members WINDOW e AS (PARTITION BY mmsi, mmsi2, ev ORDER BY t, side, rb, ra)
)
SELECT mmsi, mmsi2, MIN(t) AS start_s, MAX(t) AS end_s, MIN(lat0) AS lat, MIN(lon0) AS lon,
       CASE WHEN MIN(zone) IS NOT NULL OR {dprk} THEN 'high' ELSE 'medium' END AS severity,
       {evidence} AS evidence, CAST(MAX(t) - MIN(t) AS DOUBLE) / 3600 AS hours,
       median(dist_m) AS median_distance_m, median(kn) AS median_speed_kn, MIN(zone) AS zone
FROM anchored GROUP BY mmsi, mmsi2, ev
"""


# --- oracle --------------------------------------------------------------------------------


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """`geo.distance.haversine_km` for one pair of points, as the SQL spells it."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2
    a += math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(a, 1.0)))


def _points(inputs: Inputs) -> list[Row]:
    """Grid points with speed since the segment's previous point, port distance and zone."""
    fixes = {f["row_id"]: f for f in inputs.fixes.select(["row_id", "port_km", "zone"]).to_pylist()}
    out: list[Row] = []
    prev: Row | None = None
    for g in sorted(inputs.grid.to_pylist(), key=lambda g: (g["seg_id"], g["t"])):
        kn = None
        if prev is not None and prev["seg_id"] == g["seg_id"]:
            km = haversine_km(prev["lat"], prev["lon"], g["lat"], g["lon"])
            kn = km / KM_PER_NM * 3600 / (g["t"] - prev["t"])
        fix = fixes[g["row_id_before"]]
        context = {"kn": kn, "port_km": fix["port_km"], "zone": fix["zone"]}
        out.append(g | {"rb": g["row_id_before"], "ra": g["row_id_after"]} | context)
        prev = g
    return out


def _legs(points: list[Row], max_distance_m: float) -> Iterator[Row]:
    """Two legs (one per vessel) for each pair of points of different MMSIs at one time and
    closer than `max_distance_m`: a sweep over latitude, independent of the SQL's cells."""
    by_t: dict[int, list[Row]] = defaultdict(list)
    for point in points:
        by_t[point["t"]].append(point)
    max_dlat = math.degrees(max_distance_m / 1000 / EARTH_RADIUS_KM) * 1.001
    for group in by_t.values():
        group.sort(key=lambda q: q["lat"])
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if b["lat"] - a["lat"] > max_dlat:
                    break
                if a["mmsi"] != b["mmsi"]:
                    yield from _pair_legs(a, b, max_distance_m)


def _pair_legs(p: Row, q: Row, max_distance_m: float) -> Iterator[Row]:
    a, b = (p, q) if p["mmsi"] < q["mmsi"] else (q, p)
    dist_m = haversine_km(a["lat"], a["lon"], b["lat"], b["lon"]) * 1000
    if dist_m < max_distance_m:
        pair = {"mmsi": a["mmsi"], "mmsi2": b["mmsi"], "t": a["t"], "dist_m": dist_m}
        for side, point in ((1, a), (2, b)):
            yield {c: point[c] for c in LEG_COLUMNS} | pair | {"side": side}


def _runs(legs: list[Row], step_s: int) -> list[list[Row]]:
    """A pair's legs split where consecutive grid times are more than one step apart."""
    rank = {t: i for i, t in enumerate(sorted({leg["t"] for leg in legs}), start=1)}
    runs: dict[int, list[Row]] = defaultdict(list)
    for leg in legs:
        runs[leg["t"] - step_s * rank[leg["t"]]].append(leg)
    return list(runs.values())


def _median(values: list[Any]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def _qualifies(run: list[Row], p: EncounterParams) -> bool:
    times = [leg["t"] for leg in run]
    speed = _median([leg["kn"] for leg in run])
    return (
        max(times) - min(times) >= p.min_hours * 3600
        and speed is not None
        and speed < p.max_speed_kn
        and statistics.median(leg["port_km"] for leg in run) >= p.min_port_km
    )


def _merge(runs: list[list[Row]], merge_s: float) -> list[list[Row]]:
    """Runs (legs of one pair) merged into events where less than `merge_s` apart."""
    events: list[list[Row]] = []
    end = None
    for run in sorted(runs, key=lambda r: min(leg["t"] for leg in r)):
        start = min(leg["t"] for leg in run)
        if end is None or start - end >= merge_s:
            events.append([])
        events[-1] += run
        end = max(leg["t"] for leg in run)
    return events


def _event_row(legs: list[Row]) -> Row:
    first = min(legs, key=lambda leg: (leg["t"], leg["side"], leg["rb"], leg["ra"]))
    start, end = min(leg["t"] for leg in legs), max(leg["t"] for leg in legs)
    zones = [leg["zone"] for leg in legs if leg["zone"] is not None]
    mmsi, mmsi2 = first["mmsi"], first["mmsi2"]
    dprk = any(445_000_000 <= m < 446_000_000 for m in (mmsi, mmsi2))
    return {
        "mmsi": mmsi,
        "mmsi2": mmsi2,
        "start_s": start,
        "end_s": end,
        "lat": first["lat"],
        "lon": first["lon"],
        "severity": "high" if zones or dprk else "medium",
        "evidence": sorted({r for leg in legs for r in (leg["rb"], leg["ra"])}),
        "hours": (end - start) / 3600,
        "median_distance_m": statistics.median(leg["dist_m"] for leg in legs),
        "median_speed_kn": _median([leg["kn"] for leg in legs]),
        "zone": min(zones) if zones else None,
    }
