"""Run a detector's query on DuckDB (embedded default) or Apache Spark (local mode or a
cluster). Both receive the same input tables and the same SQL; only `dialect` differs."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Literal, Protocol

import duckdb
import pyarrow as pa

from sanctionwatch.maritime.detectors.base import Detector, Row, Stamped
from sanctionwatch.maritime.detectors.derived import derived_views, needed
from sanctionwatch.maritime.detectors.dialect import DUCKDB, SPARK
from sanctionwatch.maritime.detectors.inputs import Inputs

Engine = Literal["duckdb", "spark", "oracle"]


class Views(Protocol):
    def views(self) -> dict[str, pa.Table]: ...


def run_duckdb(
    detectors: Sequence[Stamped],
    inputs: Views,
    timed: Callable[[str, float], None] | None = None,
) -> dict[str, list[Row]]:
    """Every detector's rows; `timed(step, seconds)` hears how long each step took (a shared
    derived view, then each detector)."""
    clock = timed or (lambda _step, _seconds: None)
    con = duckdb.connect()
    try:
        for name, table in inputs.views().items():
            con.register(name, table)
        made: set[str] = set()
        out = {}
        for d in detectors:
            sql = d.sql(DUCKDB)
            for name in needed(sql):
                if name not in made:
                    began = time.perf_counter()
                    con.execute(f"CREATE TEMP TABLE {name} AS {derived_views(DUCKDB)[name]}")
                    clock(f"view {name}", time.perf_counter() - began)
                    made.add(name)
            began = time.perf_counter()
            out[d.name] = con.execute(sql).to_arrow_table().to_pylist()
            clock(d.name, time.perf_counter() - began)
        return out
    finally:
        con.close()


@contextmanager
def spark_session(master: str = "local[2]") -> Iterator[Any]:
    """A Spark session: the active one if there is one (left running), else a new local one
    (stopped at the end)."""
    from pyspark.sql import SparkSession

    active = SparkSession.getActiveSession()
    if active is not None:
        yield active
        return
    session = (
        SparkSession.builder.master(master)
        .appName("sanctionwatch-detect")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "3g")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.executorEnv.PYTHONPATH", os.pathsep.join(p for p in sys.path if p))
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()


def run_spark(
    detectors: Sequence[Stamped], inputs: Views, session: Any | None = None
) -> dict[str, list[Row]]:
    if session is None:
        with spark_session() as own:
            return run_spark(detectors, inputs, own)
    for name, table in inputs.views().items():
        _view(session, name, table)
    made: list[Any] = []
    out = {}
    for d in detectors:
        sql = d.sql(SPARK)
        for name in needed(sql):
            if name not in {n for n, _ in made}:
                shared = session.sql(derived_views(SPARK)[name]).cache()
                shared.createOrReplaceTempView(name)
                made.append((name, shared))
        frame = session.sql(sql)
        out[d.name] = [row.asDict(recursive=True) for row in frame.collect()]
    for _, shared in made:
        shared.unpersist()
    return out


def _view(session: Any, name: str, table: pa.Table) -> None:
    schema = _spark_schema(table.schema)  # checks every column has a Spark type
    frame = session.createDataFrame(table, schema=schema)  # Arrow straight in (Spark >= 4)
    frame.createOrReplaceTempView(name)


def _spark_schema(schema: pa.Schema) -> Any:
    from pyspark.sql import types as T

    simple = {
        pa.int64(): T.LongType(),
        pa.int32(): T.IntegerType(),
        pa.float64(): T.DoubleType(),
        pa.float32(): T.FloatType(),
        pa.string(): T.StringType(),
        pa.bool_(): T.BooleanType(),
        pa.list_(pa.int64()): T.ArrayType(T.LongType()),
    }
    fields = []
    for f in schema:
        kind = simple.get(f.type)
        if kind is None:
            raise TypeError(f"no Spark type for column {f.name} ({f.type})")
        fields.append(T.StructField(f.name, kind, True))
    return T.StructType(fields)


def run(
    detectors: Sequence[Detector], inputs: Inputs, engine: Engine = "duckdb"
) -> dict[str, list[Row]]:
    if engine == "duckdb":
        return run_duckdb(detectors, inputs)
    if engine == "spark":
        return run_spark(detectors, inputs)
    return {d.name: d.oracle(inputs) for d in detectors}
