"""The log in SQL (SQLite and PostgreSQL): appends, cached nodes, proofs, the recording hook."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.ledger import store, tree
from sanctionwatch.ledger.errors import ProofError
from sanctionwatch.ledger.merkle import verify_consistency, verify_inclusion
from sanctionwatch.ledger.record import record, signed
from sanctionwatch.ledger.store import Signed, SqlTree
from sanctionwatch.ledger.tables import entries as entries_table
from sanctionwatch.ledger.tables import nodes
from sanctionwatch.ledger.tree import MemoryTree
from tests.ledger.conftest import USER, statement


def batch(start: int, n: int) -> list[Signed]:
    return [signed(USER, statement(i)) for i in range(start, start + n)]


def test_batches_append_only_new_nodes_and_proofs_match_memory(engine: Engine) -> None:
    memory = MemoryTree()
    for start, n in [(0, 1), (1, 2), (3, 130), (133, 67)]:
        with engine.begin() as conn:
            assert store.append(conn, batch(start, n)) == start
        memory.extend(s.body for s in batch(start, n))
    rng = random.Random(9162)
    with engine.connect() as conn:
        assert store.size(conn) == 200
        count = conn.execute(select(func.count()).select_from(nodes)).scalar_one()
        assert count == sum(200 >> level for level in range(8))
        for _ in range(30):
            size = rng.randint(1, 200)
            index, m = rng.randrange(size), rng.randint(0, size)
            root = store.root(conn, size)
            assert root == memory.root(size)
            path = store.inclusion_proof(conn, index, size)
            assert path == memory.inclusion_proof(index, size)
            verify_inclusion(index, size, store.entry(conn, index).leaf_hash, path, root)
            proof = store.consistency_proof(conn, m, size)
            verify_consistency(m, size, memory.root(m), root, proof)


def test_a_proof_is_one_query_of_logarithmically_many_nodes(engine: Engine) -> None:
    with engine.begin() as conn:
        store.append(conn, batch(0, 300))
    with engine.connect() as conn:
        t = SqlTree(conn)
        t.run(lambda s: tree.inclusion_proof(s, 123, 299))
        assert len(t._cache) <= 2 * (299).bit_length()


def test_entries_read_back_exactly(engine: Engine) -> None:
    with engine.begin() as conn:
        store.append(conn, batch(0, 3))
    with engine.connect() as conn:
        found = store.entry(conn, 2)
        assert found.body == statement(2).body() and found.statement == statement(2)
        assert [e.index for e in store.between(conn, 1, 9)] == [1, 2]
        with pytest.raises(NotFoundError):
            store.entry(conn, 3)
        with pytest.raises(ProofError):
            store.inclusion_proof(conn, 0, 4)
        with pytest.raises(ProofError):
            store.root(conn, 4)


def test_a_change_and_its_entry_commit_together_or_not_at_all(engine: Engine) -> None:
    with pytest.raises(RuntimeError), engine.begin() as conn:
        record(conn, "finding.revise", "finding:1", {"text": "draft"}, "alice")
        raise RuntimeError("the change failed")
    with engine.connect() as conn:
        assert store.size(conn) == 0
    with engine.begin() as conn:
        first = record(conn, "finding.revise", "finding:1", {"text": "draft"}, "alice")
        other = record(conn, "vote.cast", "finding:2", {"vote": "yes"}, "alice")
        second = record(conn, "finding.revise", "finding:1", {"text": "adopted"}, "alice")
    with engine.connect() as conn:
        entry = store.entry(conn, second)
    assert (first, other, second) == (0, 1, 2)
    assert entry.statement.prev == first and entry.payload == b'{"text":"adopted"}'
    assert entry.statement.member == "DEV"  # development mode made alice a key


def test_kind_and_subject_are_bounded(engine: Engine) -> None:
    with engine.begin() as conn:
        for kind, subject in [("", "s"), ("k" * 65, "s"), ("k", "s" * 256)]:
            with pytest.raises(InputError):
                record(conn, kind, subject, {}, "alice")
        assert conn.execute(select(func.count()).select_from(entries_table)).scalar_one() == 0


@pytest.mark.parametrize(
    ("index", "size"), [(0, 6), (4, 6), (5, 6), (5, 5 + 2**20), (0, 2**53 - 1)]
)
def test_no_proof_beyond_the_log(engine: Engine, index: int, size: int) -> None:
    with engine.begin() as conn:
        store.append(conn, batch(0, 5))
    with engine.connect() as conn, pytest.raises(ProofError, match="outside the log"):
        store.inclusion_proof(conn, index, size)
    with engine.connect() as conn, pytest.raises(ProofError, match="outside the log"):
        store.consistency_proof(conn, 3, size)


def test_a_proof_is_one_round_trip(engine: Engine) -> None:
    """One query, on the driver's cursor: SQLite's own trace sees one statement; on
    PostgreSQL the transaction's statistics show the nodes read and the entries untouched."""
    from sqlalchemy import event

    with engine.begin() as conn:
        store.append(conn, batch(0, 100))
    through_sqlalchemy: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: through_sqlalchemy.append(a[2]))
    with engine.connect() as conn:
        driver: Any = conn.connection.driver_connection
        if engine.dialect.name == "sqlite":
            traced: list[str] = []
            driver.set_trace_callback(traced.append)
            store.inclusion_proof(conn, 37, 99)
            driver.set_trace_callback(None)
            assert len(traced) == 1
        else:
            scans = (
                "SELECT relname, idx_scan + seq_scan FROM pg_stat_xact_user_tables"
                " WHERE relname IN ('ledger_nodes', 'ledger_entries') ORDER BY relname"
            )
            before = dict(driver.execute(scans).fetchall())
            store.inclusion_proof(conn, 37, 99)
            after = dict(driver.execute(scans).fetchall())
            assert after["ledger_nodes"] > before["ledger_nodes"]  # once per key before PG 17
            assert after["ledger_entries"] == before["ledger_entries"]
    assert through_sqlalchemy == []
