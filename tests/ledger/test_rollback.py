"""A log rolled back in the database: member witnesses refuse to cosign, verify names the gap."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, select

from sanctionwatch.ledger import headstore, publish, store, verify
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.errors import ForkRefusal, RollbackRefusal
from sanctionwatch.ledger.keystore import MEMBER
from sanctionwatch.ledger.record import record
from sanctionwatch.ledger.tables import entries, nodes

DEV = Custody()


def grow(conn: Connection, n: int, text: str = "vote") -> None:
    for i in range(n):
        record(conn, "vote.cast", f"finding:{i}", {"vote": f"{text} {i}"}, "alice", DEV)


def roll_back(conn: Connection, size: int) -> None:
    """What an insider with database access would do: drop the last entries and their nodes."""
    conn.execute(delete(entries).where(entries.c.idx >= size))
    keys = [int(k) for k in conn.scalars(select(nodes.c.key))]
    doomed = [k for k in keys if ((k & (2**56 - 1)) + 1) << (k >> 56) > size]
    conn.execute(delete(nodes).where(nodes.c.key.in_(doomed)))


def test_witnesses_refuse_a_rolled_back_log(engine: Engine) -> None:
    with engine.begin() as conn:
        grow(conn, 6)
        DEV.create(conn, MEMBER, "FR")
        assert publish.publish(conn, DEV).stored
    with engine.begin() as conn:
        roll_back(conn, 4)
        refused = publish.publish(conn, DEV)
    assert not refused.stored
    assert {type(r) for r in refused.refusals} == {RollbackRefusal}
    assert sorted(r.seen.size for r in refused.refusals) == [4, 4]
    assert all(r.last and r.last.size == 6 for r in refused.refusals)
    with engine.connect() as conn:
        report = verify.verify(conn)
        assert len(headstore.all_checkpoints(conn)) == 1
    assert report.first_bad_entry == 4
    assert "removed: a checkpoint covers 6 entries, the log holds 4" in str(report.problems[0])


def test_witnesses_refuse_a_rewritten_history(engine: Engine) -> None:
    with engine.begin() as conn:
        grow(conn, 6)
        assert publish.publish(conn, DEV).stored
    with engine.begin() as conn:
        roll_back(conn, 3)
        grow(conn, 5, "changed vote")
        refused = publish.publish(conn, DEV)
        assert store.size(conn) == 8
    assert [type(r) for r in refused.refusals] == [ForkRefusal]
    with engine.connect() as conn:
        assert not verify.verify(conn).ok
