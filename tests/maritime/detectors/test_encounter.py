from __future__ import annotations

import statistics
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.detectors.encounter import EncounterDetector, EncounterParams
from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.geo.distance import destination
from sanctionwatch.maritime.simulate.model import Scenario
from tests.maritime import synthetic
from tests.maritime.detectors.harness import assert_agree, events
from tests.maritime.detectors.strategies import MIDNIGHT, fleets

HOUR = 3600


def _pairs(scenario: Scenario, kind: str) -> set[tuple[int, ...]]:
    return {tuple(sorted(t.mmsi)) for t in scenario.truth if t.type == kind}


def test_injected_sts_meetings_are_found(
    scenario: Scenario, scenario_inputs: Inputs, spark: Any
) -> None:
    found = assert_agree(EncounterDetector(), scenario_inputs, spark)
    truths = [t for t in scenario.truth if t.type == "sts"]
    assert len(truths) == 3  # two injected meetings and the chain's
    for truth in truths:
        assert any(
            e.mmsi == tuple(sorted(truth.mmsi)) and e.start < truth.end and e.end > truth.start
            for e in found
        ), truth
    assert {e.mmsi for e in found} == _pairs(scenario, "sts")  # and nothing else
    for e in found:  # high in a zone (STS area, DPRK waters) or with a DPRK (445) MMSI
        dprk = any(m // 1_000_000 == 445 for m in e.mmsi)
        assert e.severity == ("high" if e.details["zone"] or dprk else "medium")
    assert all(e.details["median_distance_m"] < 500 for e in found)
    assert all(e.details["median_speed_kn"] < 2 for e in found)


def test_ships_moored_side_by_side_in_port_are_not_encounters(
    scenario: Scenario, scenario_inputs: Inputs
) -> None:
    moored = _pairs(scenario, "benign_moored_pair")
    assert len(moored) == 2
    found = {e.mmsi for e in events(EncounterDetector(), scenario_inputs, "duckdb")}
    assert not moored & found
    # it is the port filter that keeps them out: without it both pairs meet for ~72 h
    no_filter = EncounterDetector(EncounterParams(min_port_km=0))
    assert moored <= {e.mmsi for e in events(no_filter, scenario_inputs, "duckdb")}


def test_no_encounter_among_the_moored_solent_boats(solent_inputs: Inputs, spark: Any) -> None:
    # The boats moored side by side in Portsmouth Harbour are within 10 km of a port (WPI's
    # Portsmouth Harbour, Southampton, Cowes...), so the port filter keeps them out even when
    # a run needs only 1 h (the recording lasts 84 minutes, 13:02-14:26).
    assert assert_agree(EncounterDetector(), solent_inputs) == []
    short = EncounterParams(min_hours=1)
    assert assert_agree(EncounterDetector(short), solent_inputs, spark) == []
    assert statistics.median(solent_inputs.fixes["port_km"].to_pylist()) < 10


def test_without_the_port_filter_the_moorings_would_pair_up(
    solent_inputs: Inputs, spark: Any
) -> None:
    params = EncounterParams(min_hours=1, min_port_km=0.0)
    found = assert_agree(EncounterDetector(params), solent_inputs, spark)
    assert len(found) > 50
    assert all(50.75 < e.lat < 50.82 and -1.13 < e.lon < -1.08 for e in found)  # Portsmouth
    assert all(e.details["median_speed_kn"] < 2 for e in found)


def _positions(legs: list[tuple[int, float, float, float, float]], every_s: int = 300) -> pa.Table:
    """Fixes every `every_s` seconds of vessels at rest at (lat, lon), one per leg
    (mmsi, from, to seconds after MIDNIGHT - 2 h, lat, lon)."""
    mmsi, ts, lat, lon = [], [], [], []
    for m, t0, t1, la, lo in legs:
        for t in range(int(t0), int(t1) + 1, every_s):
            mmsi.append(m)
            ts.append(MIDNIGHT - 2 * HOUR + t)
            lat.append(la)
            lon.append(lo)
    return synthetic.table(mmsi, ts, lat, lon)


def _offset(lat: float, lon: float, km: float, bearing: float = 90.0) -> tuple[float, float]:
    la, lo = destination(lat, lon, bearing, km)
    return float(la), float(lo)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(40.0, 179.9995), (40.0, -179.9999), (89.99, 10.0), (-60.0, 0.0), (0.0, 150.0)],
)
def test_a_meeting_is_found_anywhere_on_earth(lat: float, lon: float) -> None:
    """Across the antimeridian, at the pole, across the prime meridian and the equator."""
    other = _offset(lat, lon, 0.3, bearing=80.0)
    positions = _positions(
        [(412_000_001, 0, 3 * HOUR, lat, lon), (412_000_002, 0, 3 * HOUR, *other)]
    )
    found = assert_agree(EncounterDetector(), prepare(positions))
    assert len(found) == 1
    assert found[0].mmsi == (412_000_001, 412_000_002)
    assert 2.5 <= found[0].details["hours"] <= 3
    assert 299 < found[0].details["median_distance_m"] < 301


