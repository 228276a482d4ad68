"""Who is calling: the user behind `Authorization: Bearer <token>`, or the anonymous public.

Routers take `Caller` (a User or None) for reads, which `can_read` filters, and `Actor` (a
User, else 401) for writes.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine

from sanctionwatch.cases import auth
from sanctionwatch.cases.model import User
from sanctionwatch.errors import AuthError


def engine(request: Request) -> Engine:
    """The engine for changes: `with engine(request).begin() as conn`."""
    found: Engine = request.app.state.engine
    return found


def reader(request: Request) -> Engine:
    """The engine for reads: `with reader(request).connect() as conn`.

    On PostgreSQL it runs each statement in its own transaction (autocommit): under READ
    COMMITTED a transaction's statements see different snapshots anyway, and a read then
    spends no round trips on BEGIN and ROLLBACK. SQLite reads keep one snapshot.
    """
    found: Engine = request.app.state.reader
    return found


def read_engine(engine: Engine) -> Engine:
    """The `reader` of an engine."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="AUTOCOMMIT")
    return engine


async def current_user(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> User | None:
    """The token's user; None without a token (a bad token is a 401, never the public)."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthError("send Authorization: Bearer <token>")
    with reader(request).connect() as conn:
        return auth.authenticate(conn, token.strip())


async def require_user(user: Annotated[User | None, Depends(current_user)]) -> User:
    if user is None:
        raise AuthError("log in first: POST /auth/login, then send Authorization: Bearer <token>")
    return user


Caller = Annotated[User | None, Depends(current_user)]
Actor = Annotated[User, Depends(require_user)]
