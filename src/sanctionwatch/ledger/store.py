"""The log in SQL: entries, the cached complete-subtree hashes, and proofs read from them.

`SqlTree` is the TreeStore of tree.py over `ledger_nodes`. Every root or proof first runs as a
dry run to learn which nodes it reads, fetches them in one query, then runs for real: O(log n)
rows in one round trip. An append reads the tree's frontier the same way and writes only the
entries and the nodes they complete, in bulk, inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, func, select, text

from sanctionwatch.errors import NotFoundError
from sanctionwatch.ledger import tree
from sanctionwatch.ledger.errors import ProofError
from sanctionwatch.ledger.merkle import leaf_hash
from sanctionwatch.ledger.model import Entry, Statement
from sanctionwatch.ledger.tables import entries, nodes
from sanctionwatch.lists.bulk import insert_rows

T = TypeVar("T")
_LOCK = 0x5357_4C45_4447_4552  # "SWLEDGER": the advisory lock that orders appends
_CHUNK = 900  # keys per IN (...) query, under SQLite's parameter limit


def node_key(level: int, index: int) -> int:
    return level << 56 | index


@dataclass(frozen=True)
class Signed:
    """An entry ready to append: its statement, canonical bytes, signature and payload."""

    statement: Statement
    body: bytes
    signature: bytes
    payload: bytes | None = None


class SqlTree:
    """Complete-subtree hashes read from `ledger_nodes`, cached for one connection's use."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._cache: dict[int, bytes] = {}

    def node(self, level: int, index: int) -> bytes:
        key = node_key(level, index)
        if key not in self._cache:
            self.fetch([key])
        found = self._cache.get(key)
        if found is None:
            raise LookupError(f"no cached subtree at level {level}, index {index}")
        return found

    def fetch(self, keys: Iterable[int]) -> dict[int, bytes]:
        """Load these nodes (those that exist) into the cache, in as few queries as possible."""
        missing = sorted(set(keys) - self._cache.keys())
        for start in range(0, len(missing), _CHUNK):
            found = _select_nodes(self.conn, missing[start : start + _CHUNK])
            self._cache.update((int(k), bytes(h)) for k, h in found)
        return self._cache

    def run(self, compute: Callable[[tree.TreeStore], T]) -> T:
        """Fetch every node `compute` will read in one go, then compute."""
        self.fetch(node_key(level, index) for level, index in tree.reads(compute))
        return compute(self)


def _select_nodes(conn: Connection, keys: list[int]) -> Sequence[Any]:
    """Hand-written SQL on the driver's own cursor: a proof is one small query, and
    SQLAlchemy's statement handling costs more than the query itself."""
    dialect = conn.dialect.name
    params: list[Any]
    if dialect == "postgresql":
        sql, params = "SELECT key, hash FROM ledger_nodes WHERE key = ANY(%s)", [keys]
    elif dialect == "sqlite":
        sql = f"SELECT key, hash FROM ledger_nodes WHERE key IN ({','.join('?' * len(keys))})"
        params = keys
    else:
        return conn.execute(select(nodes.c.key, nodes.c.hash).where(nodes.c.key.in_(keys))).all()
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        return cursor.fetchall()  # type: ignore[no-any-return]
    finally:
        cursor.close()


def size(conn: Connection) -> int:
    """How many entries the log holds."""
    last = conn.exec_driver_sql("SELECT max(idx) FROM ledger_entries").scalar()
    return 0 if last is None else int(last) + 1


def lock(conn: Connection) -> None:
    """Order appends until this transaction ends: an advisory lock on PostgreSQL; on SQLite,
    the write lock, taken by a write that changes nothing (pysqlite runs the reads before a
    transaction's first write outside it, so two appenders could both read the same size)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
    elif conn.dialect.name == "sqlite":
        conn.exec_driver_sql("DELETE FROM ledger_nodes WHERE key < 0")


def append(conn: Connection, batch: Sequence[Signed]) -> int:
    """Append entries in order inside the caller's transaction; return the first new index."""
    lock(conn)
    return append_locked(conn, batch)


