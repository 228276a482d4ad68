"""Lenient, vectorised column parsing shared by the CSV readers (DMA, NOAA, Solent).

Every cell is read as text; a cell that does not parse becomes null rather than failing the
file, and `sanctionwatch.maritime.validate` then counts the row it spoils.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from sanctionwatch.errors import ParseError
from sanctionwatch.maritime.model import UTC_US

_NUMBER = r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$"
_ISO = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?Z?$"


def read_csv(path: Path, columns: list[str], delimiter: str = ",") -> pa.Table:
    """The named columns of a CSV file (plain or .gz), all as strings; absent ones are null."""
    options = pacsv.ConvertOptions(
        column_types={name: pa.string() for name in columns},
        include_columns=columns,
        include_missing_columns=True,
        strings_can_be_null=True,
    )
    parse = pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False)
    try:
        return pacsv.read_csv(path, parse_options=parse, convert_options=options)
    except (pa.ArrowInvalid, OSError, UnicodeDecodeError) as err:
        raise ParseError(path, None, f"cannot read CSV: {err}") from err


def text(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Trimmed text; empty cells become null."""
    trimmed = pc.utf8_trim_whitespace(column)
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def number(column: pa.ChunkedArray, strip_prefix: str = "") -> pa.ChunkedArray:
    """Decimal numbers as float64; anything else ("Unknown", "") becomes null."""
    values = text(column)
    if strip_prefix:
        values = pc.replace_substring_regex(values, f"^{strip_prefix}", "")
    good = pc.fill_null(pc.match_substring_regex(values, _NUMBER), False)
    return pc.cast(pc.if_else(good, values, pa.scalar(None, pa.string())), pa.float64())


def _strptime(values: pa.ChunkedArray, fmt: str) -> pa.ChunkedArray:
    parsed = pc.strptime(values, format=fmt, unit="s", error_is_null=True)
    # strptime rolls 31/02 over into March: refuse dates that do not print back the same
    same = pc.fill_null(pc.equal(pc.strftime(parsed, format=fmt), values), False)
    return pc.cast(pc.if_else(same, parsed, pa.scalar(None, parsed.type)), pa.timestamp("us"))


def strptime_utc(column: pa.ChunkedArray, fmt: str) -> pa.ChunkedArray:
    """Times in a strptime format, taken as UTC; unparseable or impossible dates become null."""
    return pc.assume_timezone(_strptime(text(column), fmt), "UTC")


def iso_utc(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """ISO 8601 times ("2016-01-12 13:02:11.218", "...T...Z"), UTC; others become null."""
    values = text(column)
    good = pc.fill_null(pc.match_substring_regex(values, _ISO), False)
    values = pc.if_else(good, values, pa.scalar(None, pa.string()))
    whole = pc.replace_substring(pc.utf8_slice_codeunits(values, 0, 19), "T", " ")
    seconds = _strptime(whole, "%Y-%m-%d %H:%M:%S")
    digits = pc.replace_substring_regex(values, r"^[^.]*\.?(\d{0,6})\d*Z?$", r"\1")
    micros = pc.cast(pc.utf8_rpad(digits, width=6, padding="0"), pa.int64())
    total = pc.add(pc.cast(seconds, pa.int64()), micros)
    return pc.cast(total, UTC_US)
