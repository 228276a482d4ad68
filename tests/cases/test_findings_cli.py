"""The findings commands, on both databases: draft, propose, standard, vote, tally, retract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from sanctionwatch.cli_findings import findings_app, retract_cmd, vote_cmd
from sanctionwatch.settings import get_settings
from tests.cases.conftest import Panel
from tests.cases.scenario import World, build

runner = CliRunner()
app = typer.Typer()
app.add_typer(findings_app, name="findings")
app.command("vote")(vote_cmd)
app.command("retract")(retract_cmd)


@pytest.fixture
def world(panel: Panel, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    url = panel.engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("SANCTIONWATCH_DATABASE_URL", url)
    get_settings.cache_clear()
    yield build(panel)
    get_settings.cache_clear()


def run(*args: str, code: int = 0) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def test_findings_commands(world: World, tmp_path: Path) -> None:
    first = tmp_path / "first.md"
    first.write_text(f"The tanker loaded oil {world.cite('us')}.\n", encoding="utf-8")
    made = run("findings", "draft", world.case_id, "STS", str(first), "--as", "us.analyst")
    fid = made["id"]
    report = run("findings", "standard", fid, "--as", "kr.delegate", code=1)
    assert "rests on one item only" in report["reasons"][0]
    second = tmp_path / "second.md"
    second.write_text(f"The tanker loaded oil {world.cite('us', 'kr')}.\n", encoding="utf-8")
    rev = run("findings", "propose", fid, "1", str(second), "--as", "kr.reviewer")
    assert rev["number"] == 2 and "+The tanker" in rev["diff"]
    assert run("findings", "standard", fid, "--as", "kr.delegate")["ok"]
    vote = run("vote", fid, "dissent", "--statement", " verbatim  ", "--as", "jp.delegate")
    assert vote["statement"] == " verbatim  " and vote["revision_sha256"] == rev["sha256"]
    tally = run("findings", "tally", fid, "--as", "jp.delegate")
    assert tally["counts"]["dissent"] == 1
    run("retract", fid, "withdrawn", "--as", "us.coordinator")
    shown = run("findings", "show", fid, "--as", "nz.observer")
    assert shown["state"] == "retracted" and shown["retraction"]["reason"] == "withdrawn"
