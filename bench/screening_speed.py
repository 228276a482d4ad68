"""Screening speed: 100,000 real-looking query names against the real UN + OFAC lists.

    .venv/bin/python bench/screening_speed.py [--queries N] [--peer-sample N]

Prints queries/s of one process (full explanations for matches), the pairwise
scoring rate of sanctionwatch and of nomenklatura's logic-v2 on the same
candidate pairs (when nomenklatura is installed: pip install -e '.[bench]'),
and the p50/p99 latency of `POST /match/default` for single queries through a
real uvicorn server on loopback.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sanctionwatch.db import make_engine  # noqa: E402
from sanctionwatch.lists.load import load_paths  # noqa: E402
from sanctionwatch.logs import configure  # noqa: E402
from sanctionwatch.screening.analysis import analyse  # noqa: E402
from sanctionwatch.screening.compare import compare  # noqa: E402
from sanctionwatch.screening.engine import screen  # noqa: E402
from sanctionwatch.screening.model import Query  # noqa: E402
from sanctionwatch.screening.service import Screener  # noqa: E402

DATA = ROOT / "tests" / "data"
LISTS = [DATA / "un" / "consolidated-2026-02-27.xml", DATA / "ofac" / "sdn-2024-05-03" / "sdn.csv"]
GIVEN = [
    "James",
    "Maria",
    "Mohammed",
    "Wei",
    "Anna",
    "Olga",
    "Jose",
    "Li",
    "Ahmed",
    "Fatima",
    "John",
    "Elena",
    "Ivan",
    "Hiroshi",
    "Yuki",
    "Min-jun",
    "Seo-yeon",
    "Ji-ho",
    "Carlos",
    "Ana",
    "Peter",
    "Sara",
    "Omar",
    "Aisha",
    "David",
    "Emma",
    "Lucas",
    "Mei",
    "Chen",
    "Ali",
    "Sergei",
    "Natalia",
    "Kwame",
    "Amara",
    "Raj",
    "Priya",
    "Thomas",
    "Laura",
    "Pavel",
    "Irina",
    "Hassan",
    "Leila",
    "Kenji",
]
FAMILY = [
    "Smith",
    "Garcia",
    "Wang",
    "Mueller",
    "Rossi",
    "Silva",
    "Kim",
    "Lee",
    "Park",
    "Nguyen",
    "Tanaka",
    "Ivanov",
    "Petrova",
    "Hernandez",
    "Khan",
    "Ali",
    "Chen",
    "Zhang",
    "Johnson",
    "Brown",
    "Novak",
    "Kowalski",
    "Jensen",
    "Dubois",
    "Martin",
    "Costa",
    "Yilmaz",
    "Haddad",
    "Okafor",
    "Mensah",
    "Sharma",
    "Patel",
    "Suzuki",
    "Sato",
    "Choi",
    "Jung",
    "Kang",
    "Ferreira",
]
COMPANY = [
    "Global",
    "Trading",
    "Shipping",
    "Logistics",
    "Holdings",
    "Marine",
    "Energy",
    "Petroleum",
    "Industrial",
    "Investment",
    "Technologies",
    "Pacific",
    "Ocean",
    "Star",
    "Golden",
    "Dragon",
    "United",
    "Export",
]
FORMS = ("Ltd", "LLC", "Co., Ltd.", "GmbH", "S.A.", "Corporation", "Inc")


def make_queries(n: int, list_names: list[str], seed: int = 7) -> list[Query]:
    """90% invented people and companies, 10% list names with typos and reordering."""
    rnd = random.Random(seed)
    queries = []
    for _ in range(n):
        roll = rnd.random()
        if roll < 0.6:
            name = f"{rnd.choice(GIVEN)} {rnd.choice(FAMILY)}"
            queries.append(Query((name,), "Person"))
        elif roll < 0.9:
            words = " ".join(rnd.sample(COMPANY, 2))
            queries.append(Query((f"{words} {rnd.choice(FORMS)}",), "Company"))
        else:
            queries.append(Query((_perturb(rnd.choice(list_names), rnd),), "Thing"))
    return queries


def _perturb(name: str, rnd: random.Random) -> str:
    tokens = name.replace(",", " ").split()
    if len(tokens) > 1 and rnd.random() < 0.5:
        tokens.reverse()
    if rnd.random() < 0.5:
        i = rnd.randrange(len(tokens))
        t = tokens[i]
        if len(t) > 3:
            j = rnd.randrange(len(t))
            tokens[i] = t[:j] + t[j + 1 :]
    return " ".join(tokens)


def bench_queries(screener: Screener, queries: list[Query]) -> tuple[float, int]:
    index = screener.index()
    started = time.perf_counter()
    matched = 0
    for query in queries:
        found = screen(index, query, limit=5)
        matched += sum(1 for m in found if m.match)
        for m in found:
            if m.match:
                m.score.explanation()
    return time.perf_counter() - started, matched


def bench_peer(screener: Screener, queries: list[Query]) -> None:
    index = screener.index()
    pairs = []
    for query in queries:
        names = [analyse(n, query.schema) for n in query.names]
        pairs += [(query, names, i) for i in index.candidates_for(query, names, 10)]
    started = time.perf_counter()
    for query, names, i in pairs:
        compare(query, names, index.candidates[i], index.names[i], index.weights)
    ours = len(pairs) / (time.perf_counter() - started)
    print(f"pairwise scoring, same {len(pairs):,} candidate pairs:")
    print(f"  sanctionwatch      {ours:>10,.0f} pairs/s")
    try:
        from bench.peer_nomenklatura import PeerMissing, logic_v2_scorer

        score = logic_v2_scorer()
    except (ImportError, PeerMissing) as exc:
        print(f"  nomenklatura logic-v2: not run ({exc}); pip install -e '.[bench]'")
        return
    started = time.perf_counter()
    for query, _, i in pairs:
        cand = index.candidates[i]
        score(_entity(query.schema, query.names), _entity(cand.schema, cand.names))
    peer = len(pairs) / (time.perf_counter() - started)
    print(f"  nomenklatura logic-v2 {peer:>7,.0f} pairs/s  (ratio {ours / peer:.1f}x)")


def _entity(schema: str, names: tuple[str, ...]) -> dict[str, object]:
    return {"schema": schema, "properties": {"name": list(names)}}


def bench_api(engine_url: str, queries: list[Query]) -> None:
    import httpx
    import uvicorn

    from sanctionwatch.api.app import create_app

    app = create_app(make_engine(engine_url))
    app.state.screener.index()  # warm, as a running server is
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=8765, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    latencies = []
    with httpx.Client(base_url="http://127.0.0.1:8765") as client:
        for query in queries:
            body = {
                "queries": {
                    "q": {"schema": query.schema, "properties": {"name": list(query.names)}}
                }
            }
            started = time.perf_counter()
            client.post("/match/default", json=body).raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)
    server.should_exit = True
    thread.join()
    latencies.sort()
    p99 = latencies[int(len(latencies) * 0.99) - 1]
    print(
        f"API POST /match/default, {len(latencies)} single queries: "
        f"p50 {statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms (target p99 < 25 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=100_000)
    parser.add_argument("--peer-sample", type=int, default=2_000)
    parser.add_argument("--api-requests", type=int, default=1_000)
    args = parser.parse_args()
    configure("WARNING")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        engine = make_engine(url)
        list(load_paths(engine, LISTS))
        screener = Screener(engine)
        started = time.perf_counter()
        index = screener.index()
        print(f"index: {len(index):,} entities in {time.perf_counter() - started:.1f} s")
        names = [n for c in index.candidates for n in c.names]
        queries = make_queries(args.queries, names)
        seconds, matched = bench_queries(screener, queries)
        rate = len(queries) / seconds
        verdict = "OK" if rate >= 5000 else "BELOW TARGET"
        print(
            f"screening: {len(queries):,} queries in {seconds:.1f} s = {rate:,.0f} queries/s "
            f"({matched:,} matches explained; target >= 5,000/s: {verdict})"
        )
        bench_peer(screener, queries[: args.peer_sample])
        bench_api(url, queries[: args.api_requests])


if __name__ == "__main__":
    main()
