"""Property: random truncations and byte flips of each real list file never crash the
loader and never change the store (each load is one transaction)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.lists.load import load_path
from sanctionwatch.lists.tables import canonical, decisions, statements, versions
from tests.conftest import OFAC, UN

# (primary file, files of its set that may be damaged, publication date)
REAL = {
    "un": (UN, [UN], "2026-02-27"),
    "ofac-sdn-2024-05-03": (
        OFAC / "sdn-2024-05-03" / "sdn.csv",
        [OFAC / "sdn-2024-05-03" / "sdn.csv"],
        "2024-05-03",
    ),
    "ofac-full-2021-07-07": (
        OFAC / "full-2021-07-07" / "sdn.csv",
        sorted((OFAC / "full-2021-07-07").glob("*.csv")),
        "2021-07-07",
    ),
    "ofac-cons-2025-12-19": (
        OFAC / "cons-2025-12-19" / "cons_prim.csv",
        sorted((OFAC / "cons-2025-12-19").glob("*.csv")),
        "2025-12-19",
    ),
}


def fingerprint(engine: Engine) -> tuple[int, ...]:
    with engine.connect() as conn:
        return (
            *tuple(
                conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (statements, versions, decisions, canonical)
            ),
            conn.execute(
                select(func.count()).where(statements.c.end_version.is_not(None))
            ).scalar_one(),
            conn.execute(select(func.max(statements.c.first_version))).scalar_one() or 0,
        )


@pytest.mark.parametrize("name", sorted(REAL))
def test_damaged_files_never_crash_nor_change_the_store(
    name: str, engine: Engine, tmp_path: Path
) -> None:
    primary, damageable, published = REAL[name]
    load_path(engine, primary, published=published)
    before = fingerprint(engine)
    work = tmp_path / "set"

    @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        target=st.sampled_from(damageable),
        cut=st.floats(min_value=0.0, max_value=1.0),
        flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(1, 255)), max_size=4),
        truncate=st.booleans(),
    )
    def damage_and_load(
        target: Path, cut: float, flips: list[tuple[float, int]], truncate: bool
    ) -> None:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(primary.parent, work)
        data = bytearray(target.read_bytes())
        for where, mask in flips:
            data[int(where * (len(data) - 1))] ^= mask
        if truncate or not flips:
            data = data[: int(cut * len(data))]
        (work / target.name).write_bytes(bytes(data))
        try:
            load_path(engine, work / primary.name, published=published)
        except SanctionwatchError as exc:
            assert "\n" not in str(exc)
        assert fingerprint(engine) == before

    damage_and_load()
