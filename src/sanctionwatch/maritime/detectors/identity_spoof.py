"""Spoofed positions: an MMSI's fixes that jump where its vessel could not have been.

GFW's segmenter (`segmented`) has already set apart what one transmitter could not have sent.
A fix is displaced when it is noise (a single implausible jump), or when its segment lasts
less than `max_hours` and lies within the time span of a longer segment of the same MMSI (an
excursion of a few reports hundreds of km away and back, which the segmenter keeps as a
segment of its own).

Displaced fixes of an MMSI at most `gap_hours` apart form one run and one event, citing every
fix of the run, at its first fix. `max_speed_kn` is the highest implied speed from the
previous fix or to the next fix of the MMSI (all its fixes, in time order) over the run,
NULL when they are all at the same second. Severity medium.

A second vessel on the MMSI also shows here while the segmenter has not yet given it a
segment of its own; `identity_shared_mmsi` reports the vessel itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.identity_sql import (
    SEGMENT_SPANS_CTE,
    groups,
    km,
    km_sql,
    knots,
    knots_sql,
)
from sanctionwatch.maritime.detectors.inputs import Inputs

Spans = dict[tuple[int, str], tuple[int, int]]


@dataclass(frozen=True)
class SpoofParams:
    max_hours: float = 1.0  # a nested segment shorter than this is displaced
    gap_hours: float = 1.0  # displaced fixes closer in time than this are one run


@dataclass(frozen=True)
class SpoofDetector:
    name: ClassVar[str] = "identity_spoof"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "1"
    params: SpoofParams = SpoofParams()

    def sql(self, dialect: Dialect) -> str:
        return f"""
WITH {SEGMENT_SPANS_CTE}, {self._marked_sql()}, {self._runs_sql()}
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, MIN(t) AS start_s, MAX(t) AS end_s,
       MAX(CASE WHEN starts = 1 THEN lat END) AS lat,
       MAX(CASE WHEN starts = 1 THEN lon END) AS lon, 'medium' AS severity,
       {dialect.collect("row_id")} AS evidence, 'spoof' AS kind, COUNT(*) AS fixes,
       GREATEST(MAX(speed_in), MAX(speed_out)) AS max_speed_kn
FROM runs GROUP BY mmsi, run
"""

    def _marked_sql(self) -> str:
        return f"""nested AS (
  SELECT DISTINCT s.mmsi, s.seg_id FROM spans AS s JOIN spans AS o
    ON o.mmsi = s.mmsi AND o.seg_id <> s.seg_id AND o.t0 <= s.t0 AND o.t1 >= s.t1
       AND o.t1 - o.t0 > s.t1 - s.t0
  WHERE s.t1 - s.t0 < {self.params.max_hours * 3600}
), marked AS (
  SELECT f.row_id, f.mmsi, f.t, f.lat, f.lon, f.noise OR n.seg_id IS NOT NULL AS displaced
  FROM segmented AS f LEFT JOIN nested AS n
    ON n.mmsi = f.mmsi AND n.seg_id = f.seg_id AND NOT f.noise
)"""

    def _runs_sql(self) -> str:
        """Displaced fixes with their implied speeds; `starts` marks a run's first fix."""
        speed_in = knots_sql(km_sql("p_lat", "p_lon", "lat", "lon"), "t - p_t")
        speed_out = knots_sql(km_sql("lat", "lon", "n_lat", "n_lon"), "n_t - t")
        gap = self.params.gap_hours * 3600
        return f"""ordered AS (
  SELECT *, LAG(lat) OVER w AS p_lat, LAG(lon) OVER w AS p_lon, LAG(t) OVER w AS p_t,
         LEAD(lat) OVER w AS n_lat, LEAD(lon) OVER w AS n_lon, LEAD(t) OVER w AS n_t
  FROM marked
  WINDOW w AS (PARTITION BY mmsi ORDER BY t, row_id)
), displaced AS (
  SELECT *, {speed_in} AS speed_in, {speed_out} AS speed_out,
         CASE WHEN t - LAG(t) OVER w <= {gap} THEN 0 ELSE 1 END AS starts
  FROM ordered WHERE displaced
  WINDOW w AS (PARTITION BY mmsi ORDER BY t, row_id)
), runs AS (
  SELECT *, SUM(starts) OVER (PARTITION BY mmsi ORDER BY t, row_id
                              ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS run
  FROM displaced
)"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        rows = inputs.segmented.to_pylist()
        nested = _nested(_spans(rows), self.params.max_hours * 3600)
        out = []
        for mmsi, fixes in groups(rows).items():
            displaced = [
                i for i, f in enumerate(fixes) if f["noise"] or (mmsi, f["seg_id"]) in nested
            ]
            out += [_event(fixes, run) for run in _runs(fixes, displaced, self.params.gap_hours)]
        return out


def _spans(rows: list[Row]) -> Spans:
    """First and last time of each segment's real fixes."""
    spans: Spans = {}
    for r in rows:
        if not r["noise"]:
            t0, t1 = spans.get((r["mmsi"], r["seg_id"]), (r["t"], r["t"]))
            spans[r["mmsi"], r["seg_id"]] = (min(t0, r["t"]), max(t1, r["t"]))
    return spans


def _nested(spans: Spans, max_s: float) -> set[tuple[int, str]]:
    """Segments shorter than `max_s` within the span of a longer segment of their MMSI."""
    by_mmsi: dict[int, list[tuple[str, int, int]]] = {}
    for (mmsi, seg), (t0, t1) in spans.items():
        by_mmsi.setdefault(mmsi, []).append((seg, t0, t1))
    return {
        (mmsi, seg)
        for mmsi, segs in by_mmsi.items()
        for seg, t0, t1 in segs
        if t1 - t0 < max_s
        and any(o != seg and o0 <= t0 and o1 >= t1 and o1 - o0 > t1 - t0 for o, o0, o1 in segs)
    }


def _runs(fixes: list[Row], displaced: list[int], gap_hours: float) -> list[list[int]]:
    """Indices of displaced fixes, split where consecutive ones are over `gap_hours` apart."""
    runs: list[list[int]] = []
    for i in displaced:
        if runs and fixes[i]["t"] - fixes[runs[-1][-1]]["t"] <= gap_hours * 3600:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _speed(a: Row, b: Row) -> float | None:
    return knots(km(a["lat"], a["lon"], b["lat"], b["lon"]), b["t"] - a["t"])


def _event(fixes: list[Row], run: list[int]) -> Row:
    speeds = [_speed(fixes[i - 1], fixes[i]) for i in run if i > 0]
    speeds += [_speed(fixes[i], fixes[i + 1]) for i in run if i + 1 < len(fixes)]
    known = [s for s in speeds if s is not None]
    first = fixes[run[0]]
    return {
        "mmsi": first["mmsi"],
        "mmsi2": None,
        "start_s": first["t"],
        "end_s": fixes[run[-1]]["t"],
        "lat": first["lat"],
        "lon": first["lon"],
        "severity": "medium",
        "evidence": [fixes[i]["row_id"] for i in run],
        "kind": "spoof",
        "fixes": len(run),
        "max_speed_kn": max(known) if known else None,
    }
