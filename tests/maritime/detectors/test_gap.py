from __future__ import annotations

from typing import Any

import pyarrow as pa
from hypothesis import HealthCheck, given, settings

from sanctionwatch.maritime.detectors.gap import GapDetector, GapParams
from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.simulate.model import Scenario
from tests.maritime.detectors.harness import assert_agree, events
from tests.maritime.detectors.strategies import fleets


def test_the_real_6_9_hour_gap_of_263576000(gfw_inputs: dict[int, Inputs], spark: Any) -> None:
    found = assert_agree(GapDetector(), gfw_inputs[263576000], spark)
    assert len(found) == 1
    gap = found[0]
    assert gap.mmsi == (263576000,)
    assert 6.8 < gap.details["hours"] < 6.9
    assert gap.start.isoformat() == "2015-10-15T20:18:50+00:00"
    assert not gap.details["intentional"] and gap.severity == "low"
    assert len(gap.evidence) == 2


def test_shared_mmsi_416000000_has_long_gaps(gfw_inputs: dict[int, Inputs], spark: Any) -> None:
    found = assert_agree(GapDetector(), gfw_inputs[416000000], spark)
    assert len(found) >= 10
    assert all(e.details["hours"] >= 6 for e in found)


def test_a_continuous_track_has_no_gap(gfw_inputs: dict[int, Inputs]) -> None:
    assert assert_agree(GapDetector(), gfw_inputs[338013000]) == []


def test_injected_dark_periods_are_found(scenario: Scenario, scenario_inputs: Inputs) -> None:
    found = events(GapDetector(), scenario_inputs, "duckdb")
    for truth in (t for t in scenario.truth if t.type == "gap"):
        assert any(
            truth.mmsi[0] in e.mmsi
            and e.start <= truth.start + _slack()
            and e.end >= truth.end - _slack()
            for e in found
        ), truth


def _slack() -> Any:
    from datetime import timedelta

    return timedelta(minutes=10)


def test_engines_agree_on_the_scenario(scenario_inputs: Inputs, spark: Any) -> None:
    assert_agree(GapDetector(GapParams(min_hours=3)), scenario_inputs, spark)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fleets())
def test_oracle_and_duckdb_agree_on_random_fleets(positions: pa.Table) -> None:
    assert_agree(GapDetector(), prepare(positions))
