"""UN Security Council consolidated list (XML, `CONSOLIDATED_LIST`).

Published at https://scsanctions.un.org/resources/xml/en/consolidated.xml; one
`INDIVIDUAL` or `ENTITY` element per designation, identified by its UN
reference number (``KPi.066``, ``KPe.001``), which becomes the record id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import iter_xml, make, parse_date, put, sanction, text_of

SOURCE = "un"
PREFIX = "un"
AUTHORITY = "United Nations Security Council"
URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"
_IMO = re.compile(r"IMO\)?\s*(?:number|no\.?)?\s*:?\s*(\d{7})", re.IGNORECASE)
_GENDER = re.compile(r"Gender:\s*(male|female)", re.IGNORECASE)


class UnXmlFormat:
    name = "un-xml"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<CONSOLIDATED_LIST" in head

    def parse(self, path: Path) -> ParsedList:
        return ParsedList(
            source=SOURCE,
            format=self.name,
            paths=(path,),
            version=_generated(path),
            records=_records(path),
            url=URL,
        )


def _generated(path: Path) -> str | None:
    with path.open("rb") as fh:
        head = fh.read(4096).decode("utf-8", errors="replace")
    match = re.search(r'dateGenerated="([^"]+)"', head)
    return parse_date(match.group(1)) if match else None


def _records(path: Path) -> Iterator[Record]:
    for _, element in iter_xml(path, {"INDIVIDUAL", "ENTITY"}):
        ref = text_of(element, "REFERENCE_NUMBER")
        if ref is None:
            dataid = text_of(element, "DATAID")
            raise ParseError(path, f"DATAID {dataid}", f"{element.tag} without REFERENCE_NUMBER")
        if element.tag == "INDIVIDUAL":
            yield _individual(element, ref)
        else:
            yield _entity(element, ref)


def _common(element: Element, main: EntityProxy, ref: str) -> list[EntityProxy]:
    """Properties shared by individuals and entities; returns the Sanction."""
    put(main, "name", _full_name(element))
    put(main, "alias", text_of(element, "NAME_ORIGINAL_SCRIPT"))
    comments = text_of(element, "COMMENTS1")
    put(main, "notes", comments)
    put(main, "program", text_of(element, "UN_LIST_TYPE"))
    sanc = sanction(main, AUTHORITY, PREFIX, "sanction")
    put(sanc, "program", text_of(element, "UN_LIST_TYPE"))
    put(sanc, "unscId", ref)
    put(sanc, "recordId", text_of(element, "DATAID"))
    put(sanc, "listingDate", text_of(element, "LISTED_ON"))
    put(sanc, "reason", comments)
    put(sanc, "sourceUrl", URL)
    for node in element.findall("LAST_DAY_UPDATED/VALUE"):
        put(sanc, "modifiedAt", text_of(node))
    return [sanc]


def _full_name(element: Element) -> str | None:
    parts = [
        text_of(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    name = " ".join(p for p in parts if p)
    return name or None


def _individual(element: Element, ref: str) -> Record:
    main = make("Person", ref, prefix=PREFIX)
    others = _common(element, main, ref)
    put(main, "firstName", text_of(element, "FIRST_NAME"))
    put(main, "secondName", text_of(element, "SECOND_NAME"))
    put(main, "middleName", text_of(element, "THIRD_NAME"))
    put(main, "title", [text_of(v) for v in element.findall("TITLE/VALUE")])
    put(main, "position", [text_of(v) for v in element.findall("DESIGNATION/VALUE")])
    put(main, "nationality", [text_of(v) for v in element.findall("NATIONALITY/VALUE")])
    put(main, "gender", _gender(element))
    _aliases(element.findall("INDIVIDUAL_ALIAS"), main)
    _birth_dates(element, main)
    for place in element.findall("INDIVIDUAL_PLACE_OF_BIRTH"):
        put(main, "birthPlace", _join(place, ("CITY", "STATE_PROVINCE", "COUNTRY")))
    others.extend(_addresses(element.findall("INDIVIDUAL_ADDRESS"), main))
    others.extend(_documents(element, main))
    return Record(record_id=ref, main=main, others=tuple(others))


def _entity(element: Element, ref: str) -> Record:
    main = make("Organization", ref, prefix=PREFIX)
    others = _common(element, main, ref)
    _aliases(element.findall("ENTITY_ALIAS"), main)
    others.extend(_addresses(element.findall("ENTITY_ADDRESS"), main))
    match = _IMO.search(text_of(element, "COMMENTS1") or "")
    if match:
        put(main, "imoNumber", f"IMO{match.group(1)}")
    return Record(record_id=ref, main=main, others=tuple(others))


def _gender(element: Element) -> str | None:
    gender = text_of(element, "GENDER")
    if gender:
        return gender.lower()
    match = _GENDER.search(text_of(element, "COMMENTS1") or "")
    return match.group(1).lower() if match else None


def _aliases(nodes: list[Element], main: EntityProxy) -> None:
    for node in nodes:
        alias = text_of(node, "ALIAS_NAME")
        quality = (text_of(node, "QUALITY") or "").lower()
        put(main, "weakAlias" if quality in ("low", "a.k.a. low") else "alias", alias)


def _birth_dates(element: Element, main: EntityProxy) -> None:
    for node in element.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        put(main, "birthDate", text_of(node, "DATE") or text_of(node, "YEAR"))
        start, end = text_of(node, "FROM_YEAR"), text_of(node, "TO_YEAR")
        if start and end and start.isdigit() and end.isdigit() and int(end) - int(start) < 50:
            put(main, "birthDate", [str(y) for y in range(int(start), int(end) + 1)])
        put(main, "notes", text_of(node, "NOTE"))


def _addresses(nodes: list[Element], main: EntityProxy) -> list[EntityProxy]:
    found = []
    for node in nodes:
        full = _join(node, ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"))
        if full is None:
            continue
        addr = make("Address", main.id, full, prefix=PREFIX)
        put(addr, "full", full)
        put(addr, "street", text_of(node, "STREET"))
        put(addr, "city", text_of(node, "CITY"))
        put(addr, "region", text_of(node, "STATE_PROVINCE"))
        put(addr, "postalCode", text_of(node, "ZIP_CODE"))
        put(addr, "country", text_of(node, "COUNTRY"))
        put(addr, "remarks", text_of(node, "NOTE"))
        put(main, "address", full)
        put(main, "addressEntity", addr.id)
        found.append(addr)
    return found


def _documents(element: Element, main: EntityProxy) -> list[EntityProxy]:
    found = []
    for node in element.findall("INDIVIDUAL_DOCUMENT"):
        number = text_of(node, "NUMBER")
        kind = text_of(node, "TYPE_OF_DOCUMENT") or ""
        if number is None:
            continue
        schema = "Passport" if "passport" in kind.lower() else "Identification"
        doc = make(schema, main.id, kind, number, prefix=PREFIX)
        put(doc, "holder", main.id)
        put(doc, "number", number)
        put(doc, "type", " ".join(filter(None, [kind, text_of(node, "TYPE_OF_DOCUMENT2")])))
        put(doc, "country", text_of(node, "ISSUING_COUNTRY") or text_of(node, "COUNTRY_OF_ISSUE"))
        put(doc, "startDate", text_of(node, "DATE_OF_ISSUE"))
        put(doc, "summary", text_of(node, "NOTE"))
        put(main, "passportNumber" if schema == "Passport" else "idNumber", number)
        found.append(doc)
    return found


def _join(node: Element, tags: tuple[str, ...]) -> str | None:
    parts = [text_of(node, tag) for tag in tags]
    text = ", ".join(p for p in parts if p)
    return text or None


FORMAT = UnXmlFormat()
