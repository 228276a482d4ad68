from __future__ import annotations

from datetime import timedelta
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.detectors.loitering import LoiteringDetector, LoiteringParams
from sanctionwatch.maritime.geo.distance import destination
from sanctionwatch.maritime.simulate.model import Scenario
from tests.maritime import synthetic
from tests.maritime.detectors.harness import assert_agree, events
from tests.maritime.detectors.strategies import MIDNIGHT, fleets

SLACK = timedelta(minutes=10)


def _mmsis(scenario: Scenario, kind: str) -> set[int]:
    return {m for t in scenario.truth if t.type == kind for m in t.mmsi}


def test_injected_loitering_is_found(
    scenario: Scenario, scenario_inputs: Inputs, spark: Any
) -> None:
    found = assert_agree(LoiteringDetector(), scenario_inputs, spark)
    truths = [t for t in scenario.truth if t.type == "loitering"]
    assert len(truths) == 2
    for truth in truths:
        assert any(
            e.mmsi == truth.mmsi
            and e.start <= truth.start + SLACK
            and e.end >= truth.end - SLACK
            and e.severity == "high"
            and e.details["zone"] in ("eez:PRK", "kp:west-sea")
            for e in found
        ), truth
    # Anything else can only be the tankers of an STS meeting: slow for over 4 h far from
    # shore (or in DPRK waters) is loitering too.
    others = {e.mmsi[0] for e in found} - _mmsis(scenario, "loitering")
    assert others <= _mmsis(scenario, "sts")


def test_a_port_call_is_not_loitering(scenario: Scenario, scenario_inputs: Inputs) -> None:
    calls = _mmsis(scenario, "port_visit")
    assert not calls & {e.mmsi[0] for e in events(LoiteringDetector(), scenario_inputs, "duckdb")}
    # The call at Rajin lies in the DPRK EEZ, free of the shore filter: only the port filter
    # keeps it out.
    no_port_filter = LoiteringDetector(LoiteringParams(min_port_km=0))
    assert calls & {e.mmsi[0] for e in events(no_port_filter, scenario_inputs, "duckdb")}


def test_engines_agree_on_the_shared_gfw_mmsi(gfw_inputs: dict[int, Inputs], spark: Any) -> None:
    found = assert_agree(LoiteringDetector(), gfw_inputs[416000000], spark)
    assert len(found) == 6
    assert all(e.details["hours"] >= 4 and e.details["shore_km"] >= 37.04 for e in found)
    assert all(e.severity == "medium" for e in found)  # far from any zone


@pytest.mark.parametrize("mmsi", [263576000, 338013000])
def test_engines_agree_on_the_other_gfw_tracks(gfw_inputs: dict[int, Inputs], mmsi: int) -> None:
    found = assert_agree(LoiteringDetector(LoiteringParams(min_hours=1)), gfw_inputs[mmsi])
    assert len(found) == (1 if mmsi == 263576000 else 0)


def _drift(lat: float, lon: float, hours: float = 5.0, knots: float = 0.5) -> pa.Table:
    """A vessel drifting east and west (an hour each way) at `knots`, a fix every 2 minutes."""
    ts, la, lo = [], [], []
    for k in range(int(hours * 30) + 1):
        minutes = 2 * k % 120
        leg = minutes if minutes <= 60 else 120 - minutes
        point = destination(lat, lon, 90.0, knots * 1.852 * leg / 60)
        ts.append(MIDNIGHT + 120 * k)
        la.append(float(point[0]))
        lo.append(float(point[1]))
    return synthetic.table([412_000_001] * len(ts), ts, la, lo)


def test_near_the_shore_only_a_zone_makes_it_loitering() -> None:
    """The same 5 h drift 12-14 km off a coast, over 20 km from any port: in the DPRK EEZ off
    Hungnam it is loitering, off the South Korean east coast it is not."""
    in_dprk_eez = assert_agree(LoiteringDetector(), prepare(_drift(39.66, 127.69)))
    assert len(in_dprk_eez) == 1
    event = in_dprk_eez[0]
    assert event.severity == "high" and event.details["zone"] == "eez:PRK"
    assert event.details["shore_km"] < 37.04 and event.details["hours"] == 5
    assert abs(event.details["median_speed_kn"] - 0.5) < 0.01
    assert assert_agree(LoiteringDetector(), prepare(_drift(36.5, 129.6))) == []
    without_zones = LoiteringDetector(LoiteringParams(zones_without_shore_filter=()))
    assert assert_agree(without_zones, prepare(_drift(39.66, 127.69))) == []


def test_too_short_or_too_fast_is_not_loitering() -> None:
    assert assert_agree(LoiteringDetector(), prepare(_drift(39.66, 127.69, hours=3.9))) == []
    assert assert_agree(LoiteringDetector(), prepare(_drift(39.66, 127.69, knots=2.5))) == []


PARAMS = st.builds(
    LoiteringParams,
    min_hours=st.sampled_from([1.0, 4.0]),
    offshore_km=st.sampled_from([0.0, 37.04]),
    min_port_km=st.sampled_from([0.0, 3.0]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fleets(), PARAMS)
def test_oracle_and_duckdb_agree_on_random_fleets(
    positions: pa.Table, params: LoiteringParams
) -> None:
    assert_agree(LoiteringDetector(params), prepare(positions))
