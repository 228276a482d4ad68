from __future__ import annotations

from datetime import timedelta
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.detectors.base import utc
from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.detectors.port_visit import PortVisitDetector
from sanctionwatch.maritime.geo import destination, find_port, nearest_port
from sanctionwatch.maritime.simulate.model import Scenario
from tests.maritime import synthetic
from tests.maritime.detectors.harness import assert_agree, events
from tests.maritime.detectors.strategies import MIDNIGHT

NAMPO = find_port("Nampo")
SLACK = timedelta(minutes=30)


def _off_nampo(legs: list[tuple[int, float, float | None]]) -> Inputs:
    """One vessel's fixes at (seconds after midnight, km east of Nampo, sog)."""
    spots = [destination(NAMPO.lat, NAMPO.lon, 90.0, km) for _, km, _ in legs]
    return prepare(
        synthetic.table(
            [445_000_001] * len(legs),
            [MIDNIGHT + s for s, _, _ in legs],
            [float(lat) for lat, _ in spots],
            [float(lon) for _, lon in spots],
            [sog for _, _, sog in legs],
        )
    )


def test_hysteresis_entry_at_3_km_exit_beyond_4_km() -> None:
    inputs = _off_nampo(
        [(0, 6.0, 9.0), (600, 3.5, 6.0), (1200, 2.5, 4.0), (1800, 3.6, 3.0), (2400, 0.4, 0.0),
         (3000, 3.9, 3.0), (3600, 4.5, 6.0), (4200, 9.0, 9.0)],
    )  # fmt: skip
    (visit,) = assert_agree(PortVisitDetector(), inputs)
    assert visit.start == utc(MIDNIGHT + 1200) and visit.end == utc(MIDNIGHT + 3600)
    assert visit.details["port_id"] == "KP-NAMPO" and visit.details["port_country"] == "KP"
    assert visit.details["stopped"] and visit.severity == "high"
    assert visit.details["hours"] == pytest.approx(2400 / 3600, abs=1e-6)


def test_a_pass_without_a_stop_and_a_visit_open_at_the_end() -> None:
    inputs = _off_nampo([(0, 2.0, 8.0), (600, 5.0, 8.0), (7200, 1.0, 0.3), (7800, 0.5, None)])
    passing, open_ = assert_agree(PortVisitDetector(), inputs)
    assert not passing.details["stopped"]
    assert passing.details["hours"] == pytest.approx(1 / 6, abs=1e-6)
    assert open_.end == open_.start + timedelta(seconds=600)
    # the last fix has no reported speed: its implied speed (0.5 km in 600 s) is no stop
    assert not open_.details["stopped"]


def test_injected_dprk_port_calls_are_found(scenario: Scenario, scenario_inputs: Inputs) -> None:
    found = events(PortVisitDetector(), scenario_inputs, "duckdb")
    calls = [t for t in scenario.truth if t.type == "port_visit"]
    assert calls
    for truth in calls:
        port, _ = nearest_port(truth.lat, truth.lon)
        assert port.country == "KP"
        assert any(
            e.mmsi == truth.mmsi
            and e.details["port_id"] == port.id
            and e.details["stopped"]
            and e.severity == "high"
            and e.start <= truth.start + SLACK
            and e.end >= truth.end - SLACK
            for e in found
        ), truth


def test_only_the_injected_calls_are_at_dprk_ports(
    scenario: Scenario, scenario_inputs: Inputs
) -> None:
    found = events(PortVisitDetector(), scenario_inputs, "duckdb")
    calls = {t.mmsi for t in scenario.truth if t.type == "port_visit"}
    assert {e.mmsi for e in found if e.details["port_country"] == "KP"} == calls


def test_engines_agree_on_the_scenario(scenario_inputs: Inputs, spark: Any) -> None:
    found = assert_agree(PortVisitDetector(), scenario_inputs, spark)
    assert {e.severity for e in found} == {"high", "info"}


def test_the_shared_mmsi_416000000_calls_at_taiwan_and_cameroon_ports(
    gfw_inputs: dict[int, Inputs], spark: Any
) -> None:
    found = assert_agree(PortVisitDetector(), gfw_inputs[416000000], spark)
    ports = {(e.details["port_name"], e.details["port_country"]) for e in found}
    # one MMSI, several ships: Taiwan's ports and, at the same time, Douala (WPI, worldwide)
    assert ports == {("Keelung", "TW"), ("Taichung", "TW"), ("Kaohsiung", "TW"), ("Douala", "CM")}
    assert all(e.severity == "info" for e in found)


def test_solent_boats_visit_the_real_solent_ports(solent_inputs: Inputs, spark: Any) -> None:
    found = assert_agree(PortVisitDetector(), solent_inputs, spark)
    names = {e.details["port_name"] for e in found}
    assert {"Portsmouth Harbour", "Southampton", "Cowes Harbour"} <= names
    assert all(e.details["port_country"] == "GB" and e.severity == "info" for e in found)
    assert find_port("Portsmouth Harbour").country == "GB"


@st.composite
def port_fleets(draw: st.DrawFn, max_vessels: int = 3, max_fixes: int = 30) -> pa.Table:
    """Vessels milling around Nampo (Taean is 11 km away) across a midnight: fixes 0-8 km
    from a centre near the port, pauses up to 30 h (a new segment), speeds around 0.2 kn."""
    centre = destination(NAMPO.lat, NAMPO.lon, 45.0, draw(st.sampled_from([0.0, 3.5, 5.5])))
    mmsi, ts, lat, lon, sog = [], [], [], [], []
    for v in range(draw(st.integers(1, max_vessels))):
        t = MIDNIGHT + draw(st.integers(-20 * 3600, 3600))
        for _ in range(draw(st.integers(1, max_fixes))):
            t += draw(st.sampled_from([0, 60, 600, 3600, 7 * 3600, 30 * 3600]))
            km, bearing = draw(st.floats(0.0, 8.0)), draw(st.floats(0.0, 360.0))
            spot = destination(float(centre[0]), float(centre[1]), bearing, km)
            mmsi.append(445_100_000 + v)
            ts.append(t)
            lat.append(round(float(spot[0]), 6))
            lon.append(round(float(spot[1]), 6))
            sog.append(draw(st.sampled_from([None, 0.0, 0.1, 0.2, 0.5, 9.0])))
    return synthetic.table(mmsi, ts, lat, lon, sog)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(port_fleets())
def test_oracle_and_duckdb_agree_around_a_port(positions: pa.Table) -> None:
    assert_agree(PortVisitDetector(), prepare(positions))
