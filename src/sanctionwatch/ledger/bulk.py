"""Many entries at once: signed in worker processes while the previous batch is appended.

Signing is the costly part of an entry (Ed25519, ~30 us); appending costs about as much in
Python. Threads cannot overlap the two well (outside Ed25519 both need the GIL), so a batch's
statement bodies go to a pool of processes that sign them while this process appends the
batch before, one transaction per batch (`store.append`). For imports that record many changes
by one author; a change made by a request is recorded one at a time by `record.record`.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from sqlalchemy import Engine

from sanctionwatch.ledger import store
from sanctionwatch.ledger.keys import sign_entry
from sanctionwatch.ledger.model import Statement
from sanctionwatch.ledger.note import Signer
from sanctionwatch.ledger.store import Signed


@dataclass
class _Pending:
    statements: Sequence[Statement]
    bodies: list[bytes]
    parts: list[Future[list[bytes]]]

    def signed(self) -> list[Signed]:
        signatures = [sig for part in self.parts for sig in part.result()]
        return [
            Signed(s, body, sig)
            for s, body, sig in zip(self.statements, self.bodies, signatures, strict=True)
        ]


def append_batches(
    engine: Engine,
    signer: Signer,
    batches: Iterable[Sequence[Statement]],
    workers: int = 2,
    appended: Callable[[float], None] | None = None,
) -> Iterator[tuple[int, list[Signed]]]:
    """Sign and append each batch in its own transaction; yields (first index, entries).

    Batch k+1 is signed by `workers` processes while batch k is appended; `appended(seconds)`
    hears how long each append took.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        pending: _Pending | None = None
        for batch in batches:
            bodies = [s.body() for s in batch]
            step = max(1, -(-len(bodies) // workers))
            parts = [
                pool.submit(_sign, signer.skey, bodies[i : i + step])
                for i in range(0, len(bodies), step)
            ]
            if pending is not None:
                yield _append(engine, pending.signed(), appended)
            pending = _Pending(batch, bodies, parts)
        if pending is not None:
            yield _append(engine, pending.signed(), appended)


def _sign(skey: str, bodies: list[bytes]) -> list[bytes]:
    signer = Signer.parse(skey)
    return [sign_entry(signer, body) for body in bodies]


def _append(
    engine: Engine, entries: list[Signed], appended: Callable[[float], None] | None
) -> tuple[int, list[Signed]]:
    began = time.perf_counter()
    with engine.begin() as conn:
        first = store.append(conn, entries)
    if appended is not None:
        appended(time.perf_counter() - began)
    return first, entries
