"""Views derived from the inputs that several detectors read, computed once per run.

An engine materialises each one (DuckDB: a temporary table; Spark: a cached view) before the
first detector whose query names it, instead of recomputing it inside every query.
"""

from __future__ import annotations

import re

from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.identity_sql import located_cte

NAMES = ("located",)

#: DuckDB's spelling of `located_cte`: the same placement (the last fix at or before the
#: report, by time then row id; else the MMSI's first fix; reports of MMSIs without fixes
#: dropped) with an as-of join instead of window functions over fixes and reports together.
LOCATED_ASOF = """WITH last_fix AS (
  SELECT mmsi, t, arg_max(lat, row_id) AS lat, arg_max(lon, row_id) AS lon
  FROM fixes GROUP BY mmsi, t
), first_fix AS (
  SELECT mmsi, first(lat ORDER BY t, row_id) AS lat, first(lon ORDER BY t, row_id) AS lon
  FROM fixes GROUP BY mmsi
)
SELECT i.row_id, i.mmsi, i.t, i.imo, i.name, i.callsign, i.flag,
       COALESCE(l.lat, f.lat) AS lat, COALESCE(l.lon, f.lon) AS lon
FROM identities AS i
JOIN first_fix AS f ON f.mmsi = i.mmsi
ASOF LEFT JOIN last_fix AS l ON l.mmsi = i.mmsi AND i.t >= l.t"""


def derived_views(dialect: Dialect) -> dict[str, str]:
    """Name -> query, in dependency order."""
    if dialect.name == "duckdb":
        return {"located": LOCATED_ASOF}
    return {"located": f"WITH {located_cte()} SELECT * FROM located"}


def needed(sql: str) -> list[str]:
    """The derived views a query reads."""
    return [name for name in NAMES if re.search(rf"\b{name}\b", sql)]
