"""Two hulls on one MMSI: segments of it on air at the same time, far apart.

GFW's segmenter (`segmented`) has already split off what one transmitter could not have sent.
Two of an MMSI's segments (real fixes only) whose time spans overlap by at least
`min_overlap_hours` are compared by their nearest-in-time pair of fixes within the overlap:
more than `min_km` apart, and further than `max_speed_kn` could cover in the time between
them, they are two vessels. The nearest pair is found by merging both segments' fixes in time
order, where it is always a neighbouring pair from different segments (no pairwise join).

One event per segment that starts while an earlier one is on air far away, against the
earliest such segment (`segments` counts them all; `seg_id` is the newcomer, `seg_id2` the
other), over their overlap, at the earlier segment's fix of the pair. Severity high.
A nested segment shorter than an hour is `identity_spoof`'s instead.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.identity_sql import (
    KM_PER_NM,
    SEGMENT_SPANS_CTE,
    groups,
    km,
    km_sql,
)
from sanctionwatch.maritime.detectors.inputs import Inputs


@dataclass(frozen=True)
class SharedParams:
    min_overlap_hours: float = 1.0
    min_km: float = 50.0
    max_speed_kn: float = 50.0  # twice the segmenter's 25 kn


@dataclass(frozen=True)
class SharedMmsiDetector:
    name: ClassVar[str] = "identity_shared_mmsi"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "1"
    params: SharedParams = SharedParams()

    def sql(self, dialect: Dialect) -> str:
        p = self.params
        dist = km_sql("a_lat", "a_lon", "b_lat", "b_lon")
        hours = "(CAST(dt AS DOUBLE) / 3600)"
        return f"""
WITH {SEGMENT_SPANS_CTE}, {self._pairs_sql()}, {_nearest_sql()}, far AS (
  SELECT *, {dist} AS km FROM nearest
), ranked AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY mmsi, seg_b ORDER BY a_t0, seg_a) AS rank_a,
         COUNT(*) OVER (PARTITION BY mmsi, seg_b) AS segments
  FROM far
  WHERE km > {p.min_km} AND km / CAST({KM_PER_NM!r} AS DOUBLE) > {p.max_speed_kn} * {hours}
)
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, o0 AS start_s, o1 AS end_s, a_lat AS lat,
       a_lon AS lon, 'high' AS severity, {dialect.array("a_row_id", "b_row_id")} AS evidence,
       'shared_mmsi' AS kind, seg_b AS seg_id, seg_a AS seg_id2, km, dt AS dt_s,
       CAST(o1 - o0 AS DOUBLE) / 3600 AS overlap_hours, segments
FROM ranked WHERE rank_a = 1
"""

    def _pairs_sql(self) -> str:
        overlap = "LEAST(a.t1, b.t1) - GREATEST(a.t0, b.t0)"
        return f"""pairs AS (
  SELECT a.mmsi, a.seg_id AS seg_a, b.seg_id AS seg_b, a.t0 AS a_t0,
         GREATEST(a.t0, b.t0) AS o0, LEAST(a.t1, b.t1) AS o1
  FROM spans AS a JOIN spans AS b
    ON a.mmsi = b.mmsi AND (a.t0 < b.t0 OR (a.t0 = b.t0 AND a.seg_id < b.seg_id))
  WHERE {overlap} >= {self.params.min_overlap_hours * 3600}
)"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        real = [r for r in inputs.segmented.to_pylist() if not r["noise"]]
        by_mmsi: dict[int, list[list[Row]]] = {}
        for fixes in groups(real, lambda r: (r["mmsi"], r["seg_id"])).values():
            by_mmsi.setdefault(fixes[0]["mmsi"], []).append(fixes)
        out = []
        for segments in by_mmsi.values():
            segments.sort(key=lambda fixes: (fixes[0]["t"], fixes[0]["seg_id"]))
            out += self._events(segments)
        return out

    def _events(self, segments: list[list[Row]]) -> list[Row]:
        """The events of one MMSI's segments, ordered by (first fix time, seg_id)."""
        found: dict[str, list[Row]] = {}
        for i, a in enumerate(segments):
            for b in segments[i + 1 :]:
                event = self._pair(a, b)
                if event is not None:
                    found.setdefault(event["seg_id"], []).append(event)
        return [events[0] | {"segments": len(events)} for events in found.values()]

    def _pair(self, a: list[Row], b: list[Row]) -> Row | None:
        p = self.params
        o0, o1 = max(a[0]["t"], b[0]["t"]), min(a[-1]["t"], b[-1]["t"])
        if o1 - o0 < p.min_overlap_hours * 3600:
            return None
        near = _nearest(a, b, o0, o1)
        if near is None:
            return None
        fa, fb, dt = near
        dist = km(fa["lat"], fa["lon"], fb["lat"], fb["lon"])
        if not (dist > p.min_km and dist / KM_PER_NM > p.max_speed_kn * (dt / 3600)):
            return None
        return {
            "mmsi": fa["mmsi"],
            "mmsi2": None,
            "start_s": o0,
            "end_s": o1,
            "lat": fa["lat"],
            "lon": fa["lon"],
            "severity": "high",
            "evidence": [fa["row_id"], fb["row_id"]],
            "kind": "shared_mmsi",
            "seg_id": fb["seg_id"],
            "seg_id2": fa["seg_id"],
            "km": dist,
            "dt_s": dt,
            "overlap_hours": (o1 - o0) / 3600,
        }


