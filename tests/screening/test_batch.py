"""Batch screening of CSV and Parquet files, and analyst dispositions, on the real lists."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sanctionwatch.errors import InputError, ParseError
from sanctionwatch.screening.batch import run_batch
from sanctionwatch.screening.queries import simple_query
from sanctionwatch.screening.service import Screener

ROWS = [
    {"name": "Kim Jong Un", "schema": "Person", "birth_date": "", "country": "kp", "imo": ""},
    {
        "name": "CHONG CHON GANG",
        "schema": "Vessel",
        "birth_date": "",
        "country": "",
        "imo": "7937317",
    },
    {"name": "Jane Q. Nobody", "schema": "Person", "birth_date": "1990", "country": "", "imo": ""},
]


def test_csv_batch(screener: Screener, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    with source.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "schema", "birth_date", "country", "imo"])
        writer.writeheader()
        writer.writerows(ROWS)
    result = run_batch(screener, source, tmp_path / "out.csv")
    out = list(csv.DictReader((tmp_path / "out.csv").open()))
    assert result.queries == 3 and result.matches == len(out) >= 2
    assert {(r["row"], r["entity_id"]) for r in out} >= {("1", "ofac-20157"), ("2", "ofac-17069")}
    assert not any(r["row"] == "3" for r in out)
    assert "imo" in json.loads(next(r for r in out if r["row"] == "2")["explanation"])


def test_parquet_batch_with_only_a_name_column(screener: Screener, tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"name": ["LAZARUS GROUP", None, "OCEAN MARITIME MANAGEMENT"]}), source)
    result = run_batch(screener, source, tmp_path / "out.parquet")
    table = pq.read_table(tmp_path / "out.parquet").to_pydict()
    assert result.queries == 3
    assert "ofac-27307" in table["entity_id"] and "sw-ofac-17068" in table["entity_id"]


def test_false_positive_is_suppressed_next_time(screener: Screener, tmp_path: Path) -> None:
    query = simple_query("Kim Jong Un", "Person", country="kp")
    assert any(m.match and m.candidate.id == "ofac-20157" for m in screener.match(query))
    screener.dispose(query, "ofac-20157", "false-positive", "analyst-au", "our customer")
    (again,) = [m for m in screener.match(query) if m.candidate.id == "ofac-20157"]
    assert not again.match
    assert "false-positive by analyst-au" in again.score.explanation()["disposition"]["detail"]
    source = tmp_path / "in.csv"
    source.write_text("name,schema,country\nKIM  jong un,Person,kp\n")
    result = run_batch(screener, source, tmp_path / "out.csv")
    assert result.suppressed == 1
    screener.dispose(query, "ofac-20157", "true-match", "analyst-us", "it is him")
    assert any(m.match and m.candidate.id == "ofac-20157" for m in screener.match(query))
    with pytest.raises(InputError):
        screener.dispose(query, "ofac-20157", "maybe", "a", "b")


def test_bad_batch_input(screener: Screener, tmp_path: Path) -> None:
    no_name = tmp_path / "x.csv"
    no_name.write_text("nom,schema\nKim,Person\n")
    with pytest.raises(ParseError, match=r"x\.csv:line 1"):
        run_batch(screener, no_name, tmp_path / "o.csv")
    junk = tmp_path / "j.parquet"
    junk.write_bytes(b"\x00garbage")
    with pytest.raises(ParseError, match=r"j\.parquet"):
        run_batch(screener, junk, tmp_path / "o.csv")
    assert not (tmp_path / "o.csv").exists()


def test_spark_local_mode_gives_the_same_rows(screener: Screener, tmp_path: Path) -> None:
    """The same engine in Spark executors (local[2]) writes what the local engine writes."""
    source = tmp_path / "in.csv"
    source.write_text(
        "name,schema,imo\nLAZARUS GROUP,,\nCHONG CHON GANG,Vessel,7937317\n"
        "Nobody Special,Person,\nOCEAN MARITIME MANAGEMENT,Company,\n"
    )
    local = run_batch(screener, source, tmp_path / "local.csv")
    spark = run_batch(screener, source, tmp_path / "spark.csv", engine="spark")
    assert (spark.queries, spark.matches) == (local.queries, local.matches) == (4, spark.matches)
    left = list(csv.DictReader((tmp_path / "local.csv").open()))
    right = list(csv.DictReader((tmp_path / "spark.csv").open()))
    key = lambda r: (r["row"], r["entity_id"], r["score"])  # noqa: E731
    assert sorted(map(key, left)) == sorted(map(key, right)) and len(left) >= 3
