"""The FastAPI application: designations registry read API."""

from __future__ import annotations

import gc
import os
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse
from fastapi.telemetry import TelemetryConfig
from sqlalchemy import Engine

from sanctionwatch import __version__
from sanctionwatch.api.auth import read_engine
from sanctionwatch.api.casework import router as casework_router
from sanctionwatch.api.evidence import router as evidence_router
from sanctionwatch.api.findings import router as findings_router
from sanctionwatch.api.ledger import router as ledger_router
from sanctionwatch.api.maritime import router as maritime_router
from sanctionwatch.api.match import router as match_router
from sanctionwatch.api.nul import RefuseNul
from sanctionwatch.api.parties import router as parties_router
from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.lists import entities, history
from sanctionwatch.screening.service import Screener
from sanctionwatch.web.pages import router as web_router

# FastAPI's OpenTelemetry hooks: nothing here exports them, and they cost every request.
_NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
}


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="sanctionwatch", version=__version__, telemetry=_NO_TELEMETRY)
    app.state.screener = Screener(engine)
    app.state.engine = engine
    app.state.reader = read_engine(engine)
    app.include_router(match_router)
    app.include_router(maritime_router)
    app.include_router(ledger_router)
    app.include_router(parties_router)
    app.include_router(evidence_router)
    app.include_router(casework_router)
    app.include_router(findings_router)
    app.include_router(web_router)

    app.add_middleware(RefuseNul)

    @app.exception_handler(SanctionwatchError)
    async def _error(_request: Request, exc: SanctionwatchError) -> JSONResponse:
        return JSONResponse({"error": type(exc).__name__, "detail": str(exc)}, exc.status)

    @app.get("/health")
    async def health() -> dict[str, str | int]:
        """Liveness, the version, and which server process answered."""
        return {"status": "ok", "version": __version__, "worker": os.getpid()}

    @app.get("/lists/status")
    def lists_status() -> dict[str, Any]:
        with engine.connect() as conn:
            return {"sources": [asdict(s) for s in history.status(conn)]}

    @app.get("/lists/{source}/diff")
    def lists_diff(source: str, from_: str | None = None, to: str | None = None) -> dict[str, Any]:
        with engine.connect() as conn:
            return asdict(history.diff(conn, source, from_, to))

    @app.get("/entities/{entity_id}")
    def entity(entity_id: str) -> dict[str, Any]:
        with engine.connect() as conn:
            view = entities.show(conn, entity_id)
        return {
            **entities.to_ftm(view),
            "designations": entities.designations(view),
            "related": [entities.to_ftm(r) for r in view.related],
        }

    @app.get("/lookup")
    def lookup(q: str, limit: Annotated[int, Query(ge=1, le=500)] = 20) -> dict[str, Any]:
        with engine.connect() as conn:
            return {"results": [asdict(h) for h in entities.search(conn, q, limit)]}

    return app


def served() -> FastAPI:
    """The app on the configured database: the factory each server worker process calls."""
    from sanctionwatch.db import make_engine

    app = create_app(make_engine())
    steady_heap()
    return app


def steady_heap() -> None:
    """Keep full garbage collections out of request latency.

    A full pass over a served process's heap (some 200,000 objects: the app, SQLAlchemy,
    pydantic, the lists' models) takes 100-150 ms and stalls every request in flight; it was
    the whole of the p99 under load. Objects alive once the app is built are moved out of the
    collector's reach (`gc.freeze`); later full passes scan only what requests left behind.
    """
    gc.collect()
    gc.freeze()
