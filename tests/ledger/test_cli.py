"""`sanctionwatch ledger ...` end to end on both databases, with the real UN list."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.ledger.merkle import verify_consistency, verify_inclusion
from sanctionwatch.settings import get_settings
from tests.conftest import UN
from tests.lists.unedit import next_version

runner = CliRunner()
NAME_ROW = "SELECT min(id) FROM statements WHERE prop = 'name'"


@pytest.fixture
def cli_db(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setenv("SANCTIONWATCH_DATABASE_URL", engine.url.render_as_string(False))
    get_settings.cache_clear()
    yield engine
    get_settings.cache_clear()


def run(*args: str, code: int = 0) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def b64(items: list[str]) -> list[bytes]:
    return [base64.b64decode(i) for i in items]


def test_load_checkpoint_prove_verify_export(cli_db: Engine, tmp_path: Path) -> None:
    run("lists", "load", str(UN))
    run("lists", "load", str(next_version(tmp_path, "2026-03-15")))
    checkpoint = run("ledger", "checkpoint")
    assert checkpoint["size"] == 2 and checkpoint["refusals"] == []
    entry = run("ledger", "entry", "1")
    assert entry["statement"]["kind"] == "list.load" and entry["payload"]["ended"]["count"] > 0
    inclusion = run("ledger", "proof", "inclusion", "0")
    verify_inclusion(
        0,
        2,
        base64.b64decode(inclusion["leaf_hash"]),
        b64(inclusion["proof"]),
        base64.b64decode(inclusion["root"]),
    )
    consistency = run("ledger", "proof", "consistency", "1", "2")
    roots = (
        base64.b64decode(consistency["first_root"]),
        base64.b64decode(consistency["second_root"]),
    )
    verify_consistency(1, 2, *roots, b64(consistency["proof"]))
    assert run("ledger", "verify")["ok"]
    assert run("ledger", "export", str(tmp_path / "bundle"))["entries"] == 2
    assert run("ledger", "verify", "--bundle", str(tmp_path / "bundle"))["ok"]


def test_verify_names_the_load_whose_designation_was_edited(cli_db: Engine) -> None:
    run("lists", "load", str(UN))
    with cli_db.begin() as conn:
        edit = "UPDATE statements SET value = 'SOMEONE ELSE' WHERE id = :id"
        conn.execute(text(edit), {"id": conn.scalar(text(NAME_ROW))})
    report = run("ledger", "verify", code=1)
    assert report["first_bad_entry"] == 0
    assert report["problems"][0]["what"] == "the rows this list.load covers have changed"
    plain = runner.invoke(app, ["ledger", "verify"])
    assert plain.exit_code == 1 and "first bad entry: 0" in plain.stdout


def test_keys_and_a_refusing_witness(cli_db: Engine) -> None:
    run("ledger", "keys", "member", "FR")
    user = run("ledger", "keys", "user", "bob", "--member", "FR")
    assert user["user"].startswith("bob+")
    keys = run("ledger", "keys", "list")["keys"]
    assert [(k["role"], k["name"]) for k in keys] == [("member", "FR"), ("user", "bob")]
    assert run("ledger", "checkpoint")["size"] == 0
    ahead = "sanctionwatch.dev/ledger\n5\n" + "A" * 43 + "=\n"  # as if it had seen 5 entries
    with cli_db.begin() as conn:
        conn.execute(text("UPDATE ledger_witnesses SET checkpoint = :c"), {"c": ahead})
    refused = runner.invoke(app, ["ledger", "checkpoint"])
    assert refused.exit_code == 1
    assert (
        "refused: sanctionwatch.dev/ledger: the log shrank (cosigned 5, shown 0)" in refused.stdout
    )
