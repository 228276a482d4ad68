"""Identity detectors on how reports change: new names, call signs, IMOs; one IMO, many MMSIs.

    identity_change      an identity report of an MMSI whose name, call sign or IMO (after
                         `norm`; missing values skipped) differs from the last one that MMSI
                         reported and is new for it: one event per such report, at its time,
                         citing it and the reports it differs from; details list the fields
                         and old / new values. Going back to a value reported before is no
                         new change (two hulls on one MMSI flip names to and fro).
    identity_imo_shared  one valid IMO reported under several MMSIs: one event per pair of
                         them (mmsi < mmsi2), from when the second appeared with that IMO to
                         the last report of either, where the later one first reported it;
                         cites each MMSI's first and last report with it. Invalid IMOs are
                         left to `identity_invalid_imo` (junk numbers like 1234567 recur).

Both are severity medium: a hull renamed or re-registered under a new MMSI is the classic
way a designated tanker comes back (an MMSI shared by two hulls shows here too, as a name
flipping to and fro; `identity_shared_mmsi` sees it by position).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.identity_reports import NoParams
from sanctionwatch.maritime.detectors.identity_sql import (
    groups,
    imo,
    imo_sql,
    locate,
    norm,
    norm_sql,
    span,
    spans_sql,
    valid_imo_sql,
)
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.vesselids import valid_imo

FIELDS = ("callsign", "imo", "name")


def _values_sql() -> str:
    """Each report's fields as (field, value) rows: one pass over `located`, crossed with the
    field names (three UNION ALL branches would make Spark compute `located` three times)."""
    value = (
        f"CASE f.field WHEN 'callsign' THEN {norm_sql('l.callsign')}"
        f" WHEN 'imo' THEN CAST({imo_sql('l.imo')} AS STRING)"
        f" ELSE {norm_sql('l.name')} END"
    )
    names = ", ".join(f"('{attr}')" for attr in FIELDS)
    return f"""SELECT l.mmsi, l.row_id, l.t, l.lat, l.lon, f.field, {value} AS value
  FROM located AS l CROSS JOIN (VALUES {names}) AS f(field)"""


def _pivot_sql(column: str, out: str, attr: str) -> str:
    value = f"MAX(CASE WHEN field = '{attr}' THEN {column} END)"
    return f"CAST({value} AS BIGINT) AS {out}" if attr == "imo" else f"{value} AS {out}"


@dataclass(frozen=True)
class ChangeDetector:
    name: ClassVar[str] = "identity_change"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "2"
    params: NoParams = field(default_factory=NoParams)

    def sql(self, dialect: Dialect) -> str:
        details = ", ".join(
            f"{_pivot_sql('prev', f'old_{f}', f)}, {_pivot_sql('value', f'new_{f}', f)}"
            for f in FIELDS
        )
        evidence = dialect.flatten_collect(dialect.array("prev_row", "row_id"))
        return f"""
WITH fields AS (
  {_values_sql()}
), steps AS (
  SELECT *, LAG(value) OVER w AS prev, LAG(row_id) OVER w AS prev_row,
         ROW_NUMBER() OVER (PARTITION BY mmsi, field, value ORDER BY t, row_id) AS nth
  FROM fields WHERE value IS NOT NULL
  WINDOW w AS (PARTITION BY mmsi, field ORDER BY t, row_id)
), changes AS (
  SELECT * FROM steps WHERE prev <> value AND nth = 1
)
SELECT mmsi, CAST(NULL AS BIGINT) AS mmsi2, t AS start_s, t AS end_s, MAX(lat) AS lat,
       MAX(lon) AS lon, 'medium' AS severity, {evidence} AS evidence, 'change' AS kind,
       {dialect.collect("field")} AS fields, {details}
FROM changes GROUP BY mmsi, row_id, t
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        changed: dict[int, Row] = {}
        for reports in groups(locate(inputs)).values():
            for attr in FIELDS:
                for before, after in _steps(reports, attr):
                    event = changed.setdefault(after["row_id"], _change(after))
                    event["evidence"] += [before["row_id"]]
                    event["fields"].append(attr)
                    event[f"old_{attr}"] = _value(before, attr)
                    event[f"new_{attr}"] = _value(after, attr)
        return list(changed.values())


