"""Fixtures: real databases (SQLite and PostgreSQL) and the real list files."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from sanctionwatch.db import make_engine
from sanctionwatch.logs import configure
from tests.cases.conftest import Panel, make_panel
from tests.pg import Cluster

DATA = Path(__file__).parent / "data"
UN = DATA / "un" / "consolidated-2026-02-27.xml"
OFAC = DATA / "ofac"
_counter = itertools.count()

configure("WARNING")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    given = os.environ.get("SANCTIONWATCH_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    cluster = Cluster()
    try:
        yield cluster.url
    finally:
        cluster.stop()


def new_database(server_url: str) -> str:
    name = f"sw_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def engine_for(backend: str, tmp: Path, request: pytest.FixtureRequest) -> Engine:
    if backend == "sqlite":
        return make_engine(f"sqlite:///{tmp / 'store.db'}")
    server: str = request.getfixturevalue("pg_server")
    return make_engine(new_database(server))


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, migrated store on each backend."""
    eng = engine_for(request.param, tmp_path, request)
    yield eng
    eng.dispose()


@pytest.fixture
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def panel(engine: Engine) -> Panel:
    """The secretariat and five member states with users in every role (tests/cases/conftest)."""
    return make_panel(engine)
