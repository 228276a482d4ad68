"""Raw NMEA 0183 AIS logs (`!AIVDM`/`!AIVDO`), decoded with pyais.

Messages 1/2/3/18/19/27 give positions; 5, 19 and 24 (parts A and B, paired per MMSI) give
identities. Multi-sentence messages are reassembled. A message takes the time of its line (see
`nmea_lines`), else that of a Gatehouse `$PGHP` line just before it, else `default_time`; with
none it is refused as "no timestamp". Nothing in the file makes the reader fail: every line
that yields no row is counted under a reason ("bad nmea", "bad checksum", "not ais",
"incomplete message", "other message type", "no timestamp", then the shared validation's).
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
from pyais.messages import AISSentence, GatehouseSentence

from sanctionwatch.maritime import validate
from sanctionwatch.maritime.model import UTC_US
from sanctionwatch.maritime.readers.base import ReadResult
from sanctionwatch.maritime.readers.nmea_identity import Identities
from sanctionwatch.maritime.readers.nmea_lines import LineError, parse, to_us

POSITION_TYPES = frozenset({1, 2, 3, 18, 19, 27})
IDENTITY_TYPES = frozenset({5, 19, 24})
_COLUMNS = ("mmsi", "ts", "lat", "lon", "sog", "cog", "heading")
Fragments = list[tuple[AISSentence, int | None]]


def _lines(path: Path) -> Iterator[bytes]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        for raw in handle:
            line: bytes = raw.strip()
            if line and not line.startswith(b"#"):
                yield line


def _position(msg: Any, ts_us: int) -> tuple[Any, ...]:
    """One position row; message 27 has coarse speed (63: not available) and no heading."""
    if msg.msg_type == 27:
        speed = None if msg.speed is None or msg.speed >= 63 else float(msg.speed)
        return (msg.mmsi, ts_us, msg.lat, msg.lon, speed, msg.course, None)
    return (msg.mmsi, ts_us, msg.lat, msg.lon, msg.speed, msg.course, msg.heading)


class _Decoder:
    """The state of one pass over a file: fragments waiting, rows so far, rejects."""

    def __init__(self, default_us: int | None) -> None:
        self.default_us = default_us
        self.rejects: Counter[str] = Counter()
        self.fragments: dict[tuple[int, int | None, str], Fragments] = {}
        self.gatehouse_us: int | None = None
        self.positions: list[tuple[Any, ...]] = []
        self.identities = Identities()

    def line(self, raw: bytes) -> None:
        gatehouse_us, self.gatehouse_us = self.gatehouse_us, None
        try:
            line = parse(raw)
        except LineError as err:
            self.rejects[err.reason] += 1
            return
        if isinstance(line.sentence, GatehouseSentence):
            self.gatehouse_us = to_us(line.sentence.timestamp)
        elif not isinstance(line.sentence, AISSentence):
            self.rejects["not ais"] += 1
        elif not line.sentence.is_valid:
            self.rejects["bad checksum"] += 1
        else:
            time_us = line.time_us if line.time_us is not None else gatehouse_us
            self.fragment(line.sentence, time_us)

    def fragment(self, sentence: AISSentence, time_us: int | None) -> None:
        if sentence.frag_cnt == 1:
            self.message(sentence, time_us)
            return
        key = (sentence.frag_cnt, sentence.seq_id, sentence.channel)
        parts = self.fragments.pop(key, [])
        if sentence.frag_num == 1:
            self.rejects["incomplete message"] += bool(parts)
            parts = []
        elif len(parts) != sentence.frag_num - 1:
            self.rejects["incomplete message"] += 1
            return
        parts.append((sentence, time_us))
        if len(parts) < sentence.frag_cnt:
            self.fragments[key] = parts
            return
        whole = AISSentence.assemble_from_iterable([part for part, _ in parts])
        self.message(whole, next((t for _, t in parts if t is not None), None))

    def message(self, sentence: AISSentence, time_us: int | None) -> None:
        try:
            msg: Any = sentence.decode()
        except Exception:  # pyais raises many kinds on a payload it cannot decode
            self.rejects["bad nmea"] += 1
            return
        kind = msg.msg_type
        if kind not in POSITION_TYPES | IDENTITY_TYPES:
            self.rejects["other message type"] += 1
            return
        ts_us = time_us if time_us is not None else self.default_us
        if ts_us is None:
            self.rejects["no timestamp"] += 1
        elif msg.mmsi is None or (kind in POSITION_TYPES and None in (msg.lat, msg.lon)):
            self.rejects["bad nmea"] += 1  # payload cut short
        else:
            if kind in POSITION_TYPES:
                self.positions.append(_position(msg, ts_us))
            if kind in IDENTITY_TYPES:
                self.identities.add(msg, ts_us)

    def finish(self) -> None:
        self.rejects["incomplete message"] += len(self.fragments)
        self.fragments.clear()

    def position_table(self) -> pa.Table:
        columns = [[row[i] for row in self.positions] for i in range(len(_COLUMNS))]
        table = {
            name: pa.array(col, pa.float64()) for name, col in zip(_COLUMNS, columns, strict=True)
        }
        table["mmsi"] = pa.array(columns[0], pa.int64())
        table["ts"] = pa.array(columns[1], pa.int64()).cast(UTC_US)
        return pa.table(table)


def read(path: Path, default_time: datetime | None = None) -> ReadResult:
    """Positions and identities of an NMEA log, with rejects by reason."""
    decoder = _Decoder(to_us(default_time) if default_time is not None else None)
    for raw in _lines(path):
        decoder.line(raw)
    decoder.finish()
    positions, position_rejects = validate.positions(decoder.position_table(), path.name)
    identities, identity_rejects = validate.identities(decoder.identities.table(), path.name)
    rejects = validate.merge_rejects(decoder.rejects, position_rejects, identity_rejects)
    return ReadResult(positions, identities, rejects)
