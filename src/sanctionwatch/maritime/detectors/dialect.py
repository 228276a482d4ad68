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

    def collect(self, expr: str) -> str:
        """Aggregate: the sorted array of `expr` over the group."""
        return f"array_sort(array_agg({expr}))"

    def flatten_collect(self, expr: str) -> str:
        """Aggregate: the sorted, de-duplicated array of the elements of array `expr`."""
        if self.name == "duckdb":
            return f"array_sort(list_distinct(flatten(array_agg({expr}))))"
        return f"array_sort(array_distinct(flatten(array_agg({expr}))))"


DUCKDB = Dialect("duckdb")
SPARK = Dialect("spark")
