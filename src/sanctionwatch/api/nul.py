"""NUL characters in text are refused at the edge (PostgreSQL cannot store them).

A plain ASGI middleware (Starlette's BaseHTTPMiddleware costs a task per request): it checks
the path, the query string and JSON bodies, and answers 400 before any route runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from starlette.responses import JSONResponse

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
REFUSAL = {"error": "InputError", "detail": "text may not contain NUL characters"}


class RefuseNul:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope.get("path", "") or _nul_query(scope.get("query_string", b"")):
            await JSONResponse(REFUSAL, 400)(scope, receive, send)
            return
        if not _is_json(scope):
            await self.app(scope, receive, send)
            return
        body = await _read(receive)
        if b"\\u0000" in body or b"\x00" in body:
            await JSONResponse(REFUSAL, 400)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)


def _nul_query(query: bytes) -> bool:
    return b"%00" in query or b"\x00" in query


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return bool(value.startswith(b"application/json"))
    return False


async def _read(receive: Receive) -> bytes:
    chunks, more = [], True
    while more:
        message = await receive()
        chunks.append(message.get("body", b""))
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
