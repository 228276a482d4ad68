"""OFAC SDN history: the real 2024-05-01 and 2024-05-03 files, on both databases."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, select

from sanctionwatch.lists import entities, history
from sanctionwatch.lists.load import load_paths
from sanctionwatch.lists.tables import statements
from tests.conftest import OFAC

ADDED = ["48321", "48323", "48325", "48326", "48328", "48329", "48330"]
REMOVED = ["38556", "38557", "38558", "38559", "38560", "38563", "38565", "38566"]


def test_diff_between_two_published_dates(engine: Engine) -> None:
    paths = [OFAC / "sdn-2024-05-01" / "sdn.csv", OFAC / "sdn-2024-05-03" / "sdn.csv"]
    results = list(load_paths(engine, paths))
    assert [r.version for r in results] == ["2024-05-01", "2024-05-03"]
    with engine.connect() as conn:
        diff = history.diff(conn, "ofac-sdn", "2024-05-01", "2024-05-03")
        status = {s.version: s for s in history.status(conn)}
        removed = entities.show(conn, "ofac-38556")
        dprk_vessels = _dprk_vessels(conn, status["2024-05-03"])
    assert [c.record_id for c in diff.added] == ADDED
    assert [c.record_id for c in diff.removed] == REMOVED
    assert diff.amended == []
    assert diff.added[-1].caption == "THE CRYSTAL GROUP"
    assert diff.removed[0].caption == "EMPEROR AVIATION LTD"
    assert status["2024-05-03"].entities == 14965 and status["2024-05-01"].entities == 14966
    assert status["2024-05-03"].regimes["dprk"] == 484
    assert removed.ended and entities.designations(removed)[0]["end_date"] == "2024-05-03"
    assert len(dprk_vessels) == 105 and all(dprk_vessels.values())


def _dprk_vessels(conn: Connection, status: history.VersionStatus) -> dict[str, list[str]]:
    version = history.list_versions(conn, "ofac-sdn")[-1]
    regimes = history.regimes_at(conn, version)
    rows = conn.execute(
        select(statements.c.entity_id, statements.c.prop, statements.c.value).where(
            statements.c.schema == "Vessel",
            statements.c.main.is_(True),
            statements.c.end_version.is_(None),
        )
    )
    imos: dict[str, list[str]] = {}
    for entity_id, prop, value in rows:
        if "dprk" in regimes.get(entity_id, set()):
            imos.setdefault(entity_id, [])
            if prop == "imoNumber":
                imos[entity_id].append(value)
    return imos