def _value(report: Row, attr: str) -> Any:
    return imo(report["imo"]) if attr == "imo" else norm(report[attr])


def _steps(reports: list[Row], attr: str) -> list[tuple[Row, Row]]:
    """Consecutive reports (in time order) with a value of `attr` where the value changed to
    one this MMSI had not reported before."""
    known = [r for r in reports if _value(r, attr) is not None]
    seen = {_value(known[0], attr)} if known else set()
    steps = []
    for a, b in itertools.pairwise(known):
        new = _value(b, attr)
        if new not in seen:
            steps.append((a, b))
            seen.add(new)
    return steps


def _change(report: Row) -> Row:
    empty = {f"{age}_{f}": None for f in FIELDS for age in ("old", "new")}
    return {
        "mmsi": report["mmsi"],
        "mmsi2": None,
        "start_s": report["t"],
        "end_s": report["t"],
        "lat": report["lat"],
        "lon": report["lon"],
        "severity": "medium",
        "evidence": [report["row_id"]],
        "kind": "change",
        "fields": [],
        **empty,
    }


@dataclass(frozen=True)
class ImoSharedDetector:
    name: ClassVar[str] = "identity_imo_shared"
    event_type: ClassVar[str] = "identity"
    version: ClassVar[str] = "1"
    params: NoParams = field(default_factory=NoParams)

    def sql(self, dialect: Dialect) -> str:
        evidence = dialect.array("a.first_row", "a.last_row", "b.first_row", "b.last_row")
        return f"""
WITH valid AS (
  SELECT * FROM located WHERE {valid_imo_sql("imo")}
), spans AS ({spans_sql("valid", "imo, mmsi")}
), per AS (
  SELECT imo, mmsi, MIN(t) AS t0, MAX(t) AS t1, COUNT(*) AS reports,
         MAX(CASE WHEN k1 = 1 THEN row_id END) AS first_row,
         MAX(CASE WHEN k2 = 1 THEN row_id END) AS last_row,
         MAX(CASE WHEN k1 = 1 THEN lat END) AS lat, MAX(CASE WHEN k1 = 1 THEN lon END) AS lon
  FROM spans GROUP BY imo, mmsi
)
SELECT a.mmsi, b.mmsi AS mmsi2, GREATEST(a.t0, b.t0) AS start_s, GREATEST(a.t1, b.t1) AS end_s,
       CASE WHEN a.t0 > b.t0 THEN a.lat ELSE b.lat END AS lat,
       CASE WHEN a.t0 > b.t0 THEN a.lon ELSE b.lon END AS lon,
       'medium' AS severity, {evidence} AS evidence, 'imo_shared' AS kind, a.imo,
       a.reports, b.reports AS reports2
FROM per AS a JOIN per AS b ON a.imo = b.imo AND a.mmsi < b.mmsi
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        valid = [r for r in locate(inputs) if r["imo"] is not None and valid_imo(r["imo"])]
        by_imo: dict[int, list[tuple[int, Row]]] = {}
        for (number, mmsi), group in groups(valid, lambda r: (r["imo"], r["mmsi"])).items():
            by_imo.setdefault(number, []).append((mmsi, span(group)))
        out = []
        for number, per in by_imo.items():
            for (m1, a), (m2, b) in itertools.combinations(sorted(per, key=lambda p: p[0]), 2):
                out.append(_pair(m1, a, m2, b) | {"imo": number})
        return out


def _pair(m1: int, a: Row, m2: int, b: Row) -> Row:
    later = a if a["start_s"] > b["start_s"] else b
    return {
        "mmsi": m1,
        "mmsi2": m2,
        "start_s": max(a["start_s"], b["start_s"]),
        "end_s": max(a["end_s"], b["end_s"]),
        "lat": later["lat"],
        "lon": later["lon"],
        "severity": "medium",
        "evidence": a["evidence"] + b["evidence"],
        "kind": "imo_shared",
        "reports": a["reports"],
        "reports2": b["reports"],
    }
