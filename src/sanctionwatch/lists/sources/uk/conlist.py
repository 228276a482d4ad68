"""OFSI consolidated list of financial sanctions targets (``ConList.csv``, 2022 format).

OFSI published it until the UK Sanctions List (`fcdo_xml`) replaced it. Line 1 is
``Last Updated,dd/mm/yyyy`` (the version), line 2 the header (``Name 6``,
``Name 1`` .. ``Name 5``, ``Title``, ... ``Regime``, ``Listed On``, ``UK
Sanctions List Date Designated``, ``Last Updated``, ``Group ID``), then one row
per name: the rows sharing a ``Group ID`` are one designation, wherever they
sit in the file. The record id is the UK Sanctions List reference that
``Other Information`` cites (``(UK Sanctions List Ref):DPR0001``), so a
designation keeps its id across both publications; the group id otherwise.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import parse_date, put
from sanctionwatch.lists.sources.draft import (
    Draft,
    add_address,
    add_document,
    add_imo,
    add_program,
    new_draft,
    put_main,
)
from sanctionwatch.lists.sources.uk.names import SCHEMAS, NameRow, add_names, uk_date

SOURCE = "uk"
PREFIX = "uk"
AUTHORITY = "United Kingdom (FCDO/OFSI)"
FORMAT_NAME = "uk-conlist-csv"
URL = "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"
REQUIRED = ("Name 6", "Group Type", "Regime", "Group ID")
_NAMES = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6")
_ADDRESS = ("Address 1", "Address 2", "Address 3", "Address 4", "Address 5", "Address 6")
_PLAIN = {
    "Title": "title",
    "Name Non-Latin Script": "alias",
    "Nationality": "nationality",
    "Position": "position",
    "Other Information": "notes",
}
_SANCTION = {
    "Listed On": "listingDate",
    "UK Sanctions List Date Designated": "startDate",
    "Last Updated": "modifiedAt",
}
_USED = {
    *REQUIRED, *_NAMES, *_ADDRESS, *_PLAIN, *_SANCTION, "Alias Type", "Alias Quality",
    "DOB", "Town of Birth", "Country of Birth", "Passport Number", "Passport Details",
    "National Identification Number", "National Identification Details", "Post/Zip Code",
    "Country", "Non-Latin Script Type", "Non-Latin Script Language",
}  # fmt: skip
_UK_REF = re.compile(r"\(UK Sanctions List Ref\)\s*:\s*([A-Z]{3}\d{4})")
_UN_REF = re.compile(r"\b([A-Z]{2}[ie]\.\d{3})\b")
_REASONS = re.compile(r"\(UK Statement of Reasons\)\s*:\s*(.*?)\s*(?=\([A-Z][\w ]*\)\s*:|$)")
_NUMBERED = re.compile(r"\(\d+\)")
_IMO = re.compile(r"\bIMO\b\D{0,20}(\d{7})\b", re.IGNORECASE)
Row = dict[str, str]


def sniff(head: bytes) -> bool:
    lines = head.decode("utf-8-sig", errors="replace").splitlines()
    return len(lines) > 1 and lines[0].startswith("Last Updated") and "Name 6" in lines[1]


def parse(path: Path) -> ParsedList:
    with path.open("rb") as fh:
        first = fh.readline(512).decode("utf-8-sig", errors="replace")
    version = parse_date(first.split(",")[1]) if first.count(",") else None
    return ParsedList(
        source=SOURCE,
        format=FORMAT_NAME,
        paths=(path,),
        version=version,
        records=_records(path),
        url=URL,
    )


def _records(path: Path) -> Iterator[Record]:
    for group, rows in _groups(path).items():
        yield _record(path, group, rows)


def _groups(path: Path) -> dict[str, list[tuple[int, Row]]]:
    """Every row, keyed by Group ID in order of first appearance."""
    groups: dict[str, list[tuple[int, Row]]] = {}
    with path.open("rb") as fh:
        reader = csv.reader(_decoded(path, fh))
        try:
            next(reader, None)  # Last Updated,dd/mm/yyyy
            header = [h.strip() for h in next(reader, [])]
            _check_header(path, header)
            for cells in reader:
                row = _row(path, reader.line_num, header, cells)
                if row is not None:
                    groups.setdefault(row["Group ID"], []).append((reader.line_num, row))
        except csv.Error as exc:
            raise ParseError(path, f"line {reader.line_num}", f"malformed CSV: {exc}") from exc
    return groups


def _decoded(path: Path, lines: Iterable[bytes]) -> Iterator[str]:
    for number, raw in enumerate(lines, start=1):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(path, f"line {number}", f"not UTF-8 ({exc.reason})") from exc


def _check_header(path: Path, header: list[str]) -> None:
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ParseError(path, "line 2", f"header lacks column {missing[0]!r}")


def _row(path: Path, line: int, header: list[str], cells: list[str]) -> Row | None:
    if not any(cell.strip() for cell in cells):
        return None
    if len(cells) > len(header):
        raise ParseError(path, f"line {line}", f"{len(cells)} cells, header has {len(header)}")
    row = {h: " ".join(c.split()) for h, c in zip(header, cells, strict=False)}
    if not row.get("Group ID"):
        raise ParseError(path, f"line {line}", "no Group ID")
    return row


def _record(path: Path, group: str, rows: list[tuple[int, Row]]) -> Record:
    line, first = rows[0]
    kind = first.get("Group Type", "").lower()
    if kind not in SCHEMAS:
        raise ParseError(path, f"line {line}", f"Group Type {first.get('Group Type')!r}")
    info = " ".join(row.get("Other Information", "") for _, row in rows)
    ref = _UK_REF.search(info)
    draft = new_draft(ref.group(1) if ref else group, SCHEMAS[kind], PREFIX, AUTHORITY)
    names: list[NameRow] = [
        (row.get("Alias Type"), row.get("Alias Quality"), [row.get(n) for n in _NAMES])
        for _, row in rows
    ]
    if not add_names(draft, names):
        raise ParseError(path, f"line {line}", f"Group ID {group} has no name")
    if draft.main.schema.name == "Vessel":
        for imo in _IMO.findall(info):
            add_imo(draft, imo)
    _sanction(draft, group, info, [row for _, row in rows])
    for _, row in rows:
        _fill(draft, row)
    return draft.record()


def _sanction(draft: Draft, group: str, info: str, rows: list[Row]) -> None:
    add_program(draft, [row.get("Regime") for row in rows])
    sanc = draft.sanction
    for column, prop in _SANCTION.items():
        put(sanc, prop, [uk_date(row.get(column)) for row in rows])
    put(sanc, "unscId", _UN_REF.findall(info))
    put(sanc, "reason", _REASONS.findall(info))
    put(sanc, "authorityId", draft.record_id)
    put(sanc, "summary", f"OFSI group ID: {group}")
    put(sanc, "sourceUrl", URL)


def _fill(draft: Draft, row: Row) -> None:
    for column, prop in _PLAIN.items():
        put_main(draft, prop, row.get(column))
    put_main(draft, "birthDate", uk_date(row.get("DOB")))
    place = ", ".join(p for p in (row.get("Town of Birth"), row.get("Country of Birth")) if p)
    put_main(draft, "birthPlace", place or None)
    put_main(draft, "birthCountry", row.get("Country of Birth"))
    for number in _items(row.get("Passport Number")):
        add_document(draft, "Passport", number, summary=row.get("Passport Details"))
    for number in _items(row.get("National Identification Number")):
        details = row.get("National Identification Details")
        add_document(draft, "National identification number", number, summary=details)
    _address(draft, row)
    for column, value in row.items():
        if column not in _USED and value:
            put(draft.main, "notes", f"{column}: {value}")


def _address(draft: Draft, row: Row) -> None:
    lines = [row.get(column) for column in _ADDRESS]
    parts = {
        "street": ", ".join(p for p in lines[:5] if p) or None,
        "city": lines[5],
        "postalCode": row.get("Post/Zip Code"),
        "country": row.get("Country"),
    }
    full = ", ".join(p for p in [*lines, parts["postalCode"], parts["country"]] if p)
    add_address(draft, parts, full)


def _items(text: str | None) -> list[str]:
    """``(1) 123 (2) 456`` -> ``["123", "456"]``; a plain value stays whole."""
    return [part.strip(" ,;") for part in _NUMBERED.split(text or "") if part.strip(" ,;")]
