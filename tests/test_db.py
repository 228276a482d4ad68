"""The store's engine: any URL SQLAlchemy takes, percent-encoding included."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from sanctionwatch.db import make_engine
from tests.conftest import new_database


def test_sqlite_path_with_percent_sign(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / '100%' / 'store.db'}")
    assert "cs_cases" in inspect(engine).get_table_names()
    assert (tmp_path / "100%" / "store.db").exists()


def test_postgresql_url_with_percent_encoding(pg_server: str) -> None:
    # a Unix-socket URL reads ?host=%2Ftmp%2F...; here a query value with an encoded space
    url = new_database(pg_server) + "?application_name=sanction%20watch"
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SHOW application_name")).scalar() == "sanction watch"
    assert "cs_cases" in inspect(engine).get_table_names()
    engine.dispose()
