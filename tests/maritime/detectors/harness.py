"""Check that a detector gives the same events from its oracle, DuckDB and Spark."""

from __future__ import annotations

from typing import Any

from sanctionwatch.maritime.detectors.base import Detector, to_events
from sanctionwatch.maritime.detectors.engines import run_duckdb, run_spark
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.model import Event


def events(detector: Detector, inputs: Inputs, engine: str, spark: Any = None) -> list[Event]:
    if engine == "oracle":
        rows = detector.oracle(inputs)
    elif engine == "duckdb":
        rows = run_duckdb([detector], inputs)[detector.name]
    else:
        rows = run_spark([detector], inputs, spark)[detector.name]
    return to_events(detector, rows)


def assert_agree(detector: Detector, inputs: Inputs, spark: Any = None) -> list[Event]:
    """Oracle == DuckDB (== Spark when a session is given); returns the oracle's events."""
    expected = events(detector, inputs, "oracle")
    assert events(detector, inputs, "duckdb") == expected
    if spark is not None:
        assert events(detector, inputs, "spark", spark) == expected
    return expected
