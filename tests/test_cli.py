"""The CLI end to end, on both databases: every command documented, JSON outputs, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.docs import cli_markdown, commands, settings_markdown
from sanctionwatch.settings import get_settings
from tests.conftest import UN

ROOT = Path(__file__).parent.parent
runner = CliRunner()


@pytest.fixture
def cli_db(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = engine.url.render_as_string(hide_password=False)
    monkeypatch.setenv("SANCTIONWATCH_DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def run(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_every_command_has_help_and_docs() -> None:
    documented = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    found = commands(app)
    assert len(found) >= 10
    for path, help_text in found:
        assert help_text, f"{path} has no help"
        assert f"`sanctionwatch {path}`" in documented, f"{path} missing from docs/cli.md"
        result = runner.invoke(app, [*path.split(), "--help"])
        assert result.exit_code == 0 and help_text.split()[0] in result.stdout


def test_generated_docs_are_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_markdown(app)
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == settings_markdown()


def test_load_status_show_search_export(cli_db: str, tmp_path: Path) -> None:
    loaded = run("lists", "load", str(UN))["loaded"]
    assert loaded[0]["records"] == 1003 and loaded[0]["version"] == "2026-02-27"
    (status,) = run("lists", "status")["sources"]
    assert (status["source"], status["entities"], status["regimes"]["dprk"]) == ("un", 1003, 155)
    shown = run("entities", "show", "un-kpe.001")
    assert shown["designations"][0]["regimes"] == ["dprk"]
    assert {p["source"] for p in shown["provenance"]["name"]} == {"un"}
    hits = run("entities", "search", "mining development")["results"]
    assert "un-kpe.001" in {h["id"] for h in hits}
    diff = run("lists", "diff", "un")
    assert len(diff["added"]) == 1003 and diff["removed"] == []
    exported = runner.invoke(app, ["entities", "export", "--format", "ftm"])
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert sum(1 for e in lines if e["schema"] in ("Person", "Organization")) == 1003
    as_csv = runner.invoke(app, ["entities", "export", "--format", "csv"])
    assert as_csv.stdout.splitlines()[0].startswith("id,schema,caption")


def test_bad_file_gives_one_line_error_and_exit_code(tmp_path: Path) -> None:
    bad = tmp_path / "consolidated.xml"
    bad.write_bytes(UN.read_bytes()[:5000])
    env = {**os.environ, "SANCTIONWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    proc = subprocess.run(
        [sys.executable, "-m", "sanctionwatch", "lists", "load", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"error: {bad}:line ")


def test_load_from_url_fetches_the_published_file(cli_db: str, tmp_path: Path) -> None:
    """A real HTTP server on loopback stands in for the UN's web server."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(UN.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{UN.name}"
        loaded = run("lists", "load", url)["loaded"]
    finally:
        server.shutdown()
    assert (loaded[0]["source"], loaded[0]["records"]) == ("un", 1003)
