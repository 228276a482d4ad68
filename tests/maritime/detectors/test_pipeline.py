"""The whole detection pipeline (every detector, then the chain) on each engine."""

from __future__ import annotations

from typing import Any

from sanctionwatch.maritime.detection import detect_inputs
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.detectors.registry import names
from sanctionwatch.maritime.simulate.model import Scenario


def test_duckdb_spark_and_the_oracles_give_the_same_events(
    scenario_inputs: Inputs, spark: Any
) -> None:
    duck = detect_inputs(scenario_inputs, "duckdb")
    assert detect_inputs(scenario_inputs, "oracle") == duck
    assert detect_inputs(scenario_inputs, "spark") == duck
    assert len({e.id for e in duck}) == len(duck)  # ids tell every event apart


def test_every_injected_kind_is_found(scenario: Scenario, scenario_inputs: Inputs) -> None:
    found = detect_inputs(scenario_inputs, "duckdb")
    kinds = {e.type for e in found}
    assert {"gap", "encounter", "loitering", "port_visit", "identity", "chain"} <= kinds
    assert set(names()) >= {"gap", "encounter", "loitering", "port_visit", "designated"}
    chain = [e for e in found if e.type == "chain"]
    (truth,) = [t for t in scenario.truth if t.type == "chain"]
    assert any(set(truth.mmsi) == set(e.mmsi) for e in chain)
