"""`ledger verify`: the whole database against the log.

Every entry (statement, author certificate, signature, stored payload), every row an entry
covers (recomputed through the coverage registry), every cached tree node, and every published
checkpoint (operator signature, witness cosignatures, root, consistency with the one before).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.ledger import headstore, keystore, store
from sanctionwatch.ledger.audit import Auditor, Fed
from sanctionwatch.ledger.coverage import REGISTRY
from sanctionwatch.ledger.model import Entry, Problem, Report, content_hash
from sanctionwatch.ledger.store import SqlTree, node_key


def verify(conn: Connection, batch: int = 5000) -> Report:
    auditor = Auditor(keystore.keyring(conn), headstore.all_checkpoints(conn))
    logged: dict[str, list[Any]] = defaultdict(list)
    for entries in store.stream(conn, batch):
        fed = auditor.feed(entries)
        auditor.problems += _columns(conn, entries, fed)
        auditor.problems += _nodes(conn, fed)
        auditor.problems += _coverage(conn, entries, fed, logged)
    for kind, coverage in REGISTRY.items():
        auditor.problems += [Problem(None, what) for what in coverage.uncovered(conn, logged[kind])]
    return auditor.finish(lambda m, n: store.consistency_proof(conn, m, n))


def _columns(conn: Connection, entries: list[Entry], fed: Fed) -> Iterable[Problem]:
    """The kind and subject columns (kept for lookups) must say what the statements say."""
    stored = store.columns(conn, entries[0].index, entries[-1].index + 1)
    for index, s in fed.statements.items():
        if stored.get(index) != (s.kind, s.subject):
            yield Problem(index, "the kind or subject column differs from the entry")


def _nodes(conn: Connection, fed: Fed) -> Iterable[Problem]:
    """Every cached node must equal the one rebuilt from the entries (proofs are served from it)."""
    cached = SqlTree(conn).fetch(node_key(n.level, n.index) for n in fed.nodes)
    for n in fed.nodes:
        if cached.get(node_key(n.level, n.index)) != n.hash:
            first, last = n.index << n.level, ((n.index + 1) << n.level) - 1
            what = f"the cached hash of entries {first}..{last} differs from theirs"
            yield Problem(last, what)  # named by the entry whose append made the node


def _coverage(
    conn: Connection, entries: list[Entry], fed: Fed, logged: dict[str, list[Any]]
) -> Iterable[Problem]:
    """Entries whose kind covers rows: rebuild their payload from those rows."""
    for entry in entries:
        statement = fed.statements.get(entry.index)
        if statement is None or statement.kind not in REGISTRY:
            continue
        payload = (
            json.loads(entry.payload)
            if entry.payload is not None
            else {"index": entry.index, "subject": statement.subject}
        )
        logged[statement.kind].append(payload)
        now = REGISTRY[statement.kind].recompute(conn, payload)
        if content_hash(now) != statement.content_hash:
            yield Problem(entry.index, f"the rows this {statement.kind} covers have changed")
