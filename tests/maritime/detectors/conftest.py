"""Fixtures for detector tests: one Spark session, real GFW tracks and a simulated scenario."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sanctionwatch.maritime.detectors.engines import spark_session
from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.readers import gfw, solent
from sanctionwatch.maritime.simulate import simulate
from sanctionwatch.maritime.simulate.model import Scenario

AIS = Path(__file__).parents[2] / "data" / "ais"


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    with spark_session("local[1]") as session:
        yield session


@pytest.fixture(scope="session")
def gfw_inputs() -> dict[int, Inputs]:
    out = {}
    for mmsi in (263576000, 338013000, 416000000):
        read = gfw.read(AIS / "gfw" / f"{mmsi}.ndjson")
        out[mmsi] = prepare(read.positions, read.identities)
    return out


@pytest.fixture(scope="session")
def solent_inputs() -> Inputs:
    read = solent.read(AIS / "solent.csv")
    return prepare(read.positions, read.identities)


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return simulate(7, datetime(2026, 3, 1, 22, tzinfo=UTC), 72, 60, events=2)


@pytest.fixture(scope="session")
def scenario_inputs(scenario: Scenario) -> Inputs:
    return prepare(scenario.positions, scenario.identities)
