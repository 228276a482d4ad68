"""Time a full load of the real UN list and every OFAC file set into SQLite and PostgreSQL.

    .venv/bin/python bench/load_lists.py            (make bench)

Prints seconds and entities (list records) per second per backend. Target:
under 20 s for both lists on 2 cores, on each backend. PostgreSQL is a
throwaway cluster on loopback (tests/pg.py) unless SANCTIONWATCH_TEST_POSTGRES_URL
is set.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import new_database  # noqa: E402
from tests.pg import Cluster  # noqa: E402

from sanctionwatch.db import make_engine  # noqa: E402
from sanctionwatch.lists.load import load_paths  # noqa: E402
from sanctionwatch.logs import configure  # noqa: E402

DATA = ROOT / "tests" / "data"
FILES = [
    DATA / "un" / "consolidated-2026-02-27.xml",
    DATA / "ofac" / "full-2021-07-07" / "sdn.csv",
    DATA / "ofac" / "sdn-2024-05-01" / "sdn.csv",
    DATA / "ofac" / "sdn-2024-05-03" / "sdn.csv",
    DATA / "ofac" / "cons-2025-12-19" / "cons_prim.csv",
]


def bench(url: str) -> tuple[float, int]:
    engine = make_engine(url)
    started = time.perf_counter()
    records = sum(result.records for result in load_paths(engine, FILES))
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed, records


def main() -> None:
    configure("WARNING")
    with tempfile.TemporaryDirectory() as tmp:
        results = {"sqlite": bench(f"sqlite:///{tmp}/bench.db")}
    server = os.environ.get("SANCTIONWATCH_TEST_POSTGRES_URL")
    cluster = None if server else Cluster()
    try:
        results["postgresql"] = bench(new_database(server or cluster.url))  # type: ignore[union-attr]
    finally:
        if cluster:
            cluster.stop()
    print(f"files: {', '.join(str(p.relative_to(DATA)) for p in FILES)}")
    for backend, (seconds, records) in results.items():
        verdict = "OK" if seconds < 20 else "OVER TARGET"
        print(
            f"{backend:10s} {records} entities in {seconds:.1f} s = {records / seconds:,.0f}"
            f" entities/s (target < 20 s: {verdict})"
        )


if __name__ == "__main__":
    main()
