"""The few spellings where DuckDB's and Spark's SQL differ; everything else is shared SQL."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str

    def array(self, *items: str) -> str:
        """An array literal of column expressions."""
        inner = ", ".join(items)
        return f"list_value({inner})" if self.name == "duckdb" else f"array({inner})"

    def concat(self, *arrays: str) -> str:
        """Arrays joined end to end."""
        if self.name == "spark":
            return f"concat({', '.join(arrays)})"
        out = arrays[0]
        for other in arrays[1:]:
            out = f"list_concat({out}, {other})"
        return out

    def last_value_ignore_nulls(self, expr: str) -> str:
        """Window function: the last non-null value of `expr` in the frame."""
        if self.name == "duckdb":
            return f"last_value({expr} IGNORE NULLS)"
        return f"last_value({expr}, true)"

    def first_value_ignore_nulls(self, expr: str) -> str:
        """Window function: the first non-null value of `expr` in the frame."""
        if self.name == "duckdb":
            return f"first_value({expr} IGNORE NULLS)"
        return f"first_value({expr}, true)"

    def collect(self, expr: str) -> str:
        """Aggregate: the sorted array of `expr` over the group."""
        return f"array_sort(array_agg({expr}))"

    def flatten_collect(self, expr: str) -> str:
        """Aggregate: the sorted, de-duplicated array of the elements of array `expr`."""
        if self.name == "duckdb":
            return f"array_sort(list_distinct(flatten(array_agg({expr}))))"
        return f"array_sort(array_distinct(flatten(array_agg({expr}))))"

    def replace_all(self, expr: str, pattern: str, replacement: str) -> str:
        """Every match of the regular expression `pattern` (a SQL string literal) replaced;
        keep `pattern` to syntax that RE2 (DuckDB) and java.util.regex (Spark) read alike."""
        if self.name == "duckdb":
            return f"regexp_replace({expr}, {pattern}, {replacement}, 'g')"
        return f"regexp_replace({expr}, {pattern}, {replacement})"


DUCKDB = Dialect("duckdb")
SPARK = Dialect("spark")
