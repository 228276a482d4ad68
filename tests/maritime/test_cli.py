"""The maritime commands end to end on both databases: simulate, ingest, detect, list, export."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from sanctionwatch.cli import app
from sanctionwatch.settings import get_settings

AIS = Path(__file__).parents[1] / "data" / "ais"
runner = CliRunner()


@pytest.fixture
def env(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("SANCTIONWATCH_DATABASE_URL", engine.url.render_as_string(False))
    monkeypatch.setenv("SANCTIONWATCH_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def run(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_simulate_detect_list_and_export(env: Path) -> None:
    made = run("simulate", "--seed", "5", "--hours", "30", "--vessels", "40", "--out", str(env))
    assert made["synthetic"] and made["ingest"]["rows_added"]["positions"] == made["positions"]
    assert json.loads((env / "truth.json").read_text())  # ground truth written
    first = run("detect")
    assert first["positions"] == made["positions"] and first["new"] == sum(first["events"].values())
    assert run("detect")["new"] == 0  # same data, same events
    listed = run("events", "list")
    assert len(listed) == first["new"] and listed == sorted(listed, key=lambda e: e["start"])
    one = listed[0]
    assert {"id", "type", "mmsi", "start", "end", "position", "severity", "detector"} <= set(one)
    assert one["start"].endswith("Z") and one["synthetic"] and one["evidence"]["row_ids"]
    gaps = run("events", "list", "--type", "gap")
    assert gaps and all(e["type"] == "gap" for e in gaps)
    for suffix in ("geojson", "kml", "csv"):
        out = env / f"events.{suffix}"
        result = runner.invoke(app, ["events", "export", str(out)])
        assert result.exit_code == 0, result.output
    features = json.loads((env / "events.geojson").read_text())["features"]
    assert len(features) == len(listed) and "SYNTHETIC" in features[0]["properties"]["note"]
    assert len(list(csv.DictReader((env / "events.csv").open()))) == len(listed)
    assert (env / "events.kml").read_text().count("<Placemark>") == len(listed)


def test_ingest_real_files_reports_rejects(env: Path) -> None:
    report = run("ais", "ingest", str(AIS / "gfw" / "263576000.ndjson"))
    assert report["rows_added"]["positions"] > 600
    assert report["rejects"]  # the lat 91 / lon 181 fix and the duplicates are counted
    again = run("ais", "ingest", str(AIS / "gfw" / "263576000.ndjson"))
    assert again["rows_added"]["positions"] == 0


def test_bad_input_is_one_clear_error(env: Path) -> None:
    result = runner.invoke(app, ["detect", "--engine", "bigquery"])
    assert result.exit_code != 0 and "bigquery" in str(result.exception)
    result = runner.invoke(app, ["events", "export", str(env / "x.shp")])
    assert result.exit_code != 0 and "x.shp" in str(result.exception)
    result = runner.invoke(app, ["ais", "ingest", str(env / "missing.nmea")])
    assert result.exit_code != 0 and "missing.nmea" in str(result.exception)
