"""Append 1,000,000 signed entries to the ledger, then time inclusion proofs at that size.

    .venv/bin/python bench/ledger.py [--entries N] [--batch N] [--backends sqlite,postgresql]
                                     [--workers 2]

Entries are real statements (canonical JSON) signed with Ed25519 by one user key (by two
worker processes while the previous batch is appended, as `ledger.bulk` does), appended in
batches of 10,000, one transaction each, as `store.append` does for a batch. Prints, per
backend: signing and log-append rates and the end-to-end rate (sign + append, one process);
then at the final size the inclusion proof size and the time to generate one (one query) and
verify it, median and p99 over 1,000 random entries, beside the same proof served from memory
(MemoryTree) as the peer figure. Targets (issue 5): >= 20,000 appends/s batched, inclusion
proof generate + verify < 1 ms. PostgreSQL is a throwaway cluster (tests/pg.py) unless
SANCTIONWATCH_TEST_POSTGRES_URL is set.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import new_database  # noqa: E402
from tests.pg import Cluster  # noqa: E402

from sanctionwatch.db import make_engine  # noqa: E402
from sanctionwatch.ledger import store  # noqa: E402
from sanctionwatch.ledger.bulk import append_batches  # noqa: E402
from sanctionwatch.ledger.merkle import verify_inclusion  # noqa: E402
from sanctionwatch.ledger.model import Statement  # noqa: E402
from sanctionwatch.ledger.note import Signer  # noqa: E402
from sanctionwatch.ledger.record import signed  # noqa: E402
from sanctionwatch.ledger.tree import MemoryTree  # noqa: E402
from sanctionwatch.logs import configure  # noqa: E402

USER = Signer.from_seed("alice", bytes(32))
PROOFS = 1000
Timing = tuple[float, float]


def statements(start: int, n: int) -> list[Statement]:
    found = []
    for i in range(start, start + n):
        digest = hashlib.sha256(f"payload {i}".encode()).hexdigest()
        when = f"2026-12-04T10:{i // 60 % 60:02d}:{i % 60:02d}.000Z"
        found.append(Statement("vote.cast", f"finding:{i % 5000}", digest, "alice", "FR", when))
    return found


def sign_rate(entries: int) -> float:
    """Entries signed a second by one process (canonical JSON + Ed25519), on a sample."""
    sample = statements(0, min(entries, 20_000))
    t0 = time.perf_counter()
    for s in sample:
        signed(USER, s)
    return len(sample) / (time.perf_counter() - t0)


def append_all(
    url: str, entries: int, batch: int, workers: int
) -> tuple[float, float, list[bytes]]:
    """Seconds appending (hash, tree, insert, commit) and in all, end to end with
    `ledger.bulk` (batch k+1 signed by two processes while batch k is appended); the leaf
    hashes (for the in-memory peer)."""
    engine = make_engine(url)
    appending = [0.0]
    leaves: list[bytes] = []

    def appended(seconds: float) -> None:
        appending[0] += seconds

    t0 = time.perf_counter()
    batches = (statements(s, min(batch, entries - s)) for s in range(0, entries, batch))
    for first, items in append_batches(engine, USER, batches, workers, appended):
        leaves += [hashlib.sha256(b"\x00" + s.body).digest() for s in items]
        if (first + len(items)) % 100_000 == 0:
            sys.stderr.write(f"  {first + len(items):,} entries\n")
    total = time.perf_counter() - t0
    engine.dispose()
    return appending[0], total, leaves


def timed(run: Callable[[int], object], indexes: list[int]) -> Timing:
    """Median and p99 milliseconds of run(i) over the indexes."""
    times = []
    for i in indexes:
        t0 = time.perf_counter()
        run(i)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.99)]


def proofs(url: str, size: int, leaves: list[bytes]) -> tuple[int, Timing, Timing]:
    """Proof length, and generate + verify times from the database and from memory."""
    engine = make_engine(url)
    indexes = random.Random(6962).sample(range(size), PROOFS)
    with engine.connect() as conn:
        root = store.root(conn, size)

        def prove(i: int) -> None:
            verify_inclusion(i, size, leaves[i], store.inclusion_proof(conn, i, size), root)

        sql = timed(prove, indexes)
        path = store.inclusion_proof(conn, indexes[0], size)
    engine.dispose()
    memory = MemoryTree()
    memory.extend_hashes(leaves)

    def prove_in_memory(i: int) -> None:
        verify_inclusion(i, size, leaves[i], memory.inclusion_proof(i, size), root)

    return len(path), sql, timed(prove_in_memory, indexes)


def bench(backend: str, url: str, entries: int, batch: int, workers: int) -> None:
    signing = sign_rate(entries)
    appending, total, leaves = append_all(url, entries, batch, workers)
    hashes, sql, memory = proofs(url, entries, leaves)
    print(f"{backend}: {entries:,} entries in batches of {batch:,}")
    print(f"  sign (canonical JSON + Ed25519, one process): {signing:,.0f} entries/s")
    print(f"  log append (hash, tree, insert, commit): {entries / appending:,.0f} entries/s")
    rate = entries / total
    print(f"  end to end (signed by {workers} processes, appended): {rate:,.0f} appends/s")
    print(f"  inclusion proof at n={entries:,}: {hashes} hashes, {hashes * 32} bytes")
    print(f"  generate + verify, median / p99: {sql[0]:.3f} / {sql[1]:.3f} ms")
    print(f"  peer (same proof from MemoryTree): {memory[0]:.3f} / {memory[1]:.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--workers", type=int, default=2, help="signing processes")
    args = parser.parse_args()
    configure("WARNING")
    backends = args.backends.split(",")
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as tmp:
            bench("SQLite", f"sqlite:///{tmp}/ledger.db", args.entries, args.batch, args.workers)
    if "postgresql" in backends:
        server = os.environ.get("SANCTIONWATCH_TEST_POSTGRES_URL")
        cluster = None if server else Cluster()
        try:
            url = new_database(server or cluster.url)  # type: ignore[union-attr]
            bench("PostgreSQL", url, args.entries, args.batch, args.workers)
        finally:
            if cluster:
                cluster.stop()


if __name__ == "__main__":
    main()
