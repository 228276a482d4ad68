"""Fast bulk inserts inside the caller's transaction: COPY on PostgreSQL,
a prepared executemany on SQLite (SQLAlchemy's per-row parameter handling
costs more than the database itself for hundreds of thousands of rows)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert


def insert_rows(
    conn: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert `rows` (tuples in `columns` order) into `table` within `conn`'s transaction."""
    if not rows:
        return
    dialect = conn.dialect.name
    driver: Any = conn.connection.driver_connection
    names = ", ".join(columns)
    if dialect == "postgresql":
        with (
            driver.cursor() as cursor,
            cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
    elif dialect == "sqlite":
        marks = ", ".join("?" for _ in columns)
        cursor = driver.cursor()
        cursor.executemany(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", rows)
        cursor.close()
    else:
        conn.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
