"""Loading the real UN list: counts, idempotence, history, refusals; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from sanctionwatch.errors import ParseError, VersionError
from sanctionwatch.lists import entities, history
from sanctionwatch.lists.load import load_path
from sanctionwatch.lists.tables import statements, versions
from tests.conftest import UN
from tests.lists.unedit import next_version


def _count(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(statements)).scalar_one()
        active = conn.execute(
            select(func.count()).where(statements.c.end_version.is_(None))
        ).scalar_one()
        v = conn.execute(select(func.count()).select_from(versions)).scalar_one()
    return n, active, v


def test_un_list_counts(engine: Engine) -> None:
    result = load_path(engine, UN)
    assert (result.source, result.version, result.records) == ("un", "2026-02-27", 1003)
    with engine.connect() as conn:
        (status,) = history.status(conn)
        regimes = history.regimes_at(conn, history.list_versions(conn)[0])
        dprk = [e for e, r in regimes.items() if "dprk" in r]
        schemas = {entities.show(conn, e).schema for e in dprk}
    assert status.entities == 1003
    assert status.regimes["dprk"] == 155
    assert status.schemas == {"Organization": 273, "Person": 730}
    assert sum(e.startswith("un-kpi.") for e in dprk) == 80
    assert sum(e.startswith("un-kpe.") for e in dprk) == 75
    assert schemas == {"Person", "Organization"}


def test_provenance_of_each_value(engine: Engine) -> None:
    load_path(engine, UN)
    with engine.connect() as conn:
        view = entities.show(conn, "un-kpi.066")
    assert view.caption == "KIM JONG SIK"
    (alias,) = view.values["alias"]
    assert (alias.value, alias.source, alias.record_id) == ("Kim Cho’ng-sik", "un", "KPi.066")
    assert (alias.first_seen, alias.last_seen, alias.ended) == ("2026-02-27", "2026-02-27", None)
    assert view.get("birthDate") == ["1967", "1968", "1969"]
    (designation,) = entities.designations(view)
    assert designation["regimes"] == ["dprk"]
    assert designation["listing_date"] == "2017-12-22"
    assert designation["unsc_id"] == ["KPi.066"]


def test_loading_the_same_file_twice_changes_nothing(engine: Engine) -> None:
    load_path(engine, UN)
    before = _count(engine)
    again = load_path(engine, UN)
    assert again.unchanged and again.added == 0
    assert _count(engine) == before


def test_newer_version_records_history(engine: Engine, tmp_path: Path) -> None:
    load_path(engine, UN)
    total_before, _, _ = _count(engine)
    later = load_path(engine, next_version(tmp_path, "2026-03-15"))
    assert later.version == "2026-03-15" and later.ended > 0
    with engine.connect() as conn:
        diff = history.diff(conn, "un")
        gone = entities.show(conn, "un-kpi.066")
        statuses = history.status(conn)
    assert [c.record_id for c in diff.added] == ["KPi.999"]
    assert [c.record_id for c in diff.removed] == ["KPi.066"]
    assert [c.record_id for c in diff.amended] == ["KPi.067"]
    assert diff.amended[0].fields["alias"] == {"added": ["KIM KYONG-IL"], "removed": []}
    assert diff.removed[0].caption == "KIM JONG SIK"
    # nothing is deleted: the delisted person keeps every value, with an end date
    assert _count(engine)[0] >= total_before
    assert gone.ended and gone.get("name", active=False) == ["KIM JONG SIK"]
    (designation,) = entities.designations(gone)
    assert designation["end_date"] == "2026-03-15"
    assert [s.entities for s in statuses] == [1003, 1003]


def test_older_version_is_refused(engine: Engine, tmp_path: Path) -> None:
    load_path(engine, next_version(tmp_path, "2026-03-15"))
    before = _count(engine)
    with pytest.raises(VersionError, match="not newer"):
        load_path(engine, UN)
    assert _count(engine) == before


def test_truncated_file_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    load_path(engine, UN)
    before = _count(engine)
    bad = tmp_path / "consolidated-2026-03-01.xml"
    bad.write_bytes(UN.read_bytes()[: len(UN.read_bytes()) // 2])
    with pytest.raises(ParseError, match=r"consolidated-2026-03-01.xml:line \d+"):
        load_path(engine, bad)
    assert _count(engine) == before
