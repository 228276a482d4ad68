from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from sanctionwatch.db import make_engine
from sanctionwatch.lists import bundled
from sanctionwatch.lists.load import load_paths
from sanctionwatch.maritime.detectors.base import utc
from sanctionwatch.maritime.detectors.designated import (
    DesignatedDetector,
    normalise_name,
    normalise_name_sql,
)
from sanctionwatch.maritime.detectors.dialect import DUCKDB, SPARK
from sanctionwatch.maritime.detectors.inputs import Inputs
from sanctionwatch.maritime.detectors.registry_vessels import (
    ListedVessel,
    designated_from_list,
    designated_table,
)
from sanctionwatch.maritime.simulate.model import Scenario, TruthEvent
from tests.conftest import OFAC
from tests.maritime.detectors.harness import assert_agree, events

NOTE = re.compile(r"^(?P<name>.+) \(IMO (?P<imo>\d{7})\)")


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The bundled lists (UN, OFAC SDN 2024-05-03) after the OFAC SDN of 2021-07-07, so that
    the vessels OFAC delisted in between have ended statements."""
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('registry') / 'store.db'}")
    list(load_paths(engine, [OFAC / "full-2021-07-07" / "sdn.csv", *bundled.paths()]))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def designated(registry: Engine) -> pa.Table:
    return designated_table(registry)


@pytest.fixture(scope="module")
def inputs(scenario_inputs: Inputs, designated: pa.Table) -> Inputs:
    return replace(scenario_inputs, designated=designated)


def _listed(scenario: Scenario) -> list[TruthEvent]:
    return [t for t in scenario.truth if t.type == "designated"]


def test_the_registry_lists_each_identifier_of_each_vessel(designated: pa.Table) -> None:
    artavil = designated.filter(pc.equal(designated["entity_id"], "ofac-15036")).to_pylist()
    assert {(r["imo"], r["mmsi"], r["name"]) for r in artavil} == {
        (9187629, None, None),
        (None, 572469210, None),
        (None, None, "ARTAVIL"),
        (None, None, "ALPHA"),  # f.k.a. in the remarks
        (None, None, "ABADAN"),  # names of the 2021 list's alt.csv, dropped since: kept
        (None, None, "SHONA"),
    }
    assert {r["caption"] for r in artavil} == {"ARTAVIL"}
    kinds = [sum(r[k] is not None for k in ("imo", "mmsi", "name")) for r in designated.to_pylist()]
    assert set(kinds) == {1}


def test_vessels_delisted_since_2021_end_at_the_2024_version(designated: pa.Table) -> None:
    ended = designated.filter(pc.is_valid(designated["until_s"]))
    assert ended.num_rows > 0
    assert set(ended["until_s"].to_pylist()) == {int(datetime(2024, 5, 3, tzinfo=UTC).timestamp())}
    neka = ended.filter(pc.equal(ended["entity_id"], "ofac-15063"))  # IMICO NEKA 456
    assert 9404558 in neka["imo"].to_pylist()
    assert pc.count(designated["since_s"]).as_py() == 0  # OFAC's CSV gives no listing dates


def test_the_scenarios_designated_vessels_are_found(scenario: Scenario, inputs: Inputs) -> None:
    found = {e.mmsi[0]: e for e in events(DesignatedDetector(), inputs, "duckdb")}
    assert _listed(scenario)
    for truth in _listed(scenario):
        listed = NOTE.match(truth.note)
        assert listed, truth.note
        event = found[truth.mmsi[0]]
        assert event.details["matched_by"] == "imo" and event.severity == "high"
        assert event.details["matched"] == listed["imo"]
        assert event.details["caption"] == listed["name"]
        assert event.start <= truth.start + timedelta(minutes=10)
        assert event.end >= truth.end - timedelta(minutes=10) or _renamed(scenario, truth)


def _renamed(scenario: Scenario, truth: TruthEvent) -> bool:
    """A hull that took a new MMSI is seen under the old one only until then."""
    return any(
        t.type == "identity_change" and t.mmsi[0] == truth.mmsi[0] and len(t.mmsi) == 2
        for t in scenario.truth
    )


def test_a_new_mmsi_of_a_designated_hull_is_found_by_its_imo(
    scenario: Scenario, inputs: Inputs
) -> None:
    found = events(DesignatedDetector(), inputs, "duckdb")
    for change in (t for t in scenario.truth if t.type == "identity_change" and len(t.mmsi) == 2):
        (event,) = [e for e in found if e.mmsi == (change.mmsi[1],)]
        assert event.details["matched_by"] == "imo"
        assert change.start <= event.start <= change.start + timedelta(minutes=10)
        assert event.details["caption"] in change.note


def test_no_other_vessel_is_flagged(scenario: Scenario, inputs: Inputs) -> None:
    found = {e.mmsi[0] for e in events(DesignatedDetector(), inputs, "duckdb")}
    renamed = {t.mmsi[1] for t in scenario.truth if t.type == "identity_change" and len(t.mmsi) > 1}
    assert found == {t.mmsi[0] for t in _listed(scenario)} | renamed


def test_engines_agree_on_the_scenario(scenario: Scenario, inputs: Inputs, spark: Any) -> None:
    assert len(assert_agree(DesignatedDetector(), inputs, spark)) > len(_listed(scenario))


def _one(scenario: Scenario, scenario_inputs: Inputs) -> tuple[int, int, str, list[int]]:
    """A designated hull of the scenario: its MMSI, IMO, listed name and report times."""
    truth = next(t for t in _listed(scenario) if not _renamed(scenario, t))
    listed = NOTE.match(truth.note)
    assert listed
    ids = scenario_inputs.identities
    times = sorted(ids.filter(pc.equal(ids["mmsi"], truth.mmsi[0]))["t"].to_pylist())
    return truth.mmsi[0], int(listed["imo"]), listed["name"], times


def _detect(scenario_inputs: Inputs, *vessels: ListedVessel, spark: Any = None) -> list[Any]:
    inputs = replace(scenario_inputs, designated=designated_from_list(vessels))
    return assert_agree(DesignatedDetector(), inputs, spark)


def test_time_bounds(scenario: Scenario, scenario_inputs: Inputs) -> None:
    _, imo, name, times = _one(scenario, scenario_inputs)
    middle = times[len(times) // 2]
    later = ListedVessel("x", name, imo=imo, since=utc(times[-1] + 1))
    assert _detect(scenario_inputs, later) == []
    (since,) = _detect(scenario_inputs, ListedVessel("x", name, imo=imo, since=utc(middle)))
    assert since.start == utc(middle)
    (until,) = _detect(scenario_inputs, ListedVessel("x", name, imo=imo, until=utc(middle)))
    assert until.start == utc(times[0])
    assert len(until.evidence) == len([t for t in times if t < middle])
    assert until.end > utc(middle)  # the MMSI is followed to its last fix


def test_a_name_alone_is_medium_and_the_strongest_match_wins(
    scenario: Scenario, scenario_inputs: Inputs, spark: Any
) -> None:
    mmsi, _, name, _ = _one(scenario, scenario_inputs)
    messy = f"  {name.lower().replace(' ', '-')}@@ "
    (by_name,) = _detect(scenario_inputs, ListedVessel("x", "X", name=messy), spark=spark)
    assert by_name.mmsi == (mmsi,) and by_name.severity == "medium"
    assert by_name.details == {
        "entity_id": "x",
        "caption": "X",
        "matched_by": "name",
        "matched": name,
    }
    both = [ListedVessel("x", "X", name=name), ListedVessel("x", "X", mmsi=mmsi)]
    (by_mmsi,) = _detect(scenario_inputs, *both, spark=spark)
    assert by_mmsi.details["matched_by"] == "mmsi" and by_mmsi.details["matched"] == str(mmsi)
    assert by_mmsi.severity == "high"


TRICKY = ["ß", "ﬁsh", "İstanbul", "ǅ", "Kum-Un  San@@@", "a\tb\nc", "  ", "Nº 5", "", None]


def test_name_normalisation_examples(spark: Any) -> None:
    expected = [None, "SH", "STANBUL", None, "KUM UN SAN", "A B C", None, "N 5", None, None]
    assert [normalise_name(n) for n in TRICKY] == expected
    assert _duckdb_names(TRICKY) == expected
    frame = spark.createDataFrame([(n,) for n in TRICKY], "name string")
    frame.createOrReplaceTempView("names")
    rows = spark.sql(f"SELECT {normalise_name_sql(SPARK, 'name')} AS n FROM names").collect()
    assert [r["n"] for r in rows] == expected


def _duckdb_names(names: list[str | None]) -> list[str | None]:
    con = duckdb.connect()
    try:
        con.register("names", pa.table({"name": pa.array(names, pa.string())}))
        query = f"SELECT {normalise_name_sql(DUCKDB, 'name')} FROM names"
        return [row[0] for row in con.execute(query).fetchall()]
    finally:
        con.close()


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.text(st.characters(exclude_categories=["Cs"]))), max_size=20)
)
def test_sql_and_python_normalise_names_alike(names: list[str | None]) -> None:
    assert _duckdb_names(names) == [normalise_name(n) for n in names]