def append_locked(conn: Connection, batch: Sequence[Signed]) -> int:
    """`append` for a caller that already holds `lock` in this transaction."""
    start = size(conn)
    hashes = [leaf_hash(s.body) for s in batch]
    nodes_read = SqlTree(conn)
    nodes_read.fetch(node_key(level, index) for level, index in tree.frontier(start))
    created = tree.appended(nodes_read, start, hashes)
    rows = [_entry_row(start + i, s) for i, s in enumerate(batch)]
    insert_rows(conn, entries, ("idx", "kind", "subject", "body", "signature", "payload"), rows)
    keyed = [(level << 56 | index, h) for level, index, h in created]
    insert_rows(conn, nodes, ("key", "hash"), keyed)
    return start


def _entry_row(index: int, s: Signed) -> tuple[Any, ...]:
    return (index, s.statement.kind, s.statement.subject, s.body, s.signature, s.payload)


def entry(conn: Connection, index: int) -> Entry:
    found = between(conn, index, index + 1)
    if not found:
        raise NotFoundError(f"the log has no entry {index}")
    return found[0]


def between(conn: Connection, start: int, stop: int) -> list[Entry]:
    """Entries start..stop-1, in order."""
    query = (
        select(entries.c.idx, entries.c.body, entries.c.signature, entries.c.payload)
        .where(entries.c.idx >= start, entries.c.idx < stop)
        .order_by(entries.c.idx)
    )
    return [_entry(*row) for row in conn.execute(query)]


def stream(conn: Connection, batch: int = 5000) -> Iterator[list[Entry]]:
    """Every entry in order, in batches."""
    start = 0
    while found := between(conn, start, start + batch):
        yield found
        start += batch


def columns(conn: Connection, start: int, stop: int) -> dict[int, tuple[str, str]]:
    """The (kind, subject) index columns of entries start..stop-1."""
    query = select(entries.c.idx, entries.c.kind, entries.c.subject).where(
        entries.c.idx >= start, entries.c.idx < stop
    )
    return {int(i): (k, s) for i, k, s in conn.execute(query)}


def _entry(index: int, body: bytes, signature: bytes, payload: bytes | None) -> Entry:
    return Entry(
        int(index), bytes(body), bytes(signature), None if payload is None else bytes(payload)
    )


_LAST_ABOUT = select(func.max(entries.c.idx)).where(entries.c.subject == bindparam("subject"))


def last_about(conn: Connection, subject: str) -> int | None:
    """The index of the latest entry about this subject."""
    last = conn.execute(_LAST_ABOUT, {"subject": subject}).scalar()
    return None if last is None else int(last)


def root(conn: Connection, tree_size: int) -> bytes:
    _check_size(conn, tree_size)
    return SqlTree(conn).run(lambda t: tree.root(t, tree_size))


def inclusion_proof(conn: Connection, index: int, tree_size: int) -> list[bytes]:
    return _proof(conn, tree_size, lambda t: tree.inclusion_proof(t, index, tree_size))


def consistency_proof(conn: Connection, m: int, n: int) -> list[bytes]:
    return _proof(conn, n, lambda t: tree.consistency_proof(t, m, n))


def _proof(conn: Connection, tree_size: int, compute: Callable[[tree.TreeStore], T]) -> T:
    """A proof at `tree_size` in one query: the nodes it reads and the last leaf of that size,
    whose presence shows the log holds `tree_size` entries (they are contiguous)."""
    if tree_size <= 0:
        _check_size(conn, tree_size)
        return compute(SqlTree(conn))
    nodes = SqlTree(conn)
    last = node_key(0, tree_size - 1)
    wanted = [node_key(level, i) for level, i in tree.reads(compute)]
    if last not in nodes.fetch([*wanted, last]):
        _check_size(conn, tree_size)
    return compute(nodes)


def _check_size(conn: Connection, tree_size: int) -> None:
    held = size(conn)
    if not 0 <= tree_size <= held:
        raise ProofError(f"tree size {tree_size} is outside the log of {held} entries")