def _nearest_sql() -> str:
    """Per pair, the neighbouring fixes from different segments closest in time (each pair
    is crossed with both sides so that `segmented` is joined, and read, once)."""
    prev = ", ".join(f"LAG({c}) OVER w AS p_{c}" for c in ("is_a", "row_id", "t", "lat", "lon"))
    cols = ("row_id", "lat", "lon")
    pick = [f"CASE WHEN is_a THEN {c} ELSE p_{c} END AS a_{c}" for c in cols]
    pick += [f"CASE WHEN is_a THEN p_{c} ELSE {c} END AS b_{c}" for c in cols]
    return f"""sides AS (
  SELECT p.*, f.row_id, f.t, f.lat, f.lon
  FROM (SELECT * FROM pairs CROSS JOIN (VALUES (TRUE), (FALSE)) AS s(is_a)) AS p
  JOIN segmented AS f
    ON f.mmsi = p.mmsi AND f.seg_id = CASE WHEN p.is_a THEN p.seg_a ELSE p.seg_b END
  WHERE NOT f.noise AND f.t BETWEEN p.o0 AND p.o1
), merged AS (
  SELECT * FROM (
    SELECT *, {prev} FROM sides WINDOW w AS (PARTITION BY mmsi, seg_a, seg_b ORDER BY t, row_id)
  ) AS m
  WHERE p_is_a IS NOT NULL AND p_is_a <> is_a
), crossing AS (
  SELECT *, t - p_t AS dt, {", ".join(pick)},
         ROW_NUMBER() OVER (PARTITION BY mmsi, seg_a, seg_b ORDER BY t - p_t, t, row_id) AS k
  FROM merged
), nearest AS (
  SELECT * FROM crossing WHERE k = 1
)"""


def _nearest(a: list[Row], b: list[Row], o0: int, o1: int) -> tuple[Row, Row, int] | None:
    """The fixes of a and b within [o0, o1] closest in time (then earliest), and their dt."""
    sides = [(f, True) for f in a if o0 <= f["t"] <= o1]
    sides += [(f, False) for f in b if o0 <= f["t"] <= o1]
    sides.sort(key=lambda s: (s[0]["t"], s[0]["row_id"]))
    best: tuple[tuple[int, int, int], Row, Row] | None = None
    for (prev, prev_a), (cur, cur_a) in itertools.pairwise(sides):
        key = (cur["t"] - prev["t"], cur["t"], cur["row_id"])
        if prev_a != cur_a and (best is None or key < best[0]):
            best = (key, prev, cur) if prev_a else (key, cur, prev)
    return None if best is None else (best[1], best[2], best[0][0])
