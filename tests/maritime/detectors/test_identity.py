"""Identity detectors: real GFW tracks, the scenario's injected identity tricks, hand-made
reports with known answers, and oracle == DuckDB (== Spark) on generated inputs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.detectors.base import Detector, to_events
from sanctionwatch.maritime.detectors.engines import run_duckdb, run_spark
from sanctionwatch.maritime.detectors.identity import (
    ChangeDetector,
    FlagDetector,
    ImoSharedDetector,
    InvalidImoDetector,
    InvalidMmsiDetector,
    SharedMmsiDetector,
    SpoofDetector,
    identity_detectors,
)
from sanctionwatch.maritime.detectors.inputs import Inputs, prepare
from sanctionwatch.maritime.model import IDENTITIES, UTC_US, Event
from sanctionwatch.maritime.simulate.model import Scenario, TruthEvent
from tests.maritime import synthetic
from tests.maritime.detectors.strategies import MIDNIGHT, fleets

TRACKS = [SpoofDetector(), SharedMmsiDetector()]


def _key(e: Event) -> tuple[Any, ...]:
    return e.id, e.evidence, repr(e.details)


def agree(detectors: Sequence[Detector], inputs: Inputs, spark: Any = None) -> dict[str, Any]:
    """Oracle == DuckDB (== Spark) for each detector, one engine run for all; the oracle's
    events by detector name. Events of one detector may share an id (reports of one MMSI at
    the same second), so lists are compared in (id, evidence, details) order."""
    expected = {d.name: sorted(to_events(d, d.oracle(inputs)), key=_key) for d in detectors}
    engines = [run_duckdb(detectors, inputs)]
    if spark is not None:
        engines.append(run_spark(detectors, inputs, spark))
    for rows in engines:
        for d in detectors:
            assert sorted(to_events(d, rows[d.name]), key=_key) == expected[d.name], d.name
    return expected


# --- real GFW tracks


def test_416000000_is_several_vessels_at_once(gfw_inputs: dict[int, Inputs], spark: Any) -> None:
    found = agree(TRACKS, gfw_inputs[416000000], spark)["identity_shared_mmsi"]
    assert len(found) >= 5
    assert all(e.severity == "high" and e.details["kind"] == "shared_mmsi" for e in found)
    assert all(e.details["km"] > 50 and e.details["overlap_hours"] >= 1 for e in found)
    # Taiwan and the Indian Ocean (-9, 60) at once: thousands of km within minutes
    assert any(e.details["km"] > 5000 and e.details["dt_s"] < 3600 for e in found)


def test_338013000_noise_is_spoofing_not_a_second_vessel(
    gfw_inputs: dict[int, Inputs], spark: Any
) -> None:
    inputs = gfw_inputs[338013000]
    found = agree(TRACKS, inputs, spark)
    assert found["identity_shared_mmsi"] == []
    spoofs = found["identity_spoof"]
    noise = pc.sum(inputs.segmented["noise"]).as_py()
    assert noise == 23 and sum(e.details["fixes"] for e in spoofs) == noise
    assert len({r for e in spoofs for r in e.evidence}) == noise
    assert all(e.severity == "medium" and e.details["max_speed_kn"] > 100 for e in spoofs)


def test_a_clean_track_has_no_identity_event(gfw_inputs: dict[int, Inputs]) -> None:
    found = agree(identity_detectors(), gfw_inputs[263576000])
    assert all(events == [] for events in found.values())


# --- the simulated scenario


KINDS = ("spoof", "mmsi_shared", "identity_change")


@pytest.fixture(scope="module")
def scenario_part(scenario: Scenario) -> Inputs:
    """The scenario's vessels with injected identity tricks and ten others. Spark keeps some
    100-300 MB per query over the whole scenario until its cleaner runs, too much for seven
    queries in a row in the shared 1 GB test session."""
    tricks = {m for t in scenario.truth if t.type in KINDS for m in t.mmsi}
    others = sorted(set(scenario.positions["mmsi"].to_pylist()) - tricks)[:10]
    keep = pa.array(sorted(tricks | set(others)), pa.int64())
    return prepare(
        scenario.positions.filter(pc.is_in(scenario.positions["mmsi"], keep)),
        scenario.identities.filter(pc.is_in(scenario.identities["mmsi"], keep)),
    )


def test_engines_agree_on_the_scenario(scenario_inputs: Inputs) -> None:
    agree(identity_detectors(), scenario_inputs)


def test_spark_agrees_on_the_scenario_vessels(scenario_part: Inputs, spark: Any) -> None:
    found = agree(identity_detectors(), scenario_part, spark)
    # the simulator broadcasts valid MMSIs and IMOs: the invalid-number kinds have hand-made tests
    invalid = {"identity_invalid_mmsi", "identity_invalid_imo"}
    assert all(found[d.name] for d in identity_detectors() if d.name not in invalid)


def _matches(truth: TruthEvent, found: dict[str, list[Event]]) -> bool:
    hour = timedelta(hours=1)
    if truth.type == "spoof":
        candidates = found["identity_spoof"]
        return any(
            truth.mmsi[0] in e.mmsi and e.start <= truth.end + hour and e.end >= truth.start - hour
            for e in candidates
        )
    if truth.type == "mmsi_shared":
        return any(truth.mmsi[0] in e.mmsi for e in found["identity_shared_mmsi"])
    name = "identity_change" if len(truth.mmsi) == 1 else "identity_imo_shared"
    return any(
        set(truth.mmsi) <= set(e.mmsi) and abs(e.start - truth.start) <= hour for e in found[name]
    )


def test_injected_identity_tricks_are_found(scenario: Scenario, scenario_inputs: Inputs) -> None:
    detectors = identity_detectors()
    rows = run_duckdb(detectors, scenario_inputs)
    found = {d.name: to_events(d, rows[d.name]) for d in detectors}
    truths = [t for t in scenario.truth if t.type in KINDS]
    recall = {k: [_matches(t, found) for t in truths if t.type == k] for k in KINDS}
    print({k: f"{sum(hits)}/{len(hits)}" for k, hits in recall.items()})
    assert all(hits and all(hits) for hits in recall.values()), recall
    [rename] = found["identity_imo_shared"]  # XIN GUANG HAI re-registered under a new MMSI
    assert rename.details["imo"] == 9004700 and rename.severity == "medium"


# --- hand-made reports with known answers

T = MIDNIGHT
DPRK, HK, BAD = 445_123_456, 477_252_796, 12_345


def identities(rows: list[dict[str, Any]]) -> pa.Table:
    """An IDENTITIES table (times in seconds) with distinct row ids."""
    full = [
        {f.name: None for f in IDENTITIES}
        | {"row_id": 1_000 + 7_919 * i - 50_000, "source": "test"}
        | row
        | {"ts": row["ts"] * 1_000_000}
        for i, row in enumerate(rows)
    ]
    schema = IDENTITIES.set(2, pa.field("ts", pa.int64(), nullable=False))
    table = pa.Table.from_pylist(full, schema=schema)
    return table.set_column(2, IDENTITIES.field("ts"), table["ts"].cast(UTC_US)).cast(IDENTITIES)


def report(mmsi: int, hours: float, **fields: Any) -> dict[str, Any]:
    return {"mmsi": mmsi, "ts": T + int(hours * 3600), **fields}


def handmade() -> Inputs:
    positions = synthetic.table(
        [DPRK, DPRK, HK, HK, BAD, BAD],
        [T, T + 7200, T, T + 7200, T, T + 600],
        [39.0, 39.1, 30.0, 30.1, 10.0, 10.01],
        [125.0, 125.1, 122.0, 122.1, 100.0, 100.0],
    )
    reports = [
        report(DPRK, 0, name="Sea Star", callsign="HM1", imo=9074729, flag="PA"),
        report(DPRK, 1, name=" SEA STAR ", callsign=None, imo=0, flag=" pa"),
        report(DPRK, 2, name="SEA MOON", callsign="HM1", imo=9074729, flag="KP"),
        report(HK, 0.5, name="OCEAN", imo=9074728, flag="kr"),
        report(HK, 1.5, name="OCEAN", imo=9074729, flag="HK"),
        report(999_999_999, 1, name="NOWHERE", imo=9074729, flag="KP"),  # no fix: left out
    ]
    return prepare(positions, identities(reports))


def test_flag_against_mid() -> None:
    found = agree([FlagDetector()], handmade())["identity_flag"]
    flags = {(e.mmsi[0], e.details["flag"]): e for e in found}
    assert set(flags) == {(DPRK, "PA"), (HK, "KR")}
    assert flags[DPRK, "PA"].severity == "high" and flags[DPRK, "PA"].details["reports"] == 2
    assert flags[HK, "KR"].severity == "low" and flags[HK, "KR"].details["mid_country"] == "HK"
    assert (flags[HK, "KR"].lat, flags[HK, "KR"].lon) == (30.0, 122.0)


def test_invalid_numbers() -> None:
    inputs = handmade()
    found = agree([InvalidMmsiDetector(), InvalidImoDetector()], inputs)
    [mmsi] = found["identity_invalid_mmsi"]
    assert mmsi.mmsi == (BAD,) and mmsi.details["reports"] == 2 and mmsi.severity == "low"
    [imo] = found["identity_invalid_imo"]
    assert imo.mmsi == (HK,) and imo.details["imo"] == 9074728


def test_changes_of_name_callsign_and_imo() -> None:
    found = agree([ChangeDetector(), ImoSharedDetector()], handmade())
    changes = {e.mmsi[0]: e for e in found["identity_change"]}
    assert len(found["identity_change"]) == 2  # " SEA STAR ", no call sign, IMO 0: no change
    name, imo = changes[DPRK], changes[HK]
    assert name.mmsi == (DPRK,) and name.start.timestamp() == T + 7200
    assert name.details["fields"] == ["name"] and name.details["old_callsign"] is None
    assert (name.details["old_name"], name.details["new_name"]) == ("SEA STAR", "SEA MOON")
    assert len(name.evidence) == 2 and name.severity == "medium"
    assert imo.mmsi == (HK,) and imo.details["fields"] == ["imo"]
    assert (imo.details["old_imo"], imo.details["new_imo"]) == (9074728, 9074729)
    [shared] = found["identity_imo_shared"]
    assert shared.mmsi == (DPRK, HK) and shared.details["imo"] == 9074729
    assert shared.start.timestamp() == T + 5400 and len(shared.evidence) == 3


# --- generated inputs: oracle == DuckDB

MMSIS = [DPRK, HK, 352_506_476, 667_682_279, BAD, 1_234_567_890, 970_123_456, 2_320_001, 0]
NAMES = [None, "", "SEA STAR", " sea star ", "Sea Moon", "KUM UN SAN"]
CALLSIGNS = [None, " ", "HFNC4", "hfnc4 ", "KDJC5"]
FLAGS = [None, "", "KP", " kp", "PA", "HK", "XX"]
IMOS = st.one_of(
    st.sampled_from([None, 0, -5, 9_074_729, 9_074_728, 9_004_700, 12_345_678, 9_004_700]),
    st.integers(1_000_000, 9_999_999),
)


@st.composite
def reports(draw: st.DrawFn) -> Inputs:
    """A few MMSIs (some malformed), each with 0-3 fixes and 0-6 identity reports whose
    values flip between spellings, blanks and other values, on a 10-minute time grid (so
    reports share seconds with fixes and with each other)."""
    mmsis = draw(st.lists(st.sampled_from(MMSIS), min_size=1, max_size=4, unique=True))
    fixes: list[tuple[int, int]] = []
    rows = []
    for m in mmsis:
        fixes += [(m, k) for k in draw(st.lists(st.integers(0, 11), max_size=3, unique=True))]
        for _ in range(draw(st.integers(0, 6))):
            fields = {
                "name": draw(st.sampled_from(NAMES)),
                "callsign": draw(st.sampled_from(CALLSIGNS)),
                "imo": draw(IMOS),
                "flag": draw(st.sampled_from(FLAGS)),
            }
            rows.append(report(m, draw(st.integers(-1, 12)) / 6, **fields))
    positions = synthetic.table(
        [m for m, _ in fixes],
        [T + 600 * k for _, k in fixes],
        [30 + k / 10 for _, k in fixes],
        [120 + k / 10 for _, k in fixes],
    )
    return prepare(positions, identities(rows))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_oracle_and_duckdb_agree_on_random_reports(inputs: Inputs) -> None:
    agree(identity_detectors(), inputs)


@st.composite
def jumpy_fleets(draw: st.DrawFn) -> pa.Table:
    """`fleets()` with some fixes thrown 3-8 degrees away, and maybe a second vessel
    broadcasting a first one's MMSI 2-6 degrees away, a few seconds off its times."""
    fleet = draw(fleets())
    mmsi = fleet["mmsi"].to_pylist()
    ts = [t // 1_000_000 for t in pc.cast(fleet["ts"], pa.int64()).to_pylist()]
    lat, lon = fleet["lat"].to_pylist(), fleet["lon"].to_pylist()
    for i in draw(st.lists(st.integers(0, len(mmsi) - 1), max_size=6, unique=True)):
        lat[i] += draw(st.sampled_from([-8.0, -3.0, 3.0, 8.0]))
    if draw(st.booleans()):
        shift = draw(st.sampled_from([2.0, 6.0]))
        twin = [i for i, m in enumerate(mmsi) if m == mmsi[0]]
        mmsi += [mmsi[0]] * len(twin)
        ts += [ts[i] + 7 for i in twin]
        lat += [lat[i] - shift for i in twin]
        lon += [lon[i] for i in twin]
    return synthetic.table(mmsi, ts, lat, lon)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(jumpy_fleets())
def test_oracle_and_duckdb_agree_on_jumpy_fleets(positions: pa.Table) -> None:
    agree(TRACKS, prepare(positions))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fleets())
def test_oracle_and_duckdb_agree_on_fleets(positions: pa.Table) -> None:
    agree(identity_detectors(), prepare(positions))
