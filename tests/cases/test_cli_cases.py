"""The sources, evidence and cases commands end to end, acting as users of the panel."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from sanctionwatch.cases.model import Audience, Scope, Tlp
from sanctionwatch.cli_cases import cases_app, evidence_app, parse_audience, sources_app
from sanctionwatch.errors import InputError
from sanctionwatch.settings import get_settings
from tests.cases.conftest import Panel
from tests.conftest import DATA

root = typer.Typer()
root.add_typer(sources_app, name="sources")
root.add_typer(evidence_app, name="evidence")
root.add_typer(cases_app, name="cases")
runner = CliRunner()


@pytest.fixture
def cli_panel(panel: Panel, monkeypatch: pytest.MonkeyPatch) -> Iterator[Panel]:
    monkeypatch.setenv("SANCTIONWATCH_DATABASE_URL", panel.engine.url.render_as_string(False))
    monkeypatch.setenv("SANCTIONWATCH_ANALYST", "us.analyst")
    get_settings.cache_clear()
    yield panel
    get_settings.cache_clear()


def run(*args: str) -> Any:
    result = runner.invoke(root, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_parse_audience() -> None:
    assert parse_audience("all", "US") == Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)
    assert parse_audience("members:kr,JP:amber+strict", "US") == Audience(
        Scope.MEMBERS, "US", frozenset({"KR", "JP"}), Tlp.AMBER_STRICT
    )
    assert parse_audience("public", "NZ").tlp is Tlp.CLEAR
    assert parse_audience("originator:RED", "AU").scope is Scope.ORIGINATOR
    with pytest.raises(InputError):
        parse_audience("everyone", "US")


def test_sources_evidence_and_cases(cli_panel: Panel) -> None:
    src = run("sources", "add", "DMA", "--reliability", "B", "--audience", "members:KR")
    assert src["reliability"] == "B" and src["audience"]["members"] == ["KR"]
    assert [s["id"] for s in run("sources", "list", "--as", "kr.observer")] == [src["id"]]
    assert run("sources", "list", "--as", "jp.observer") == []
    path = DATA / "ais" / "dma_aisdk_20180208_sample.csv"
    item = run(
        "evidence", "add", str(path), "--source", src["id"], "--kind", "ais_extract",
        "--audience", "members:KR", "--as", "us.contributor",
    )  # fmt: skip
    assert item["media_type"] == "text/csv" and item["created_by"] == "us.contributor"
    case = run(
        "cases", "open", "STS off Nampo", "--topic", "refined_petroleum", "--audience", "members:KR"
    )
    assert case["status"] == "open"
    run("cases", "link", case["id"], "evidence", item["id"])
    run("cases", "status", case["id"], "investigating", "--as", "us.coordinator")
    assert [c["id"] for c in run("cases", "list", "-q", "nampo", "--as", "kr.observer")] == [
        case["id"]
    ]
    assert run("cases", "list", "-q", "nampo", "--as", "nz.observer") == []
    shown = run("cases", "show", case["id"], "--as", "kr.observer")
    assert [c["value"] for c in shown["history"]] == [
        "open",
        f"evidence:{item['id']}",
        "investigating",
    ]
    hidden = runner.invoke(root, ["cases", "show", case["id"], "--as", "nz.observer"])
    assert hidden.exit_code != 0 and "no case" in str(hidden.exception)
    table = runner.invoke(root, ["cases", "list"])
    assert table.exit_code == 0 and "Nampo" in table.stdout


def test_grades_and_evidence_reads(cli_panel: Panel) -> None:
    src = run("sources", "add", "KR radar", "--as", "kr.contributor")
    graded = run("sources", "grade", src["id"], "B", "--note", "checked", "--as", "kr.analyst")
    assert graded["reliability"] == "B" and graded["graded_by"] == "kr.analyst"
    path = DATA / "ais" / "dma_aisdk_20180208_sample.csv"
    item = run(
        "evidence", "add", str(path), "--source", src["id"], "--kind", "ais_extract",
        "--audience", "originator", "--as", "kr.contributor",
    )  # fmt: skip
    regraded = run("evidence", "grade", item["id"], "2", "--as", "kr.reviewer")
    assert regraded["credibility"] == "2" and regraded["reliability"] == "B"
    shown = run("evidence", "show", item["id"], "--as", "kr.observer")
    assert shown["created_by"] == "kr.contributor" and shown["graded_by"] == "kr.reviewer"
    assert [e["id"] for e in run("evidence", "list", "--as", "kr.observer")] == [item["id"]]
    assert run("evidence", "list", "--as", "us.observer") == []
    hidden = runner.invoke(root, ["evidence", "show", item["id"], "--as", "us.observer"])
    missing = runner.invoke(root, ["evidence", "show", "ev-" + "0" * 32, "--as", "us.observer"])
    assert hidden.exit_code == missing.exit_code != 0
