"""Investigations API under load: requests/s and p50/p99 latency of reads and writes.

    .venv/bin/python bench/cases_api.py [--backend sqlite|postgresql|both] [--rate 200]
                                        [--seconds 20] [--warmup 2] [--clients 32]
                                        [--trace FILE]

For each database: a store seeded with the demo panel (`sanctionwatch.cases.demo`: members,
users, a case from SIMULATED maritime events and real designated vessels, evidence, a finding,
votes) plus more cases, served by `sanctionwatch serve --workers 2` (uvicorn processes) on loopback;
then `--clients` concurrent HTTP clients send requests at a fixed rate (open loop: each
request's latency counts from the moment it was due, so a stalled server cannot hide its
queue) for `--warmup` seconds, not counted (new connections, first statements), then for
`--seconds`, 80% reads (case list, case, history, finding, tally, evidence list)
and 20% writes (links added to a case, notes on status, new cases), each as a logged-in user.
PostgreSQL is a throwaway cluster on loopback with fsync on. Target: p99 under 50 ms at 200
requests/s on both databases.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.conftest import new_database  # noqa: E402
from tests.pg import Cluster  # noqa: E402

from sanctionwatch.cases import demo  # noqa: E402
from sanctionwatch.db import make_engine  # noqa: E402

Request = tuple[str, str, str, dict[str, Any] | None]  # kind, method, path, JSON body


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(url: str, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SANCTIONWATCH_DATABASE_URL": url, "SANCTIONWATCH_LOG_LEVEL": "ERROR"}
    command = [str(ROOT / ".venv" / "bin" / "sanctionwatch"), "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    seen: set[int] = set()
    for _ in range(600):  # until every worker answers (each request on a new connection)
        try:
            reply = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)
            seen.add(reply.json()["worker"])
            if len(seen) >= workers:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    server.kill()
    raise RuntimeError("the server did not start")


def workload(seeded: demo.Seeded, rng: random.Random) -> Callable[[], Request]:
    cases, findings = seeded.case_ids, seeded.finding_ids

    def pick() -> Request:
        roll = rng.random()
        case = rng.choice(cases)
        if roll < 0.20:
            return ("read", "GET", "/cases?limit=50", None)
        if roll < 0.40:
            return ("read", "GET", f"/cases/{case}", None)
        if roll < 0.52:
            return ("read", "GET", f"/cases/{case}/history", None)
        if roll < 0.64:
            return ("read", "GET", f"/findings/{rng.choice(findings)}", None)
        if roll < 0.72:
            return ("read", "GET", f"/findings/{rng.choice(findings)}/tally", None)
        if roll < 0.80:
            return ("read", "GET", f"/evidence?case_id={case}", None)
        if roll < 0.92:
            body = {
                "kind": "vessel",
                "ref": demo.imo(rng.randrange(100000, 999999)),
                "note": "seen",
            }
            return ("write", "POST", f"/cases/{case}/links", body)
        case_body: dict[str, Any] = {
            "title": f"Bench case {rng.randrange(10**9)}",
            "topic": "refined_petroleum",
            "summary": "opened by the load benchmark",
            "audience": {"scope": "all", "originator": "US", "members": [], "tlp": "GREEN"},
        }
        return ("write", "POST", "/cases", case_body)

    return pick


class Connection:
    """One keep-alive HTTP/1.1 connection: a load generator that costs the server's cores
    almost nothing (httpx costs about a millisecond of CPU per request)."""

    def __init__(self, port: int, headers: dict[str, str]) -> None:
        self.port = port
        self.head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def request(self, method: str, path: str, body: Any) -> tuple[int, bytes]:
        if self.streams is None:
            self.streams = await asyncio.open_connection("127.0.0.1", self.port)
        reader, writer = self.streams
        data = b"" if body is None else json.dumps(body).encode()
        kind = "content-type: application/json\r\n" if body is not None else ""
        writer.write(
            f"{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\n{self.head}{kind}"
            f"content-length: {len(data)}\r\n\r\n".encode()
            + data
        )
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        return status, await reader.readexactly(length)


@dataclass
class Found:
    """What one timed run saw: latencies in seconds by kind, its length, each request."""

    latencies: dict[str, list[float]] = field(
        default_factory=lambda: {"read": [], "write": [], "error": []}
    )
    wall: float = 0.0
    trace: list[tuple[float, float, str]] = field(default_factory=list)  # start, took, path
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds by part, over the run


def cpu_seconds(roots: dict[str, int]) -> dict[str, float]:
    """CPU seconds used so far by each named process with its descendants (Linux /proc), and
    by this one, the generator."""
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def under(pid: int, root: int) -> bool:
        while pid > 1:
            if pid == root:
                return True
            pid = parents.get(pid, 0)
        return False

    found = {
        name: sum(t for pid, t in used.items() if under(pid, root)) for name, root in roots.items()
    }
    return {**found, "generator": time.process_time()}


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


async def drive(
    port: int,
    headers: dict[str, str],
    pick: Callable[[], Request],
    args: argparse.Namespace,
    processes: dict[str, int],
) -> Found:
    """`args.warmup` seconds at the rate on the same connections, not counted, then the run,
    with the CPU time of `processes` (name: root process) over it."""
    pool: asyncio.Queue[Connection] = asyncio.Queue()
    workers: dict[int, int] = {}
    for _ in range(args.clients):
        connection = Connection(port, headers)
        _, text = await connection.request("GET", "/health", None)
        worker = json.loads(text)["worker"]
        workers[worker] = workers.get(worker, 0) + 1
        pool.put_nowait(connection)
    split = " + ".join(str(n) for n in sorted(workers.values(), reverse=True))
    print(f"  {args.clients} connections over the server processes: {split}")
    await timed(pool, port, headers, pick, args.rate, args.warmup)
    before = cpu_seconds(processes)
    found = await timed(pool, port, headers, pick, args.rate, args.seconds)
    after = cpu_seconds(processes)
    found.cpu = {part: after[part] - before[part] for part in after}
    return found


async def timed(
    pool: asyncio.Queue[Connection],
    port: int,
    headers: dict[str, str],
    pick: Callable[[], Request],
    rate: float,
    seconds: float,
) -> Found:
    found = Found()
    failures: dict[str, str] = {}

    async def one(due: float, request: Request) -> None:
        kind, method, path, body = request
        connection = await pool.get()
        try:
            status, text = await connection.request(method, path, body)
            failed = status >= 400
            if failed:
                failures[f"{method} {path.split('/')[1]} {status}"] = text.decode()
        except (OSError, asyncio.IncompleteReadError, ValueError):
            failed, connection = True, Connection(port, headers)
        finally:
            pool.put_nowait(connection)
        took = time.perf_counter() - due
        found.latencies["error" if failed else kind].append(took)
        found.trace.append((due - start, took, f"{method} {path}"))

    start = time.perf_counter()
    running: set[asyncio.Task[None]] = set()
    for i in range(int(rate * seconds)):
        due = start + i / rate
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        task = asyncio.create_task(one(due, pick()))
        running.add(task)
        task.add_done_callback(running.discard)
    await asyncio.gather(*running)
    found.wall = time.perf_counter() - start
    for what, text in failures.items():
        print(f"  failed: {what}: {text[:200]}")
    return found


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def report(backend: str, rate: float, run: Found) -> None:
    found, wall = run.latencies, run.wall
    done = len(found["read"]) + len(found["write"]) + len(found["error"])
    parts = ", ".join(f"{part} {t / done * 1000:.2f} ms" for part, t in run.cpu.items())
    busy = sum(run.cpu.values()) / wall
    print(f"  CPU per request: {parts} ({busy:.2f} of {os.cpu_count()} cores busy)")
    print(
        f"{backend}: {done:,} requests in {wall:.1f} s = {done / wall:,.0f} requests/s "
        f"(target rate {rate:.0f}/s), {len(found['error'])} errors"
    )
    for kind in ("read", "write"):
        values = found[kind]
        print(
            f"  {kind:<6} {len(values):6,}  p50 {percentile(values, 0.5):7.1f} ms  "
            f"p99 {percentile(values, 0.99):7.1f} ms  max {percentile(values, 1.0):7.1f} ms"
        )


def measure(
    port: int,
    headers: dict[str, str],
    pick: Callable[[], Request],
    args: argparse.Namespace,
    processes: dict[str, int],
) -> Found:
    """The timed run, with the generator's own garbage collector off: a full collection of
    its heap (the seeding leaves some 200,000 objects) took 110-120 ms, and every response in
    flight then looked that much slower (the slowest request of most PostgreSQL runs)."""
    gc.collect()
    gc.freeze()
    gc.disable()
    try:
        return asyncio.run(drive(port, headers, pick, args, processes))
    finally:
        gc.enable()
        gc.unfreeze()


def run(backend: str, url: str, args: argparse.Namespace, database: int | None = None) -> None:
    """Seed, serve and measure one backend (`database`: the PostgreSQL server's process)."""
    engine = make_engine(url)
    seeded = demo.seed(engine, extra_cases=args.cases)
    engine.dispose()
    port = free_port()
    server = serve(url, port, args.workers)
    processes = {"server": server.pid} | ({} if database is None else {"database": database})
    try:
        token = httpx.post(
            f"http://127.0.0.1:{port}/auth/login",
            json={"user": "us.analyst", "password": demo.PASSWORD},
        ).json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        pick = workload(seeded, random.Random(7))
        found = measure(port, headers, pick, args, processes)
        report(backend, args.rate, found)
        if args.trace:
            with open(f"{args.trace}.{backend.lower()}.tsv", "w") as out:
                out.writelines(f"{d:.4f}\t{t * 1000:.2f}\t{p}\n" for d, t, p in found.trace)
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds, not counted")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--cases", type=int, default=200, help="cases beyond the demo's")
    parser.add_argument("--trace", help="each request to TRACE.<backend>.tsv")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            run("SQLite", f"sqlite:///{tmp}/bench.db", args)
    if args.backend in ("postgresql", "both"):
        cluster = Cluster(fsync=True)
        try:
            postmaster = int((cluster.dir / "data" / "postmaster.pid").read_text().split()[0])
            run("PostgreSQL", new_database(cluster.url), args, postmaster)
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
