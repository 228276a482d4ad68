"""Cross-list linking of the real UN list with the real OFAC SDN list (2024-05-03).

Hand-verified pairs (read in the source files):
- UN KPe.020 OCEAN MARITIME MANAGEMENT COMPANY, LIMITED: UN comment "IMO Number: 1790183";
  OFAC 17068 remarks "Identification Number IMO 1790183".
- UN KPi.023 KIM TONG MY'ONG: passport 290320764 on both lists (OFAC 11648).
- UN KPi.024 KIM YONG CHOL, born 1962: OFAC 17614 (DOB 18 Feb 1962), not OFAC 12211
  (a different KIM, Yong Chol, DOB circa 1947).
- UN KPe.001 KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID): OFAC 9345, same name.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import Engine, select

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.lists import entities, linking
from sanctionwatch.lists.load import load_path, load_paths
from sanctionwatch.lists.tables import canonical
from tests.conftest import OFAC, UN

SDN = OFAC / "sdn-2024-05-03" / "sdn.csv"
LINKED_UN_DPRK = 123  # of 155 UN DPRK entries, with the rules in sanctionwatch.lists.keys


def clusters(engine: Engine) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    with engine.connect() as conn:
        for entity_id, canonical_id in conn.execute(select(canonical)):
            groups[canonical_id].add(entity_id)
    return dict(groups)


def cluster_of(engine: Engine, entity_id: str) -> set[str]:
    return next((g for g in clusters(engine).values() if entity_id in g), {entity_id})


@pytest.fixture
def linked(engine: Engine) -> Engine:
    list(load_paths(engine, [UN, SDN]))
    return engine


def test_un_dprk_entries_linked_to_ofac(linked: Engine) -> None:
    groups = clusters(linked)
    un_dprk = [g for g in groups.values() if any(m.startswith(("un-kpi.", "un-kpe.")) for m in g)]
    assert len(un_dprk) == LINKED_UN_DPRK
    for group in groups.values():  # one designation per authority per canonical entity
        assert sum(m.startswith("un-") for m in group) <= 1
        assert sum(m.startswith("ofac-") for m in group) <= 1
    assert cluster_of(linked, "un-kpe.020") == {"un-kpe.020", "ofac-17068"}
    assert cluster_of(linked, "un-kpi.023") == {"un-kpi.023", "ofac-11648"}
    assert cluster_of(linked, "un-kpi.024") == {"un-kpi.024", "ofac-17614"}
    assert cluster_of(linked, "ofac-12211") == {"ofac-12211"}
    assert cluster_of(linked, "un-kpe.001") == {"un-kpe.001", "ofac-9345"}


def test_merged_entity_has_one_designation_per_authority(linked: Engine) -> None:
    with linked.connect() as conn:
        view = entities.show(conn, "ofac-17068")
        assert entities.show(conn, "un-kpe.020").id == view.id == "sw-ofac-17068"
    assert view.sources == ["ofac-sdn", "un"]
    assert "IMO1790183" in view.get("imoNumber")
    by_source = {d["source"]: d for d in entities.designations(view)}
    assert set(by_source) == {"un", "ofac-sdn"}
    assert by_source["un"]["record_id"] == "KPe.020" and by_source["un"]["regimes"] == ["dprk"]
    assert by_source["ofac-sdn"]["record_id"] == "17068"
    assert "dprk" in by_source["ofac-sdn"]["regimes"]
    imo_sources = {v.source for v in view.values["imoNumber"]}
    assert imo_sources == {"un", "ofac-sdn"}


def test_merges_are_recorded_and_can_be_undone(linked: Engine) -> None:
    with linked.begin() as conn:
        (decision,) = [
            d
            for d in linking.all_decisions(conn)
            if {d.left_id, d.right_id} == {"ofac-17068", "un-kpe.020"}
        ]
        assert (decision.judgement, decision.method) == ("positive", "auto:imo")
        assert decision.reason == "same imo: org IMO1790183" and decision.author == "sanctionwatch"
        undo_id = linking.undo(conn, decision.id, "analyst-jp", "different companies")
    assert cluster_of(linked, "un-kpe.020") == {"un-kpe.020"}
    # a later load relinks everything else, but never redoes an undone merge
    load_path(linked, OFAC / "cons-2025-12-19" / "cons_prim.csv")
    assert cluster_of(linked, "un-kpe.020") == {"un-kpe.020"}
    with linked.connect() as conn:
        history = [d for d in linking.all_decisions(conn) if d.left_id == "ofac-17068"]
    assert [(d.judgement, d.undoes, d.author) for d in history] == [
        ("positive", None, "sanctionwatch"),
        ("negative", decision.id, "analyst-jp"),
    ]
    assert history[-1].id == undo_id


def test_analyst_merge_and_split(linked: Engine) -> None:
    with linked.begin() as conn:
        linking.decide(conn, "un-kpi.066", "ofac-12211", True, "analyst-kr", "same person")
    assert cluster_of(linked, "un-kpi.066") == {"un-kpi.066", "ofac-12211"}
    with linked.begin() as conn:
        linking.decide(conn, "un-kpi.066", "ofac-12211", False, "analyst-us", "not him")
    assert cluster_of(linked, "un-kpi.066") == {"un-kpi.066"}
    with linked.begin() as conn, pytest.raises(InputError):
        linking.decide(conn, "un-kpi.066", "un-kpi.066", True, "a", "self")
    with linked.begin() as conn, pytest.raises(NotFoundError):
        linking.undo(conn, 10**9, "a", "no such decision")
