"""What a detector is, and how its result rows become stamped events."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, ClassVar, Protocol

from sanctionwatch.maritime.detectors.dialect import Dialect
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.model import Event

#: Every detector's query returns these columns (then its own detail columns):
#: mmsi BIGINT, mmsi2 BIGINT (the other vessel, or NULL), start_s / end_s BIGINT epoch
#: seconds, lat / lon DOUBLE, severity VARCHAR, evidence ARRAY<BIGINT> (row ids).
EVENT_COLUMNS = ("mmsi", "mmsi2", "start_s", "end_s", "lat", "lon", "severity", "evidence")
Row = dict[str, Any]


class Params(Protocol):
    """A frozen dataclass of a detector's parameters (defaults are GFW's where GFW has one)."""


class Stamped(Protocol):
    name: ClassVar[str]  # e.g. "gap"
    event_type: ClassVar[str]  # gap, encounter, loitering, port_visit, identity, designated
    version: ClassVar[str]  # bumped whenever the logic changes

    @property
    def params(self) -> Any: ...

    def sql(self, dialect: Dialect) -> str:
        """The detector's one definition, over the views its inputs provide."""
        ...


class Detector(Stamped, Protocol):
    def oracle(self, inputs: Inputs) -> list[Row]:
        """The same result rows, computed plainly in Python: the tests' reference."""
        ...


@dataclass(frozen=True)
class Stamp:
    detector: str
    version: str
    params: dict[str, Any]


def stamp(detector: Stamped) -> Stamp:
    return Stamp(detector.name, detector.version, asdict(detector.params))


def event_id(
    kind: str, mmsi: tuple[int, ...], start_s: int, s: Stamp, details: dict[str, Any]
) -> str:
    """Content-derived: the same event from the same data and parameters has the same id; two
    events of one vessel at one time differ in their details (port, entity, kind...)."""
    blob = json.dumps(
        [kind, list(mmsi), start_s, s.detector, s.version, s.params, details], sort_keys=True
    )
    return hashlib.blake2b(blob.encode(), digest_size=10).hexdigest()


def utc(seconds: int) -> datetime:
    return datetime.fromtimestamp(int(seconds), UTC)


def to_events(detector: Stamped, rows: list[Row], synthetic: bool = False) -> list[Event]:
    """Stamp result rows (from an engine or the oracle) as events, in a stable order."""
    s = stamp(detector)
    events = []
    for row in rows:
        mmsi = tuple(sorted(int(m) for m in (row["mmsi"], row["mmsi2"]) if m is not None))
        details = {k: _plain(v) for k, v in row.items() if k not in EVENT_COLUMNS}
        events.append(
            Event(
                id=event_id(detector.event_type, mmsi, int(row["start_s"]), s, details),
                type=detector.event_type,
                mmsi=mmsi,
                start=utc(row["start_s"]),
                end=utc(row["end_s"]),
                lat=float(row["lat"]),
                lon=float(row["lon"]),
                severity=str(row["severity"]),
                detector=s.detector,
                params=s.params,
                version=s.version,
                evidence=tuple(sorted({int(r) for r in row["evidence"]})),
                details=details,
                synthetic=synthetic,
            )
        )
    return sorted(events, key=lambda e: (e.start, e.mmsi, e.type, e.id))


def _plain(value: Any) -> Any:
    """Engine values as JSON-ready Python: floats rounded to 6 places, arrays as lists."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, Decimal):
        value = float(value)
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
