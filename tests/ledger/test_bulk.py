"""Bulk appends: batches signed by two processes, appended in order, each entry verifiable."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine

from sanctionwatch.ledger import store
from sanctionwatch.ledger.bulk import append_batches
from sanctionwatch.ledger.keys import check_entry_signature
from sanctionwatch.ledger.model import Statement
from sanctionwatch.ledger.note import Signer

ALICE = Signer.from_seed("alice", bytes(32))


def _batch(start: int, n: int) -> list[Statement]:
    return [
        Statement(
            "test.bulk",
            f"thing:{i}",
            hashlib.sha256(str(i).encode()).hexdigest(),
            "alice",
            "US",
            "2026-12-03T10:00:00.000Z",
        )
        for i in range(start, start + n)
    ]


def test_batches_append_in_order_with_valid_signatures(engine: Engine) -> None:
    batches = [_batch(0, 7), _batch(7, 1), _batch(8, 13)]
    firsts = [first for first, _ in append_batches(engine, ALICE, batches, workers=2)]
    assert firsts == [0, 7, 8]
    with engine.connect() as conn:
        assert store.size(conn) == 21
        entries = [e for part in store.stream(conn) for e in part]
    for i, entry in enumerate(entries):
        assert entry.statement.subject == f"thing:{i}"
        check_entry_signature(ALICE.verifier, entry.body, entry.signature)
