"""A screening index over the real UN list and OFAC SDN (2024-05-03), built once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sanctionwatch.db import make_engine
from sanctionwatch.lists.load import load_paths
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.service import Screener
from tests.conftest import OFAC, UN

LISTS = [UN, OFAC / "sdn-2024-05-03" / "sdn.csv"]


@pytest.fixture(scope="session")
def real_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path: Path = tmp_path_factory.mktemp("screening") / "store.db"
    engine = make_engine(f"sqlite:///{path}")
    list(load_paths(engine, LISTS))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def screener(real_store: Engine) -> Screener:
    return Screener(real_store)


@pytest.fixture(scope="session")
def index(screener: Screener) -> ScreeningIndex:
    return screener.index()
