"""Reading list spreadsheets (``.xlsx``) safely: header check, rows as dicts, cell text.

openpyxl reads in read-only (streaming) mode and parses the workbook's XML
with defusedxml or lxml without entity resolution. Whatever a damaged
workbook makes openpyxl or zipfile raise becomes a `ParseError` naming the
sheet and row.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from sanctionwatch.errors import ParseError

# What openpyxl, zipfile and the XML parsers raise on a damaged or foreign file.
_BROKEN = (
    InvalidFileException,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    SyntaxError,
    NotImplementedError,  # zipfile: unsupported version or compression
    RuntimeError,  # zipfile: encrypted member
    OverflowError,
    struct.error,
)


@dataclass(frozen=True)
class Row:
    """One data row: its place (``sheet 'X' row 5``) and its cells by header."""

    where: str
    cells: dict[str, Any]


def rows(path: Path, required: tuple[str, ...]) -> Iterator[Row]:
    """Every non-empty data row of every sheet; each sheet's first row is its header."""
    book = _open(path)
    where = "workbook"
    try:
        for sheet in book.worksheets:
            where = f"sheet {sheet.title!r} row 1"
            values = sheet.iter_rows(values_only=True)
            header = _header(path, where, next(values, ()), required)
            for number, cells in enumerate(values, start=2):
                where = f"sheet {sheet.title!r} row {number}"
                if any(cell_text(c) for c in cells):
                    yield Row(where, _cells(header, cells))
    except _BROKEN as exc:
        raise ParseError(path, where, f"unreadable workbook: {type(exc).__name__}: {exc}") from exc
    finally:
        book.close()


def read_header(path: Path) -> list[str] | None:
    """The first sheet's header row, or None when the file is no readable workbook."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            first = next(book.worksheets[0].iter_rows(max_row=1, values_only=True), ())
            return [cell_text(c) or "" for c in first]
        finally:
            book.close()
    except _BROKEN:
        return None


def workbook_date(path: Path) -> str | None:
    """The workbook's last-modified date (ISO), None when absent or unreadable."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _BROKEN:
        return None
    modified = book.properties.modified
    book.close()
    return modified.date().isoformat() if isinstance(modified, datetime) else None


def cell_text(value: object) -> str | None:
    """A cell as text: dates as ISO, whole numbers without ``.0``, blanks as None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    elif isinstance(value, date):
        text = value.isoformat()
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value).replace("_x000D_", " ")
    return " ".join(text.split()) or None


def _open(path: Path) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except _BROKEN as exc:
        raise ParseError(path, None, f"not an xlsx workbook: {type(exc).__name__}") from exc


def _cells(header: list[str], cells: tuple[Any, ...]) -> dict[str, Any]:
    """Cells by header; a filled cell beyond the header is kept as ``column N``."""
    found = dict(zip(header, cells, strict=False))
    for index in range(len(header), len(cells)):
        if cell_text(cells[index]):
            found[f"column {index + 1}"] = cells[index]
    return found


def _header(path: Path, where: str, cells: tuple[Any, ...], required: tuple[str, ...]) -> list[str]:
    header = [cell_text(c) or "" for c in cells]
    missing = [column for column in required if column not in header]
    if missing:
        raise ParseError(path, where, f"header lacks column {missing[0]!r}")
    return header
