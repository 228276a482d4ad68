"""The log over HTTP: the latest checkpoint, entries, public keys, and proofs to check offline.

In production mode the app refuses to start while the ledger holds development keys (a
ConfigError from the router's lifespan).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Path, Query, Request
from sqlalchemy import Engine

from sanctionwatch.api.auth import Caller
from sanctionwatch.cases.record import KIND as CASES_KIND
from sanctionwatch.ledger import keystore, reads
from sanctionwatch.ledger.custody import Custody


@asynccontextmanager
async def _refuse_development_keys(app: FastAPI) -> AsyncIterator[None]:
    engine: Engine = app.state.engine
    with engine.connect() as conn:
        Custody.from_settings().check(conn)
    yield


router = APIRouter(prefix="/ledger", tags=["ledger"], lifespan=_refuse_development_keys)
MAX_INDEX = 2**53 - 1  # the largest entry number the log writes (and SQLite stores)
SizeQ = Annotated[
    int | None,
    Query(ge=0, le=MAX_INDEX, description="Tree size (default: latest checkpoint)."),
]
IndexQ = Annotated[int, Query(ge=0, le=MAX_INDEX)]


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


@router.get("/checkpoint")
def checkpoint(request: Request) -> dict[str, Any]:
    """The latest published checkpoint: origin, size, root and the signed note."""
    with _engine(request).connect() as conn:
        return reads.latest_checkpoint(conn)


@router.get("/entries/{index}")
def entry(
    request: Request, user: Caller, index: Annotated[int, Path(ge=0, le=MAX_INDEX)]
) -> dict[str, Any]:
    """Entry `index`: its statement, author signature, leaf hash and payload. An entry of the
    investigations (which user of which member changed something, and when) is shown to the
    panel's users only; the public gets its leaf hash, which proofs need."""
    with _engine(request).connect() as conn:
        found = reads.entry(conn, index)
    if user is None and found["statement"].get("kind") == CASES_KIND:
        return {"index": found["index"], "leaf_hash": found["leaf_hash"]}
    return found


@router.get("/keys")
def keys(request: Request) -> dict[str, Any]:
    """The public keys that verify the log: operator, members, users with certificates."""
    with _engine(request).connect() as conn:
        return keystore.keyring(conn).to_json()


@router.get("/proof/inclusion")
def inclusion(request: Request, index: IndexQ, size: SizeQ = None) -> dict[str, Any]:
    """The audit path of an entry in the tree of `size` entries, and that tree's root."""
    with _engine(request).connect() as conn:
        return reads.inclusion(conn, index, size)


@router.get("/proof/consistency")
def consistency(request: Request, first: IndexQ, second: SizeQ = None) -> dict[str, Any]:
    """The proof that the tree of `first` entries is a prefix of the tree of `second`."""
    with _engine(request).connect() as conn:
        return reads.consistency(conn, first, second)
