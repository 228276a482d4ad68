"""Views derived from the inputs that several detectors read, computed once per run.

An engine materialises each one (DuckDB: a temporary table; Spark: a cached view) before the
first detector whose query names it, instead of recomputing it inside every query.
"""

from __future__ import annotations

import re

from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.identity_sql import located_cte

NAMES = ("located",)


def derived_views(dialect: Dialect) -> dict[str, str]:
    """Name -> query, in dependency order (the same SQL on every engine: an as-of join was
    tried on DuckDB and was slower than the window functions on 10 M fixes)."""
    return {"located": f"WITH {located_cte(dialect)} SELECT * FROM located"}


def needed(sql: str) -> list[str]:
    """The derived views a query reads."""
    return [name for name in NAMES if re.search(rf"\b{name}\b", sql)]
