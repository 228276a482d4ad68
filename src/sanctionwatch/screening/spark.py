"""Batch screening on Apache Spark: the same engine in the executors.

The driver reads the candidates from the store once and broadcasts them; each
executor process builds the screening index from the broadcast on first use
and screens its partitions of the query rows (`mapPartitions`). Results come
back as plain rows; analyst dispositions are applied on the driver, as in the
local engine. Spark runs in local mode (`local[N]`) unless a master URL is
given.
"""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from sanctionwatch.screening.engine import screen
from sanctionwatch.screening.index import ScreeningIndex
from sanctionwatch.screening.model import Candidate, Match
from sanctionwatch.screening.queries import simple_query

_INDEX: dict[str, ScreeningIndex] = {}  # per executor process, keyed by run token


def _index(broadcast_id: str, candidates: list[Candidate]) -> ScreeningIndex:
    if broadcast_id not in _INDEX:
        _INDEX.clear()
        _INDEX[broadcast_id] = ScreeningIndex(candidates)
    return _INDEX[broadcast_id]


def screen_partition(
    rows: Iterable[tuple[int, dict[str, str]]],
    broadcast_id: str,
    candidates: list[Candidate],
    threshold: float,
    limit: int,
) -> Iterator[tuple[int, Match]]:
    """Screen (row number, query row) pairs; yield (row number, match) at/above threshold."""
    index = _index(broadcast_id, candidates)
    for number, row in rows:
        query = simple_query(
            row["name"] or None,
            row["schema"] or "Thing",
            row["birth_date"] or None,
            row["country"] or None,
            row["imo"] or None,
        )
        for m in screen(index, query, threshold, limit):
            if m.match:
                yield number, m


def run_spark(
    candidates: list[Candidate],
    rows: list[dict[str, str]],
    threshold: float,
    limit: int = 5,
    master: str = "local[2]",
    partitions: int = 4,
) -> list[tuple[int, Match]]:
    """Screen `rows` on Spark; returns (1-based row number, match) sorted by row."""
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster(master)
        .setAppName("sanctionwatch-screen-batch")
        .set("spark.ui.enabled", "false")
        .set("spark.pyspark.python", sys.executable)
        .set("spark.executorEnv.PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    context = SparkContext.getOrCreate(conf)
    try:
        shared = context.broadcast(candidates)
        numbered = list(enumerate(rows, start=1))
        bid = uuid.uuid4().hex

        def work(part: Iterable[tuple[int, dict[str, str]]]) -> Iterator[tuple[int, Any]]:
            return screen_partition(part, bid, shared.value, threshold, limit)

        found = context.parallelize(numbered, partitions).mapPartitions(work).collect()
    finally:
        context.stop()
    return sorted(found, key=lambda pair: (pair[0], -pair[1].score.score))
