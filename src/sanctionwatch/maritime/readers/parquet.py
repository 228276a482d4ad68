"""Parquet files already in the POSITIONS schema, or with its column names.

Columns are cast to the schema; `row_id` is computed where missing, `source` defaults to the
file name, and rows go through the same validation as every other reader.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from sanctionwatch.errors import ParseError
from sanctionwatch.maritime import validate
from sanctionwatch.maritime.model import IDENTITIES
from sanctionwatch.maritime.readers.base import ReadResult

REQUIRED = ("mmsi", "ts", "lat", "lon")


def read(path: Path) -> ReadResult:
    """Positions of a Parquet file, with rejects by reason."""
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as err:
        raise ParseError(path, None, f"cannot read Parquet: {err}") from err
    missing = [name for name in REQUIRED if name not in table.column_names]
    if missing:
        raise ParseError(path, None, f"missing columns: {', '.join(missing)}")
    if not pa.types.is_timestamp(table.schema.field("ts").type):
        raise ParseError(path, "ts", f"ts is {table.schema.field('ts').type}, not a timestamp")
    positions, rejects = validate.positions(table, source=path.name)
    return ReadResult(positions, IDENTITIES.empty_table(), rejects)
