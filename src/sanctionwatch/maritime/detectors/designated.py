"""Designated vessel sighting: an MMSI whose identity reports name a designated vessel.

An identity report matches a row of `designated` by IMO number, by MMSI, or by normalised
name (`normalise_name`), when it was sent while the designation held (since_s <= t, and
t < until_s unless until_s is null). One event per (MMSI, designated entity): from the first
matching report to the later of the last matching report and the MMSI's last fix, placed at
that last fix (an MMSI with identity reports but no fix has no position and gives no event).
`matched_by` is the strongest kind of match seen (imo, then mmsi, then name) and `matched`
its value. Severity: high for an IMO or MMSI match, medium for a name alone. Evidence: every
matching identity report.

One event per kind of match would be more detailed, but `base.event_id` (type, MMSI, start)
would give an IMO match and a name match of the same reports the same id, and the event store
keeps one event per id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, ClassVar, NamedTuple

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs

#: A run of anything but ASCII letters and digits. Non-ASCII goes before upper-casing, as
#: engines upper-case it differently ("ß" is "SS" in Python and Spark, "ẞ" in DuckDB).
NOT_ALNUM = "[^A-Za-z0-9]+"
KINDS = ("imo", "mmsi", "name")  # strongest first
Key = tuple[int, str]  # mmsi, entity_id


def normalise_name(name: str | None) -> str | None:
    """Upper-case words of A-Z and 0-9, single-spaced; None when nothing is left."""
    if name is None:
        return None
    return re.sub(NOT_ALNUM, " ", name).upper().strip() or None


def normalise_name_sql(dialect: Dialect, expr: str) -> str:
    """`normalise_name` in SQL, identical in DuckDB and Spark."""
    replaced = dialect.replace_all(expr, f"'{NOT_ALNUM}'", "' '")
    return f"NULLIF(TRIM(UPPER({replaced})), '')"


@dataclass(frozen=True)
class DesignatedParams:
    name_severity: str = "medium"  # a name alone is weaker evidence than an IMO or MMSI


@dataclass(frozen=True)
class DesignatedDetector:
    name: ClassVar[str] = "designated"
    event_type: ClassVar[str] = "designated"
    version: ClassVar[str] = "1"
    params: DesignatedParams = DesignatedParams()

    def sql(self, dialect: Dialect) -> str:
        return f"""
WITH ids AS (
  SELECT row_id, mmsi, t, imo, {normalise_name_sql(dialect, "name")} AS name FROM identities
), listed AS (
  SELECT entity_id, caption, imo, mmsi, {normalise_name_sql(dialect, "name")} AS name,
         since_s, until_s
  FROM designated
), matches AS (
  {_match("imo", "CAST(i.imo AS STRING)")}
  UNION {_match("mmsi", "CAST(i.mmsi AS STRING)")}
  UNION {_match("name", "i.name")}
), ranked AS (
  SELECT *, MIN(strength) OVER (PARTITION BY mmsi, entity_id) AS best FROM matches
), sightings AS (
  SELECT mmsi, entity_id, MIN(best) AS best, MIN(caption) AS caption,
         MIN(CASE WHEN strength = best THEN matched END) AS matched, MIN(t) AS first_s,
         MAX(t) AS last_s, {dialect.collect("DISTINCT row_id")} AS evidence
  FROM ranked
  GROUP BY mmsi, entity_id
), last_fix AS (
  SELECT mmsi, t, lat, lon
  FROM (SELECT mmsi, t, lat, lon,
               ROW_NUMBER() OVER (PARTITION BY mmsi ORDER BY t DESC, row_id DESC) AS n
        FROM fixes) AS latest
  WHERE n = 1
)
SELECT s.mmsi, CAST(NULL AS BIGINT) AS mmsi2, s.first_s AS start_s,
       CASE WHEN f.t > s.last_s THEN f.t ELSE s.last_s END AS end_s, f.lat, f.lon,
       CASE WHEN s.best = {KINDS.index("name")} THEN '{self.params.name_severity}'
            ELSE 'high' END AS severity,
       s.evidence, s.entity_id, s.caption, CASE s.best {_kind_names()} END AS matched_by,
       s.matched
