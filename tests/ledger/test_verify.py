"""`ledger verify` on the real UN list, both databases: any edit made in SQL to a covered
designation row, a list version, an entry or a cached tree node names the entry at fault."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Connection, Engine, text

from sanctionwatch.ledger import publish, store, verify
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.model import Report
from sanctionwatch.lists.load import load_path
from tests.conftest import UN, engine_for
from tests.lists.unedit import next_version

FIRST_ROW = "(SELECT min(id) FROM statements WHERE first_version = {v} AND prop = 'name')"
TAMPERING = {  # what is done in SQL -> the entry verify must name
    "a designation's name edited": (
        0,
        "UPDATE statements SET value = 'X' WHERE id = " + FIRST_ROW.format(v="{v0}"),
    ),
    "a later designation edited": (
        1,
        "UPDATE statements SET record_id = 'KPi.998' WHERE id = " + FIRST_ROW.format(v="{v1}"),
    ),
    "a designation row deleted": (
        0,
        "DELETE FROM statements WHERE id = (SELECT max(id) FROM statements"
        " WHERE first_version = {v0} AND end_version IS NULL)",
    ),
    "a designation row added": (
        0,
        "INSERT INTO statements (key, source, record_id, entity_id, main, schema, prop, value,"
        " first_version, first_seen) VALUES ('k', 'un', 'KPi.066', 'un-kpi.066', true,"
        " 'Person', 'alias', 'A NEW ALIAS', {v0}, '2026-02-27')",
    ),
    "a delisting undone": (1, "UPDATE statements SET end_version = NULL WHERE end_version = {v1}"),
    "a list version's file hash edited": (
        0,
        "UPDATE list_versions SET sha256 = 'x' WHERE id = {v0}",
    ),
    "an entry rewritten": (1, "UPDATE ledger_entries SET body = :junk WHERE idx = 1"),
    "an entry's kind column edited": (0, "UPDATE ledger_entries SET kind = 'x' WHERE idx = 0"),
    "an entry's payload edited": (1, "UPDATE ledger_entries SET payload = :junk WHERE idx = 1"),
    "a cached leaf hash edited": (1, "UPDATE ledger_nodes SET hash = :junk WHERE key = 1"),
}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def two_loads(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """The UN list and its next version loaded, and a checkpoint published (shared: every
    test undoes its edits)."""
    tmp = tmp_path_factory.mktemp("ledger")
    engine = engine_for(request.param, tmp, request)
    load_path(engine, UN)
    load_path(engine, next_version(tmp, "2026-03-15"))
    with engine.begin() as conn:
        assert publish.publish(conn, Custody()).stored
    yield engine
    engine.dispose()


def tampered(conn: Connection, sql: str) -> Report:
    """Verify with one edit made directly in SQL, then undo it."""
    v0, v1 = conn.scalars(text("SELECT id FROM list_versions ORDER BY id")).all()[:2]
    conn.execute(text(sql.format(v0=v0, v1=v1)), {"junk": b"x" * 32} if ":junk" in sql else {})
    report = verify.verify(conn)
    conn.rollback()
    return report


def test_loads_are_logged_and_verify(two_loads: Engine) -> None:
    with two_loads.connect() as conn:
        report = verify.verify(conn)
        first, second = store.entry(conn, 0), store.entry(conn, 1)
    assert report.ok, report.problems
    assert (report.entries, report.checkpoints) == (2, 1)
    assert (first.statement.kind, first.statement.subject) == ("list.load", "list:un")
    assert second.statement.prev == 0
    assert b'"inserted":{"count":30265' in (first.payload or b"")


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_any_edit_names_the_entry_that_covers_it(two_loads: Engine, case: str) -> None:
    expected, sql = TAMPERING[case]
    with two_loads.connect() as conn:
        report = tampered(conn, sql)
    assert not report.ok
    assert report.first_bad_entry == expected, report.problems


def test_a_list_version_nobody_logged_is_reported(two_loads: Engine) -> None:
    sql = (
        "INSERT INTO list_versions (source, version, format, sha256, paths, loaded_at, records,"
        " statements) VALUES ('un', '2027-01-01', 'un-xml', 'x', 'p', '2027-01-01', 0, 0)"
    )
    with two_loads.connect() as conn:
        report = tampered(conn, sql)
    assert [p.what for p in report.problems] == [
        "list version un 2027-01-01 (id 3) is not in the log"
    ]
