"""The scenario simulator: determinism, schemas, labels, and truth that is really in the data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from sanctionwatch.maritime.geo import (
    distance_to_shore_km,
    find_port,
    haversine_km,
    nearest_port_index,
)
from sanctionwatch.maritime.model import IDENTITIES, POSITIONS
from sanctionwatch.maritime.simulate import Scenario, TruthEvent, simulate, write_scenario
from sanctionwatch.maritime.simulate.fleet import designated_vessels

START = datetime(2024, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return simulate(seed=7, start=START, hours=72, vessels=60, name="test")


@pytest.fixture(scope="module")
def frame(scenario: Scenario) -> pd.DataFrame:
    return scenario.positions.to_pandas()


def _of(
    frame: pd.DataFrame, mmsi: int, event: TruthEvent, pad: timedelta = timedelta(0)
) -> pd.DataFrame:
    rows = frame[frame.mmsi == mmsi]
    return rows[(rows.ts >= event.start - pad) & (rows.ts <= event.end + pad)]


def _events(scenario: Scenario, kind: str) -> list[TruthEvent]:
    events = [e for e in scenario.truth if e.type == kind]
    assert events, f"no {kind} event injected"
    return events


def test_same_seed_same_tables_other_seed_other_tables(scenario: Scenario) -> None:
    again = simulate(seed=7, start=START, hours=72, vessels=60, name="test")
    assert again.positions.equals(scenario.positions)
    assert again.identities.equals(scenario.identities)
    assert again.truth == scenario.truth
    other = simulate(seed=8, start=START, hours=72, vessels=60, name="test")
    assert not other.positions.equals(scenario.positions)


def test_tables_have_the_store_schemas_and_are_labelled_synthetic(scenario: Scenario) -> None:
    assert scenario.positions.schema.equals(POSITIONS)
    assert scenario.identities.schema.equals(IDENTITIES)
    label = "synthetic:test:seed=7"
    assert set(scenario.positions.column("source").to_pylist()) == {label}
    assert set(scenario.identities.column("source").to_pylist()) == {label}
    ids = scenario.positions.column("row_id").to_numpy()
    assert np.unique(ids).size == ids.size


def test_sts_meetings_are_within_500_m_and_below_2_knots_for_2_hours(
    scenario: Scenario, frame: pd.DataFrame
) -> None:
    for event in _events(scenario, "sts"):
        a, b = (_of(frame, m, event).sort_values("ts") for m in event.mmsi)
        assert event.end - event.start >= timedelta(hours=2)
        assert (a.sog < 2).all() and (b.sog < 2).all()
        assert a.ts.max() - a.ts.min() >= timedelta(hours=1, minutes=50)
        nearest = pd.merge_asof(a, b, on="ts", direction="nearest", tolerance=pd.Timedelta("5min"))
        nearest = nearest.dropna(subset=["lat_y"])
        assert len(nearest) > 0.9 * len(a)
        assert (
            haversine_km(nearest.lat_x, nearest.lon_x, nearest.lat_y, nearest.lon_y) < 0.5
        ).all()
        assert float(nearest_port_index(event.lat, event.lon)[1]) >= 10.0


def test_dark_periods_have_no_positions_and_are_away_from_shore(
    scenario: Scenario, frame: pd.DataFrame
) -> None:
    events = _events(scenario, "gap")
    assert any(e.end - e.start >= timedelta(hours=12) for e in events)
    for event in events:
        (mmsi,) = event.mmsi
        inside = _of(frame, mmsi, event)
        assert inside.empty
        around = frame[frame.mmsi == mmsi]
        assert (around.ts < event.start).any() and (around.ts > event.end).any()
        assert float(distance_to_shore_km(event.lat, event.lon)) > 10.0


def test_dprk_port_calls_stay_within_3_km_at_rest_then_leave(
    scenario: Scenario, frame: pd.DataFrame
) -> None:
    for event in _events(scenario, "port_visit"):
        (mmsi,) = event.mmsi
        stay = _of(frame, mmsi, event)
        assert len(stay) > 10
        assert (haversine_km(stay.lat, stay.lon, event.lat, event.lon) < 3.0).all()
        assert (stay.sog < 0.2).all()
        after = frame[(frame.mmsi == mmsi) & (frame.ts > event.end)]
        assert (haversine_km(after.lat, after.lon, event.lat, event.lon) > 4.0).any()
        assert nearest_port_index(event.lat, event.lon)[1] < 0.01  # a gazetteer port


def test_spoofed_positions_jump_hundreds_of_km(scenario: Scenario, frame: pd.DataFrame) -> None:
    for event in _events(scenario, "spoof"):
        (mmsi,) = event.mmsi
        track = frame[frame.mmsi == mmsi].sort_values("ts").reset_index(drop=True)
        hit = track.index[(track.ts >= event.start) & (track.ts <= event.end)]
        assert len(hit) >= 2
        before = track.loc[hit[0] - 1]
        jumped = haversine_km(track.loc[hit, "lat"], track.loc[hit, "lon"], before.lat, before.lon)
        assert (jumped > 200).all()


def test_shared_mmsi_is_in_two_far_apart_places_at_once(
    scenario: Scenario, frame: pd.DataFrame
) -> None:
    for event in _events(scenario, "mmsi_shared"):
        rows = frame[frame.mmsi == event.mmsi[0]].sort_values("ts")
        gap_s = rows.ts.diff().dt.total_seconds()
        jump = haversine_km(rows.lat.shift(), rows.lon.shift(), rows.lat, rows.lon)
        assert ((gap_s < 600) & (jump > 100)).any()


def test_renamed_designated_vessels_change_name_midway(scenario: Scenario) -> None:
    identities = scenario.identities.to_pandas()
    listed = {d.imo: d.name for d in designated_vessels()}
    for event in _events(scenario, "identity_change"):
        old, new = event.mmsi[0], event.mmsi[-1]
        before = identities[(identities.mmsi == old) & (identities.ts < event.start)]
        after = identities[(identities.mmsi == new) & (identities.ts > event.start)]
        assert not before.empty and not after.empty
        assert set(before.name) == {listed[int(before.imo.iloc[0])]}  # the real designated name
        assert set(after.name).isdisjoint(before.name)
        assert set(after.imo) == set(before.imo)


def test_designated_vessels_come_from_the_ofac_list(scenario: Scenario) -> None:
    listed = {d.imo for d in designated_vessels()}
    events = _events(scenario, "designated")
    assert len(events) >= 8
    identities = scenario.identities.to_pandas()
    for event in events:
        imos = set(identities[identities.mmsi == event.mmsi[0]].imo.dropna().astype(int))
        assert imos & listed


def test_loitering_is_slow_for_4_hours_off_the_dprk_coast(
    scenario: Scenario, frame: pd.DataFrame
) -> None:
    nampo = find_port("Nampo")
    for event in _events(scenario, "loitering"):
        rows = _of(frame, event.mmsi[0], event)
        assert event.end - event.start >= timedelta(hours=4)
        assert (rows.sog < 2).all() and len(rows) > 50
        assert haversine_km(event.lat, event.lon, nampo.lat, nampo.lon) < 1200


def test_chain_is_dark_then_sts_then_dprk_port_call(scenario: Scenario) -> None:
    (chain,) = _events(scenario, "chain")
    tanker = chain.mmsi[0]
    parts = [
        e for e in scenario.truth if tanker in e.mmsi and e.type in ("gap", "sts", "port_visit")
    ]
    kinds = [e.type for e in sorted(parts, key=lambda e: e.start)]
    assert kinds == ["gap", "sts", "port_visit"]
    assert parts[-1].start - parts[0].start < timedelta(days=4)


def test_benign_traps_are_there(scenario: Scenario, frame: pd.DataFrame) -> None:
    for event in _events(scenario, "benign_moored_pair"):
        a, b = (frame[frame.mmsi == m] for m in event.mmsi)
        assert float(haversine_km(a.lat.mean(), a.lon.mean(), b.lat.mean(), b.lon.mean())) < 0.1
        assert float(nearest_port_index(event.lat, event.lon)[1]) < 1.0  # berths lie within 0.8 km
    for event in _events(scenario, "benign_port_fishing"):
        rows = frame[frame.mmsi == event.mmsi[0]]
        assert (haversine_km(rows.lat, rows.lon, event.lat, event.lon) < 3.0).all()


def test_vessels_underway_are_at_sea(scenario: Scenario, frame: pd.DataFrame) -> None:
    spoofed = np.zeros(len(frame), bool)
    for event in _events(scenario, "spoof"):
        spoofed |= (
            (frame.mmsi == event.mmsi[0]).to_numpy()
            & (frame.ts >= event.start).to_numpy()
            & (frame.ts <= event.end).to_numpy()
        )
    moving = (frame.sog >= 1.0).to_numpy() & ~spoofed
    lat, lon = frame.lat.to_numpy()[moving], frame.lon.to_numpy()[moving]
    away = nearest_port_index(lat, lon)[1] > 30.0  # port approaches cut 1:110m coasts
    at_sea = distance_to_shore_km(lat[away], lon[away]) > 0
    assert away.sum() > 10_000
    assert at_sea.mean() > 0.99


def test_write_scenario_writes_three_files(scenario: Scenario, tmp_path: Path) -> None:
    paths = write_scenario(scenario, tmp_path / "out")
    assert pq.read_table(paths["positions.parquet"]).equals(scenario.positions)
    assert pq.read_table(paths["identities.parquet"]).equals(scenario.identities)
    truth = json.loads(paths["truth.json"].read_text(encoding="utf-8"))
    assert truth["synthetic"] is True and truth["seed"] == 7
    assert truth["parameters"]["hours"] == 72
    assert len(truth["events"]) == len(scenario.truth)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(paths)
