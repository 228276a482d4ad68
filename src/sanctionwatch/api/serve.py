"""Serving the API: one uvicorn process, or several sharing the port through SO_REUSEPORT.

uvicorn's own `workers` share one listening socket, and the worker that wakes first accepts a
burst of keep-alive connections: one process ends up with most of the load. With
SO_REUSEPORT each worker has its own socket on the same port and the kernel spreads new
connections over them evenly.
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
from types import FrameType

import uvicorn


def run(host: str, port: int, workers: int) -> None:
    """Serve until interrupted (SIGINT or SIGTERM stops every worker)."""
    if workers == 1:
        uvicorn.run(
            "sanctionwatch.api.app:served", factory=True, host=host, port=port, log_level="warning"
        )
        return
    context = multiprocessing.get_context("spawn")
    children = [context.Process(target=_worker, args=(host, port)) for _ in range(workers)]
    for child in children:
        child.start()

    def stop(_signum: int, _frame: FrameType | None) -> None:
        for child in children:
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for child in children:
        child.join()


def _worker(host: str, port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    config = uvicorn.Config("sanctionwatch.api.app:served", factory=True, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])