FROM sightings AS s JOIN last_fix AS f ON f.mmsi = s.mmsi
ORDER BY s.mmsi, s.entity_id
"""

    def oracle(self, inputs: Inputs) -> list[Row]:
        index = _index(inputs.designated.to_pylist())
        found = _hits(inputs.identities.to_pylist(), index)
        last = _last_fixes(inputs.fixes.to_pylist())
        return [self._row(key, found[key], last[key[0]]) for key in sorted(found) if key[0] in last]

    def _row(self, key: Key, hits: list[Hit], fix: Row) -> Row:
        best = min(KINDS.index(h.kind) for h in hits)
        times = [h.report["t"] for h in hits]
        return {
            "mmsi": key[0],
            "mmsi2": None,
            "start_s": min(times),
            "end_s": max(max(times), fix["t"]),
            "lat": fix["lat"],
            "lon": fix["lon"],
            "severity": self.params.name_severity if KINDS[best] == "name" else "high",
            "evidence": sorted({h.report["row_id"] for h in hits}),
            "entity_id": key[1],
            "caption": min(h.listed["caption"] for h in hits),
            "matched_by": KINDS[best],
            "matched": min(h.value for h in hits if h.kind == KINDS[best]),
        }


class Hit(NamedTuple):
    """An identity report matching a designation in force."""

    report: Row
    listed: Row
    kind: str
    value: str


def _match(kind: str, value: str) -> str:
    """The identity reports that match a designation in force by `kind`."""
    return f"""SELECT i.mmsi, i.row_id, i.t, d.entity_id, d.caption,
         {KINDS.index(kind)} AS strength, {value} AS matched
  FROM ids AS i JOIN listed AS d ON i.{kind} = d.{kind}
  WHERE (d.since_s IS NULL OR d.since_s <= i.t) AND (d.until_s IS NULL OR i.t < d.until_s)"""


def _kind_names() -> str:
    return " ".join(f"WHEN {i} THEN '{kind}'" for i, kind in enumerate(KINDS))


def _values(row: Row) -> list[tuple[str, Any]]:
    """(kind, value) of each identifier the row carries; names normalised."""
    values = {"imo": row["imo"], "mmsi": row["mmsi"], "name": normalise_name(row["name"])}
    return [(kind, values[kind]) for kind in KINDS if values[kind] is not None]


def _index(designated: list[Row]) -> dict[tuple[str, Any], list[Row]]:
    index: dict[tuple[str, Any], list[Row]] = defaultdict(list)
    for listed in designated:
        for key in _values(listed):
            index[key].append(listed)
    return index


def _hits(reports: list[Row], index: dict[tuple[str, Any], list[Row]]) -> dict[Key, list[Hit]]:
    """The reports matching a designation in force, by (MMSI, entity)."""
    found: dict[Key, list[Hit]] = defaultdict(list)
    for report in reports:
        for kind, value in _values(report):
            for listed in index.get((kind, value), []):
                if _in_force(listed, report["t"]):
                    hit = Hit(report, listed, kind, str(value))
                    found[(report["mmsi"], listed["entity_id"])].append(hit)
    return found


def _in_force(listed: Row, t: int) -> bool:
    since, until = listed["since_s"], listed["until_s"]
    return (since is None or since <= t) and (until is None or t < until)


def _last_fixes(fixes: list[Row]) -> dict[int, Row]:
    """Each MMSI's last fix (latest t, then highest row_id)."""
    last: dict[int, Row] = {}
    for fix in sorted(fixes, key=lambda r: (r["t"], r["row_id"])):
        last[fix["mmsi"]] = fix
    return last
