"""Reading OFAC's delimited files (``sdn.csv``, ``add.csv``...) strictly.

OFAC's data specification calls these ASCII files, one record per line,
comma separated, ``"`` quoting, ``-0-`` for an empty value, CRLF line ends
and a trailing Ctrl-Z (0x1A) byte. Real files are ASCII; older ones carried
cp1252 letters. We decode a file as UTF-8 (a superset of ASCII) and fall
back to cp1252 when the file holds no UTF-8 sequence at all; a byte neither
encoding defines, a UTF-8 file with a stray 8-bit byte, or a control
character raises `ParseError` naming the file and line. Fields never span
lines, so each line is parsed on its own: an unterminated quote is reported
on the line where it happens.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from sanctionwatch.errors import ParseError

_CTRL_Z = b"\x1a"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_UID = re.compile(r"[0-9]+")
BOM = b"\xef\xbb\xbf"
EMPTY = "-0-"


@dataclass(frozen=True)
class Row:
    """One line of an OFAC file: its 1-based line number and raw fields."""

    line: int
    fields: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"line {self.line}"

    def value(self, index: int) -> str:
        """The field stripped, ``""`` for OFAC's ``-0-`` null."""
        text = self.fields[index].strip()
        return "" if text == EMPTY else text

    def raw(self, index: int) -> str:
        """The field as written, ``""`` for the null (keeps edge spaces)."""
        text = self.fields[index]
        return "" if text.strip() == EMPTY else text


def read_table(path: Path, width: int) -> list[Row]:
    """Every non-blank line of `path`, each checked to have `width` fields."""
    text = _decode(path, _read_bytes(path))
    rows: list[Row] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if line.strip():
            rows.append(_row(path, number, line, width))
    return rows


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, None, f"cannot read file: {exc.strerror or exc}") from exc
    data = data.removeprefix(BOM)
    return data[:-1] if data.endswith(_CTRL_Z) else data


def ends_with_eof_mark(path: Path) -> bool:
    """Whether `path` ends with OFAC's Ctrl-Z; a file cut short at a line end lacks it."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, 2)
            if fh.tell() == 0:
                return False
            fh.seek(-1, 2)
            return fh.read(1) == _CTRL_Z
    except OSError:
        return False


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise _byte_error(path, data, exc, "UTF-8") from exc
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc2:
            raise _byte_error(path, data, exc2, "cp1252") from exc2
    control = _CONTROL.search(text)
    if control is not None:
        line = text.count("\n", 0, control.start()) + 1
        code = ord(control.group())
        raise ParseError(path, f"line {line}", f"control character 0x{code:02X} in text")
    return text


def _byte_error(path: Path, data: bytes, exc: UnicodeDecodeError, encoding: str) -> ParseError:
    line = data.count(b"\n", 0, exc.start) + 1
    byte = data[exc.start]
    return ParseError(path, f"line {line}", f"byte 0x{byte:02X} is not valid {encoding}")


def _row(path: Path, number: int, line: str, width: int) -> Row:
    try:
        fields = next(csv.reader((line,), strict=True))
    except csv.Error as exc:
        message = "unterminated quoted field" if "end of data" in str(exc) else str(exc)
        raise ParseError(path, f"line {number}", f"malformed CSV: {message}") from exc
    if len(fields) != width:
        raise ParseError(path, f"line {number}", f"expected {width} columns, found {len(fields)}")
    if not _UID.fullmatch(fields[0].strip()):
        raise ParseError(path, f"line {number}", f"ent_num {fields[0]!r} is not a number")
    return Row(line=number, fields=tuple(fields))


def sibling(primary: Path, name: str) -> Path | None:
    """The file called `name` (any case) in the directory of `primary`, if any."""
    exact = primary.with_name(name)
    if exact.is_file():
        return exact
    try:
        entries = list(primary.parent.iterdir())
    except OSError:
        return None
    for entry in entries:
        if entry.name.lower() == name.lower() and entry.is_file():
            return entry
    return None
