"""Identity rows from NMEA static messages 5, 19 and 24.

Class B transponders send their identity in two halves: message 24 part A (the name) and
part B (type, call sign, size). A part A waits for the next part B of the same MMSI and the
two make one row at part B's time; a part A with no part B after it, or a part B with no
part A before it, makes a row of its own.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from sanctionwatch.maritime.model import UTC_US

_COLUMNS: tuple[str, ...] = ("mmsi", "ts", "imo", "name", "callsign", "ship_type")
_COLUMNS += ("length", "width", "draught", "destination")
Row = dict[str, Any]


def _sum(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _static(msg: Any, ts_us: int) -> Row:
    """The fields this message carries; others are absent from the row."""
    row: Row = {"mmsi": msg.mmsi, "ts": ts_us}
    for field, name in (("shipname", "name"), ("callsign", "callsign")):
        if hasattr(msg, field):
            row[name] = getattr(msg, field)
    if getattr(msg, "ship_type", None) is not None:
        row["ship_type"] = int(msg.ship_type)
    if hasattr(msg, "to_bow"):
        row["length"] = _sum(msg.to_bow, msg.to_stern)
        row["width"] = _sum(msg.to_port, msg.to_starboard)
    for name in ("imo", "draught", "destination"):
        if hasattr(msg, name):
            row[name] = getattr(msg, name)
    return row


class Identities:
    """Identity rows gathered over one file."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.part_a: dict[int, Row] = {}

    def add(self, msg: Any, ts_us: int) -> None:
        row = _static(msg, ts_us)
        if msg.msg_type != 24:
            self.rows.append(row)
        elif getattr(msg, "partno", None) == 0:
            if msg.mmsi in self.part_a:
                self.rows.append(self.part_a[msg.mmsi])
            self.part_a[msg.mmsi] = row
        else:
            name = self.part_a.pop(msg.mmsi, {}).get("name")
            self.rows.append({**row, "name": name} if name is not None else row)

    def table(self) -> pa.Table:
        """All rows so far (part A halves still waiting included), loosely typed."""
        rows = self.rows + list(self.part_a.values())
        table = {name: [row.get(name) for row in rows] for name in _COLUMNS}
        types = {"mmsi": pa.int64(), "ts": pa.int64(), "imo": pa.int64(), "ship_type": pa.int64()}
        types |= {"name": pa.string(), "callsign": pa.string(), "destination": pa.string()}
        types |= {"length": pa.float64(), "width": pa.float64(), "draught": pa.float64()}
        arrays = {name: pa.array(values, types[name]) for name, values in table.items()}
        arrays["ts"] = arrays["ts"].cast(UTC_US)
        return pa.table(arrays)
