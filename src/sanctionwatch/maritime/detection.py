"""Run the detectors over the positions store on one engine and keep what they find.

detect(store, engine=...)  -> Detection: the events, stamped, ready to save
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from sanctionwatch.errors import InputError
from sanctionwatch.maritime.detectors import engines
from sanctionwatch.maritime.detectors.base import Detector, Row, to_events
from sanctionwatch.maritime.detectors.chain import ChainDetector, events_table
from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.detectors.registry import detectors as all_detectors
from sanctionwatch.maritime.model import Event
from sanctionwatch.maritime.store import BBox, PositionStore

ENGINES = ("duckdb", "spark")


@dataclass(frozen=True)
class Detection:
    events: list[Event]
    positions: int
    engine: str
    scope: dict[str, Any]


def detect(
    store: PositionStore,
    *,
    engine: str = "duckdb",
    since: datetime | None = None,
    until: datetime | None = None,
    bbox: BBox | None = None,
    designated: pa.Table | None = None,
    detectors: Sequence[Detector] | None = None,
) -> Detection:
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: choose {' or '.join(ENGINES)}")
    positions = store.positions(since, until, bbox)
    identities = store.identities(since, until)
    inputs = prepare(positions, identities, designated)
    found = detect_inputs(inputs, engine, detectors)
    synthetic = _synthetic_ids(positions)
    if synthetic is not None:
        found = [_mark(e, synthetic) for e in found]
    scope = {
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "bbox": list(bbox) if bbox else None,
    }
    return Detection(found, positions.num_rows, engine, scope)


def detect_inputs(
    inputs: Inputs, engine: str = "duckdb", detectors: Sequence[Detector] | None = None
) -> list[Event]:
    """Every detector, then the chain over their events, on one engine."""
    chosen = list(detectors) if detectors is not None else all_detectors()
    chain = ChainDetector()
    if engine == "spark":
        with engines.spark_session() as session:
            rows = engines.run_spark(chosen, inputs, session)
            found = _stamp(chosen, rows)
            chained = engines.run_spark([chain], events_table(found), session)["chain"]
    else:
        rows = engines.run(chosen, inputs, "duckdb" if engine == "duckdb" else "oracle")
        found = _stamp(chosen, rows)
        chain_inputs = events_table(found)
        chained = (
            engines.run_duckdb([chain], chain_inputs)["chain"]
            if engine == "duckdb"
            else chain.oracle(chain_inputs)
        )
    return sorted(found + to_events(chain, chained), key=lambda e: (e.start, e.mmsi, e.type, e.id))


def _stamp(chosen: Sequence[Detector], rows: dict[str, list[Row]]) -> list[Event]:
    return [e for d in chosen for e in to_events(d, rows[d.name])]


def _synthetic_ids(positions: pa.Table) -> set[int] | None:
    """None when no position is synthetic; else the row ids of the synthetic ones."""
    flags = pc.starts_with(positions["source"], "synthetic:")
    if not pc.any(flags).as_py():
        return None
    return set(positions.filter(flags)["row_id"].to_pylist())


def _mark(event: Event, synthetic: set[int]) -> Event:
    from dataclasses import replace

    if event.evidence and any(r in synthetic for r in event.evidence):
        return replace(event, synthetic=True)
    return event
