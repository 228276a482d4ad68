"""Batch screening: a CSV or Parquet file of queries in, one row per match out.

Input columns: `name` (required), `schema`, `birth_date`, `country`, `imo`
(optional, may be absent). Output: one row per query and match at or above the
threshold, with the score, the matched entity and the explanation as JSON.
Matches an analyst marked as false positives for the same query are left out
and counted.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from sanctionwatch.errors import InputError, ParseError
from sanctionwatch.screening import dispositions
from sanctionwatch.screening.model import DEFAULT_THRESHOLD, Match, Query
from sanctionwatch.screening.queries import simple_query
from sanctionwatch.screening.service import Screener

COLUMNS = ("name", "schema", "birth_date", "country", "imo")
OUTPUT = (
    "row",
    "query_name",
    "query_schema",
    "entity_id",
    "caption",
    "schema",
    "score",
    "datasets",
    "regimes",
    "explanation",
)


@dataclass(frozen=True)
class BatchResult:
    queries: int
    matches: int
    suppressed: int


def read_queries(path: Path) -> list[dict[str, str]]:
    """Rows of the input file as dicts of the known columns."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    rows = _read_parquet(path) if path.suffix.lower() == ".parquet" else _read_csv(path)
    return rows


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "name" not in reader.fieldnames:
                raise ParseError(path, "line 1", "header must have a 'name' column")
            return [{c: (row.get(c) or "").strip() for c in COLUMNS} for row in reader]
    except UnicodeDecodeError as exc:
        raise ParseError(path, None, f"not UTF-8: {exc}") from exc
    except csv.Error as exc:
        raise ParseError(path, None, f"malformed CSV: {exc}") from exc


def _read_parquet(path: Path) -> list[dict[str, str]]:
    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise ParseError(path, None, f"not a readable Parquet file: {exc}") from exc
    if "name" not in table.column_names:
        raise ParseError(path, "schema", "needs a 'name' column")
    data = table.to_pydict()
    size = table.num_rows
    return [
        {
            c: "" if data.get(c, [None] * size)[i] is None else str(data.get(c, [None] * size)[i])
            for c in COLUMNS
        }
        for i in range(size)
    ]


def query_of(row: dict[str, str]) -> Query:
    return simple_query(
        row["name"] or None,
        row["schema"] or "Thing",
        row["birth_date"] or None,
        row["country"] or None,
        row["imo"] or None,
    )


def screen_rows(
    screener: Screener,
    rows: list[dict[str, str]],
    threshold: float = DEFAULT_THRESHOLD,
    limit: int = 5,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any] | None]:
    """Output rows for each query; None marks a suppressed false positive."""
    for number, row in enumerate(rows, start=1):
        query = query_of(row)
        for m in screener.match(query, threshold=threshold, limit=limit):
            if m.score.score >= threshold:
                yield output_row(number, row, query, m) if m.match else None
        if progress:
            progress(1)


def spark_rows(
    screener: Screener, rows: list[dict[str, str]], threshold: float, limit: int = 5
) -> Iterator[dict[str, Any] | None]:
    """The same output, computed by Spark executors; dispositions applied here."""
    from sanctionwatch.screening.spark import run_spark

    found = run_spark(screener.index().candidates, rows, threshold, limit)
    with screener.engine.connect() as conn:
        for number, m in found:
            row = rows[number - 1]
            query = query_of(row)
            (checked,) = dispositions.apply([m], dispositions.latest(conn, query))
            yield output_row(number, row, query, checked) if checked.match else None


def output_row(number: int, row: dict[str, str], query: Query, m: Match) -> dict[str, Any]:
    c = m.candidate
    return {
        "row": number,
        "query_name": row["name"],
        "query_schema": query.schema,
        "entity_id": c.id,
        "caption": c.caption,
        "schema": c.schema,
        "score": round(m.score.score, 4),
        "datasets": ";".join(c.datasets),
        "regimes": ";".join(c.regimes),
        "explanation": json.dumps(m.score.explanation(), ensure_ascii=False),
    }


def write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    """Write atomically: a temporary file beside `path`, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=path.suffix)
    os.close(fd)
    try:
        if path.suffix.lower() == ".parquet":
            columns = {c: [r[c] for r in rows] for c in OUTPUT}
            pq.write_table(pa.table(columns), tmp)
        else:
            with open(tmp, "w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=OUTPUT)
                writer.writeheader()
                writer.writerows(rows)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def run_batch(
    screener: Screener,
    source: Path,
    target: Path,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Callable[[int], None] | None = None,
    engine: str = "local",
) -> BatchResult:
    if engine not in ("local", "spark"):
        raise InputError(f"engine must be local or spark, not {engine!r}")
    queries = read_queries(source)
    out: list[dict[str, Any]] = []
    suppressed = 0
    produced = (
        spark_rows(screener, queries, threshold)
        if engine == "spark"
        else screen_rows(screener, queries, threshold, progress=progress)
    )
    for row in produced:
        if row is None:
            suppressed += 1
        else:
            out.append(row)
    write_rows(target, out)
    return BatchResult(len(queries), len(out), suppressed)