def test_600_m_apart_is_not_a_meeting() -> None:
    a, b = (40.0, 179.9995), _offset(40.0, 179.9995, 0.6)
    positions = _positions([(412_000_001, 0, 3 * HOUR, *a), (412_000_002, 0, 3 * HOUR, *b)])
    assert assert_agree(EncounterDetector(), prepare(positions)) == []


@pytest.mark.parametrize(("apart_h", "expected"), [(3, 1), (5, 2)])
def test_meetings_less_than_4_h_apart_are_merged(apart_h: float, expected: int) -> None:
    """Two 2.5 h meetings at rest; in between the second ship waits 2 km away."""
    here, near, far = (35.0, 125.0), _offset(35.0, 125.0, 0.2), _offset(35.0, 125.0, 2.0)
    second = 2.5 * HOUR + apart_h * HOUR
    positions = _positions(
        [
            (412_000_001, 0, second + 2.5 * HOUR, *here),
            (412_000_002, 0, 2.5 * HOUR, *near),
            (412_000_002, 2.5 * HOUR + 900, second - 900, *far),
            (412_000_002, second, second + 2.5 * HOUR, *near),
        ]
    )
    found = assert_agree(EncounterDetector(EncounterParams(min_port_km=0)), prepare(positions))
    assert len(found) == expected
    assert found[0].severity == "medium"  # no zone, no DPRK flag


def test_a_convoy_under_way_is_not_an_encounter() -> None:
    """Side by side 200 m apart for 3 h: an encounter at 1 kn, none at 10 kn."""
    for knots, expected in ((1.0, 1), (10.0, 0)):
        mmsi, ts, lat, lon = [], [], [], []
        for k in range(37):
            lat0, lon0 = _offset(35.0, 125.0, knots * 1.852 * k * 300 / HOUR, bearing=0.0)
            for m, (la, lo) in ((1, (lat0, lon0)), (2, _offset(lat0, lon0, 0.2))):
                mmsi.append(445_000_000 + m)
                ts.append(MIDNIGHT + k * 300)
                lat.append(la)
                lon.append(lo)
        positions = synthetic.table(mmsi, ts, lat, lon)
        found = assert_agree(EncounterDetector(EncounterParams(min_port_km=0)), prepare(positions))
        assert len(found) == expected
        assert all(e.severity == "high" for e in found)  # DPRK-flagged (MID 445)


@st.composite
def meetings(draw: st.DrawFn) -> pa.Table:
    """Two to four vessels within ~600 m of one spot (on the antimeridian or at high latitude
    or not), around a midnight, mostly at rest or drifting, with pauses between fixes."""
    lat0 = draw(st.sampled_from([35.0, 70.0, 89.9, -45.0]))
    lon0 = draw(st.sampled_from([179.9999, -179.9999, 125.0, 0.0]))
    mmsi, ts, lat, lon = [], [], [], []
    for v in range(draw(st.integers(2, 4))):
        t = MIDNIGHT + draw(st.integers(-4 * HOUR, 0))
        la = lat0 + draw(st.floats(-0.004, 0.004))
        lo = lon0 + draw(st.floats(-0.004, 0.004))
        for _ in range(draw(st.integers(2, 60))):
            pause = draw(st.sampled_from([60, 300, 600, 1200, 3 * HOUR]))
            knots = draw(st.sampled_from([0.0, 0.0, 0.3, 1.0, 3.0]))
            step = knots * pause / HOUR / 60 * draw(st.floats(-1.0, 1.0))
            t += pause
            la = min(max(la + step * 0.5, -89.99), 89.99)
            lo = (lo + step + 180.0) % 360.0 - 180.0
            mmsi.append(445_000_000 + v)
            ts.append(t)
            lat.append(round(la, 6))
            lon.append(round(lo, 6))
    return synthetic.table(mmsi, ts, lat, lon)


PARAMS = st.builds(
    EncounterParams,
    min_hours=st.sampled_from([0.5, 2.0]),
    merge_hours=st.sampled_from([1.0, 4.0]),
    min_port_km=st.sampled_from([0.0, 10.0]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings(), PARAMS)
def test_oracle_and_duckdb_agree_on_random_meetings(
    positions: pa.Table, params: EncounterParams
) -> None:
    assert_agree(EncounterDetector(params), prepare(positions))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fleets())
def test_oracle_and_duckdb_agree_on_random_fleets(positions: pa.Table) -> None:
    assert_agree(EncounterDetector(EncounterParams(min_hours=0.5)), prepare(positions))


def test_encounter_reads_no_shared_view() -> None:
    """Encounter works on the grid alone: it must not make the engines build `located`."""
    from sanctionwatch.maritime.detectors.derived import needed
    from sanctionwatch.maritime.detectors.dialect import DUCKDB, SPARK
    from sanctionwatch.maritime.detectors.encounter import EncounterDetector

    assert needed(EncounterDetector().sql(DUCKDB)) == []
    assert needed(EncounterDetector().sql(SPARK)) == []
