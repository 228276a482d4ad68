"""Many entries at once: each batch signed on every core, then appended in one transaction.

Ed25519 signing in `cryptography` releases the GIL, so a batch is signed by a pool of threads;
the batch is then appended in one transaction (`store.append`). For imports that record many
changes by one author; a change made by a request is recorded one at a time by
`record.record`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine

from sanctionwatch.ledger import store
from sanctionwatch.ledger.model import Statement
from sanctionwatch.ledger.note import Signer
from sanctionwatch.ledger.record import signed
from sanctionwatch.ledger.store import Signed


def sign_all(
    pool: ThreadPoolExecutor, parts: int, signer: Signer, batch: Sequence[Statement]
) -> list[Signed]:
    """The statements signed by `signer` in `parts` chunks on the pool's threads, in order."""
    step = max(1, -(-len(batch) // parts))
    chunks = [batch[i : i + step] for i in range(0, len(batch), step)]
    signed_parts = pool.map(lambda chunk: [signed(signer, s) for s in chunk], chunks)
    return [entry for part in signed_parts for entry in part]


def append_batches(
    engine: Engine, signer: Signer, batches: Iterable[Sequence[Statement]], threads: int = 2
) -> Iterator[tuple[int, list[Signed]]]:
    """Sign each batch on `threads` threads, then append it in its own transaction; yields
    (first index, entries). (Signing the next batch while appending this one is slower: the
    two compete for the GIL outside Ed25519 itself.)"""
    with ThreadPoolExecutor(threads) as pool:
        for batch in batches:
            entries = sign_all(pool, threads, signer, batch)
            with engine.begin() as conn:
                yield store.append(conn, entries), entries
