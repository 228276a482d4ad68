"""`sanctionwatch serve --workers 2`: two processes share the port; SIGTERM stops both."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent / "sanctionwatch"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_workers_share_the_port_and_stop_together(tmp_path: Path) -> None:
    port = _port()
    env = {**os.environ, "SANCTIONWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 's.db'}"}
    command = [str(BIN), "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline:
            try:
                reply = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
                workers.add(reply.json()["worker"])
            except httpx.TransportError:
                time.sleep(0.1)
        assert len(workers) == 2
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    for pid in workers:
        try:
            os.kill(pid, 0)
            alive = True
        except ProcessLookupError:
            alive = False
        assert not alive, f"worker {pid} outlived the server"
