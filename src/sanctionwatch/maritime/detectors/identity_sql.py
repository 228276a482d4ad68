"""Pieces the identity detectors share, each as SQL and as its plain-Python twin.

    SEGMENT_SPANS_CTE        first and last time of each segment
    km_sql / km              haversine distance in km, same operations in the same order
    knots_sql / knots        implied speed between two fixes, NULL / None when no time passed
    norm_sql / norm          text upper-cased and trimmed of spaces, NULL when empty
    imo_sql / imo            IMO as reported, NULL for AIS's 0 ("not available")
    mmsi_info_cte            valid and MID country of each MMSI: `vesselids` rules in SQL
    valid_imo_sql            `vesselids.valid_imo` in SQL
    located_cte / locate     identity reports placed at the vessel's position at the time
    spans_sql, span_*_sql / span    one event per group of rows: first to last, at the first

An identity report is placed at the last real fix of its MMSI at or before it, or at the
MMSI's first fix when it comes before them all. Reports of an MMSI with no real fix at all
cannot be placed on a map and are left out (every event needs a position).

Text is compared after `norm`: SQL `upper` and Python `str.upper` agree on ASCII only.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable
from typing import Any

from sanctionwatch.maritime.detectors.base import Row
from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.mids import MID_COUNTRY

EARTH_DIAMETER_KM = 2 * 6371.0088  # IUGG mean radius, as maritime.geo.distance
KM_PER_NM = 1.852

#: `spans(mmsi, seg_id, t0, t1)`: first and last time of each segment's real fixes
SEGMENT_SPANS_CTE = """spans AS (
  SELECT mmsi, seg_id, MIN(t) AS t0, MAX(t) AS t1 FROM segmented WHERE NOT noise
  GROUP BY mmsi, seg_id
)"""


def km_sql(lat1: str, lon1: str, lat2: str, lon2: str) -> str:
    half_dlat = f"(radians({lat2}) - radians({lat1})) / 2"
    half_dlon = f"radians({lon2} - {lon1}) / 2"
    a = (
        f"power(sin({half_dlat}), 2)"
        f" + cos(radians({lat1})) * cos(radians({lat2})) * power(sin({half_dlon}), 2)"
    )
    diameter = f"CAST({EARTH_DIAMETER_KM!r} AS DOUBLE)"
    return f"({diameter} * asin(sqrt(least(CAST(1 AS DOUBLE), {a}))))"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    half_dlat = (math.radians(lat2) - math.radians(lat1)) / 2
    half_dlon = math.radians(lon2 - lon1) / 2
    a = math.pow(math.sin(half_dlat), 2)
    a += (
        math.cos(math.radians(lat1))
        * math.cos(math.radians(lat2))
        * math.pow(math.sin(half_dlon), 2)
    )
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(min(1.0, a)))


def knots_sql(km_expr: str, dt_expr: str) -> str:
    hours = f"(CAST(NULLIF({dt_expr}, 0) AS DOUBLE) / 3600)"
    return f"({km_expr} / CAST({KM_PER_NM!r} AS DOUBLE) / {hours})"


def knots(distance_km: float, dt_s: int) -> float | None:
    return None if dt_s == 0 else distance_km / KM_PER_NM / (dt_s / 3600)


def norm_sql(expr: str) -> str:
    return f"NULLIF(upper(trim({expr})), '')"


def norm(value: str | None) -> str | None:
    return (value.strip(" ").upper() or None) if value is not None else None


def imo_sql(expr: str) -> str:
    return f"(CASE WHEN {expr} > 0 THEN {expr} END)"


def imo(value: int | None) -> int | None:
    return value if value is not None and value > 0 else None


def _mids() -> str:
    values = ", ".join(f"({mid}, '{country}')" for mid, country in sorted(MID_COUNTRY.items()))
    return f"mids AS (SELECT * FROM (VALUES {values}) AS v(mid, country))"


def mmsi_info_cte(source: str) -> str:
    """`mmsi_info(mmsi, valid, country)` for each MMSI of `source`, after `vesselids`: digits
    of the number zero-filled to nine, the MID after the kind's prefix ('' for AIS-SART, MOB
    and EPIRB devices, which have none), valid when nine digits with an allocated MID."""
    return f"""{_mids()}, digits AS (
  SELECT mmsi, CASE WHEN mmsi BETWEEN 0 AND 999999999
                    THEN lpad(CAST(mmsi AS STRING), 9, '0') END AS d
  FROM (SELECT DISTINCT mmsi FROM {source}) AS numbers
), mid_texts AS (
  SELECT mmsi, d,
         CASE WHEN substr(d, 1, 3) IN ('970', '972', '974') THEN ''
              WHEN d LIKE '00%' OR d LIKE '99%' OR d LIKE '98%' THEN substr(d, 3, 3)
              WHEN d LIKE '111%' THEN substr(d, 4, 3)
              WHEN d LIKE '0%' OR d LIKE '8%' THEN substr(d, 2, 3)
              ELSE substr(d, 1, 3) END AS mid_text
  FROM digits
), mmsi_info AS (
  SELECT x.mmsi, x.d IS NOT NULL AND (x.mid_text = '' OR m.country IS NOT NULL) AS valid,
         m.country
  FROM mid_texts AS x LEFT JOIN mids AS m ON m.mid = CAST(NULLIF(x.mid_text, '') AS INT)
)"""


def valid_imo_sql(expr: str) -> str:
    """Seven digits, the last being sum(digit x weight 7..2) mod 10; FALSE for NULL."""
    digit = [f"CAST(substr(CAST({expr} AS STRING), {k}, 1) AS INT)" for k in range(1, 8)]
    total = " + ".join(f"{w} * {d}" for w, d in zip(range(7, 1, -1), digit[:6], strict=True))
    return (
        f"(CASE WHEN {expr} BETWEEN 1000000 AND 9999999"
        f" THEN ({total}) % 10 = {digit[6]} ELSE FALSE END)"
    )


def located_cte(dialect: Dialect) -> str:
    """`located`: identity reports (row_id, mmsi, t, imo, name, callsign, flag) with lat, lon.

    Fixes and reports of an MMSI in one stream ordered by t (a fix before a report at the
    same second), then row id; a report takes the last fix so far (nulls, the reports' own,
    skipped), or the MMSI's first fix when none came before. Both windows share one order, so
    the engine sorts the stream once."""
    last_lat, last_lon = (
        dialect.last_value_ignore_nulls("lat"),
        dialect.last_value_ignore_nulls("lon"),
    )
    first_lat = dialect.first_value_ignore_nulls("lat")
    first_lon = dialect.first_value_ignore_nulls("lon")
    return f"""stream AS (
  SELECT mmsi, t, 0 AS src, row_id, lat, lon, CAST(NULL AS BIGINT) AS imo,
         CAST(NULL AS STRING) AS name, CAST(NULL AS STRING) AS callsign,
         CAST(NULL AS STRING) AS flag
  FROM fixes
  UNION ALL
  SELECT mmsi, t, 1 AS src, row_id, CAST(NULL AS DOUBLE) AS lat, CAST(NULL AS DOUBLE) AS lon,
         imo, name, callsign, flag
  FROM identities
), placed AS (
  SELECT *, {last_lat} OVER so_far AS at_lat, {last_lon} OVER so_far AS at_lon,
         {first_lat} OVER whole AS first_lat, {first_lon} OVER whole AS first_lon
  FROM stream
  WINDOW so_far AS (PARTITION BY mmsi ORDER BY t, src, row_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
         whole AS (PARTITION BY mmsi ORDER BY t, src, row_id
                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
), located AS (
  SELECT row_id, mmsi, t, imo, name, callsign, flag,
         COALESCE(at_lat, first_lat) AS lat, COALESCE(at_lon, first_lon) AS lon
  FROM placed WHERE src = 1 AND first_lat IS NOT NULL
)"""


def locate(inputs: Inputs) -> list[Row]:
    """The identity reports with the lat, lon of `located_cte`, ordered by mmsi, t, row_id."""
    tracks = groups(inputs.fixes.select(["mmsi", "t", "row_id", "lat", "lon"]).to_pylist())
    times = {mmsi: [f["t"] for f in fixes] for mmsi, fixes in tracks.items()}
    out = []
    for report in inputs.identities.to_pylist():
        fixes = tracks.get(report["mmsi"])
        if fixes:
            at = bisect.bisect_right(times[report["mmsi"]], report["t"])
            fix = fixes[max(at - 1, 0)]
            out.append({**report, "lat": fix["lat"], "lon": fix["lon"]})
    return sorted(out, key=lambda r: (r["mmsi"], r["t"], r["row_id"]))


def spans_sql(source: str, keys: str) -> str:
    """Rows of `source` numbered from the first (`k1`) and from the last (`k2`) within `keys`."""
    return f"""SELECT *,
         ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY t, row_id) AS k1,
         ROW_NUMBER() OVER (PARTITION BY {keys} ORDER BY t DESC, row_id DESC) AS k2
  FROM {source}"""


def span_place_sql() -> str:
    """start_s, end_s, lat, lon of a group of `spans_sql` rows: first to last, at the first."""
    return """MIN(t) AS start_s, MAX(t) AS end_s,
       MAX(CASE WHEN k1 = 1 THEN lat END) AS lat, MAX(CASE WHEN k1 = 1 THEN lon END) AS lon"""


def span_evidence_sql(dialect: Dialect) -> str:
    """The group's first and last row ids."""
    first, last = "MAX(CASE WHEN k1 = 1 THEN row_id END)", "MAX(CASE WHEN k2 = 1 THEN row_id END)"
    return f"{dialect.array(first, last)} AS evidence"


def groups(
    rows: Iterable[Row], key: Callable[[Row], Any] = lambda r: r["mmsi"]
) -> dict[Any, list[Row]]:
    """Rows by `key` (the MMSI unless told), each group in (t, row_id) order."""
    out: dict[Any, list[Row]] = {}
    for row in rows:
        out.setdefault(key(row), []).append(row)
    for group in out.values():
        group.sort(key=lambda r: (r["t"], r["row_id"]))
    return out


def span(group: list[Row]) -> Row:
    """The span columns of one group in (t, row_id) order, and its count as `reports`."""
    first, last = group[0], group[-1]
    return {
        "start_s": first["t"],
        "end_s": last["t"],
        "lat": first["lat"],
        "lon": first["lon"],
        "evidence": [first["row_id"], last["row_id"]],
        "reports": len(group),
    }
