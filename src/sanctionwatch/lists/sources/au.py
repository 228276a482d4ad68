"""Australia's consolidated list (DFAT ``regulation8_consolidated.xlsx``).

Published at https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx:
one sheet, a header row (``Reference``, ``Name of Individual or Entity``,
``Type``, ``Name Type``, ``Alias Strength``, ``Date of Birth``, ...
``Committees``, ``Control Date``...), then one row per name. Rows ``101``,
``101a``, ``101b`` are the primary name and the other names of one listing:
the number is the record id (``au-101``). A number that comes back after other
listings starts a new record ``101-2`` (DFAT has reused numbers by mistake).
Ships are listed as entities: one with an IMO number becomes a Vessel. The
version is the workbook's last-modified date (DFAT saves it on publication).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from followthemoney.types import registry

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import put
from sanctionwatch.lists.sources.draft import (
    Draft,
    add_address,
    add_document,
    add_imo,
    add_program,
    new_draft,
    put_main,
)
from sanctionwatch.lists.sources.xlsx import Row, cell_text, read_header, rows, workbook_date

SOURCE = "au"
PREFIX = "au"
AUTHORITY = "Australia (DFAT)"
URL = "https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx"
REQUIRED = ("Reference", "Name of Individual or Entity", "Type", "Name Type", "Committees")
_NAME = "Name of Individual or Entity"
_SCHEMAS = {
    "individual": "Person",
    "person": "Person",
    "aka": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "ship": "Vessel",
    "": "LegalEntity",
}
_NAME_PROPS = {
    "primary name": "name",
    "primary": "name",
    "primay name": "name",
    "": "name",
    "formerly known as": "previousName",
    "previously listed as": "previousName",
}
_PROVISIONS = ("Targeted Financial Sanction", "Travel Ban", "Arms Embargo", "Maritime Restriction")
_USED = {
    *REQUIRED, *_PROVISIONS, "Alias Strength", "Date of Birth", "Place of Birth", "Citizenship",
    "Address", "Additional Information", "Listing Information", "IMO Number", "Control Date",
    "Instrument of Designation",
}  # fmt: skip
_REFERENCE = re.compile(r"^(\d+)\s*([A-Za-z]*)$")
_UN_REF = re.compile(r"\b([A-Z]{2}[ie]\.\d{3})\b")
_PASSPORT = re.compile(r"passport(?:\s+(?:no\.?|number))?\s*:?\s*([A-Z]{0,3}\d[\dA-Z]{5,})", re.I)
_SPLIT = re.compile(r"\s*;\s*|\s+(?=[a-z]\)\s)")
_ENUM = re.compile(r"^[a-z]\)\s*")
_TRUE = {"yes", "y", "true", "1", "x"}


class AuXlsxFormat:
    name = "au-xlsx"

    def sniff(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() != ".xlsx" or not head.startswith(b"PK\x03\x04"):
            return False
        header = read_header(path)
        return header is not None and all(column in header for column in REQUIRED)

    def parse(self, path: Path) -> ParsedList:
        return ParsedList(
            source=SOURCE,
            format=self.name,
            paths=(path,),
            version=workbook_date(path),
            records=_records(path),
            url=URL,
        )


def _records(path: Path) -> Iterator[Record]:
    seen: dict[str, int] = {}
    block: list[Row] = []
    base = ""
    for row in rows(path, REQUIRED):
        row_base = _base(path, row)
        if block and row_base != base:
            yield _record(path, _key(base, seen), block)
            block = []
        base = row_base
        block.append(row)
    if block:
        yield _record(path, _key(base, seen), block)


def _key(base: str, seen: dict[str, int]) -> str:
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


def _base(path: Path, row: Row) -> str:
    reference = cell_text(row.cells.get("Reference"))
    match = _REFERENCE.match(reference or "")
    if match is None:
        raise ParseError(path, row.where, f"Reference {reference!r} is not a number")
    return match.group(1)


def _record(path: Path, key: str, block: list[Row]) -> Record:
    primary = next((r for r in block if _name_prop(r) == "name"), block[0])
    kind = (cell_text(primary.cells.get("Type")) or "").lower()
    if kind not in _SCHEMAS:
        raise ParseError(path, primary.where, f"Type {kind!r}")
    has_imo = any(cell_text(r.cells.get("IMO Number")) for r in block)
    schema = "Vessel" if has_imo and kind in ("entity", "") else _SCHEMAS[kind]
    draft = new_draft(key, schema, PREFIX, AUTHORITY)
    for row in block:
        prop = "name" if row is primary else _name_prop(row)
        if prop == "name" and row is not primary:
            prop = "alias"  # a second primary name
        put(draft.main, prop, cell_text(row.cells.get(_NAME)))
        _fill(draft, row.cells)
    if not draft.main.get("name"):
        raise ParseError(path, primary.where, f"Reference {key} has no name")
    return draft.record()


def _name_prop(row: Row) -> str:
    kind = " ".join((cell_text(row.cells.get("Name Type")) or "").lower().split())
    prop = _NAME_PROPS.get(kind, "alias")
    weak = (cell_text(row.cells.get("Alias Strength")) or "").lower() == "weak"
    return "weakAlias" if prop == "alias" and weak else prop


def _fill(draft: Draft, cells: dict[str, object]) -> None:
    text = {column: cell_text(value) for column, value in cells.items()}
    for birth in _split(text.get("Date of Birth")):
        put_main(draft, "birthDate", birth)
    put_main(draft, "birthPlace", text.get("Place of Birth"))
    put_main(draft, "citizenship", _split(text.get("Citizenship")))
    for address in _split(text.get("Address")):
        country = registry.country.clean(address.rsplit(",", 1)[-1])
        add_address(draft, {"country": country}, address)
    info = text.get("Additional Information")
    put(draft.main, "notes", info)
    for number in _PASSPORT.findall(info or ""):
        add_document(draft, "Passport", number)
    add_imo(draft, text.get("IMO Number"))
    _sanction(draft, text)
    for column, value in text.items():
        if column not in _USED and value:
            put(draft.main, "notes", f"{column}: {value}")


def _sanction(draft: Draft, text: dict[str, str | None]) -> None:
    add_program(draft, [text.get("Committees")])
    sanc = draft.sanction
    listing = text.get("Listing Information")
    put(sanc, "listingDate" if _is_date(listing) else "summary", listing)
    put(sanc, "summary", text.get("Instrument of Designation"))
    put(sanc, "modifiedAt", text.get("Control Date"))
    cited = " ".join(filter(None, (text.get("Additional Information"), listing)))
    put(sanc, "unscId", _UN_REF.findall(cited))
    put(sanc, "sourceUrl", URL)
    for column in _PROVISIONS:
        if (text.get(column) or "").lower() in _TRUE:
            put(sanc, "provisions", column)


def _split(value: str | None) -> list[str]:
    """``a) one b) two`` or ``one; two`` -> ``["one", "two"]``."""
    parts = (_ENUM.sub("", part).strip(" ,") for part in _SPLIT.split(value or ""))
    return [part for part in parts if part]


def _is_date(value: str | None) -> bool:
    return bool(value and re.fullmatch(r"\d{4}-\d\d-\d\d", value))


FORMAT = AuXlsxFormat()
