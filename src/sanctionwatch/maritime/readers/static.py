"""Identity rows from the static columns that CSV formats repeat on every position row."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

STATIC = ("imo", "name", "callsign", "ship_type", "length", "width", "draught", "destination")


def _differs(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Whether each row differs from the one before (null and null are the same)."""
    current, previous = column[1:], column[:-1]
    both_null = pc.and_(pc.is_null(current), pc.is_null(previous))
    return pc.and_(pc.fill_null(pc.not_equal(current, previous), True), pc.invert(both_null))


def changes(table: pa.Table) -> pa.Table:
    """One row per MMSI each time its static fields change; rows with none are dropped.

    `table` has `mmsi`, `ts` and the static columns (any subset of `STATIC`), one row per
    position report; the result keeps its columns, sorted by MMSI and time.
    """
    present = [name for name in STATIC if name in table.column_names]
    if not present or table.num_rows == 0:
        return table.slice(0, 0)
    mask = pc.is_valid(table[present[0]])
    for name in present[1:]:
        mask = pc.or_(mask, pc.is_valid(table[name]))
    table = table.filter(mask).sort_by([("mmsi", "ascending"), ("ts", "ascending")])
    if table.num_rows < 2:
        return table
    changed = _differs(table["mmsi"])
    for name in present:
        changed = pc.or_(changed, _differs(table[name]))
    keep = pa.chunked_array([pa.array([True]), *pa.chunked_array(changed).chunks], pa.bool_())
    return table.filter(keep)
