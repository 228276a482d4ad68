"""UK Sanctions List (FCDO XML, root ``Designations``).

Published at https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml with
its ``DateGenerated`` (``dd/mm/yyyy``); one ``Designation`` per designated
person, entity or ship, identified by its ``UniqueID`` (``DPR0001``), which
becomes the record id (``uk-dpr0001``). Names come as parts (``Name1`` to
``Name5`` then the family name ``Name6``) with a ``NameType`` (``Primary
Name``, ``Primary name variation``, ``Alias``) and an ``AliasStrength``; the
regime (``RegimeName``) is the program.

This module's `FORMAT` also recognises OFSI's former consolidated list
(``ConList.csv``) and hands it to `conlist`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import iter_xml, local, parse_date, put
from sanctionwatch.lists.sources.draft import (
    Draft,
    add_address,
    add_document,
    add_imo,
    add_owner,
    add_program,
    new_draft,
    put_main,
)
from sanctionwatch.lists.sources.uk import conlist
from sanctionwatch.lists.sources.uk.names import SCHEMAS, add_names, uk_date

SOURCE = conlist.SOURCE
PREFIX = conlist.PREFIX
AUTHORITY = conlist.AUTHORITY
FORMAT_NAME = "uk-xml"
URL = "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml"
_GENERATED = re.compile(rb"<DateGenerated>\s*([^<]+?)\s*</DateGenerated>")
# Simple repeated values of a designation: element name -> property of the main entity.
_PLAIN = {
    "Title": "title",
    "PhoneNumber": "phone",
    "EmailAddress": "email",
    "Website": "website",
    "Nationality": "nationality",
    "Position": "position",
    "Gender": "gender",
    "TypeOfEntity": "legalForm",
    "BusinessRegistrationNumber": "registrationNumber",
    "TypeOfShip": "type",
    "CurrentBelievedFlagOfShip": "flag",
    "Flag": "flag",
    "PreviousFlag": "pastFlags",
    "TonnageOfShip": "tonnage",
    "Tonnage": "tonnage",
    "YearBuilt": "buildDate",
    "CallSign": "callSign",
    "HullIdentificationNumber": "registrationNumber",
}
_OWNERS = {
    "CurrentOwnerOperator": "Current owner/operator",
    "CurrentOwner": "Current owner",
    "ParentCompany": "Parent company",
}


class UkFormat:
    """Both UK publications: FCDO XML (``uk-xml``) and OFSI CSV (``uk-conlist-csv``)."""

    name = "uk"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<Designations" in head or conlist.sniff(head)

    def parse(self, path: Path) -> ParsedList:
        with path.open("rb") as fh:
            head = fh.read(4096)
        if b"<Designations" not in head and conlist.sniff(head):
            return conlist.parse(path)
        match = _GENERATED.search(head)
        version = parse_date(match.group(1).decode("ascii", "replace")) if match else None
        return ParsedList(
            source=SOURCE,
            format=FORMAT_NAME,
            paths=(path,),
            version=version,
            records=_records(path),
            url=URL,
        )


def _records(path: Path) -> Iterator[Record]:
    for count, (root, element) in enumerate(iter_xml(path, {"Designation"}), start=1):
        if local(root.tag) != "Designations":
            raise ParseError(path, f"Designation #{count}", f"root is {local(root.tag)}")
        unique_id = _text(element, "UniqueID")
        if unique_id is None:
            raise ParseError(path, f"Designation #{count}", "no UniqueID")
        yield _record(path, element, unique_id)


def _record(path: Path, element: Element, unique_id: str) -> Record:
    kind = (_text(element, "IndividualEntityShip") or "").lower()
    if kind not in SCHEMAS:
        raise ParseError(path, f"Designation {unique_id}", f"IndividualEntityShip {kind!r}")
    draft = new_draft(unique_id, SCHEMAS[kind], PREFIX, AUTHORITY)
    parts = [
        (_text(name, "NameType"), _text(name, "AliasStrength"), _name_parts(name))
        for name in _all(element, "Name")
    ]
    if not add_names(draft, parts):
        raise ParseError(path, f"Designation {unique_id}", "no Name")
    put(draft.main, "alias", [_text(n) for n in _all(element, "NameNonLatinScript")])
    _sanction(draft, element)
    put(draft.main, "notes", _text(element, "OtherInformation"))
    for tag, prop in _PLAIN.items():
        put_main(draft, prop, [_text(node) for node in _all(element, tag)])
    for node in _all(element, "IMONumber"):
        add_imo(draft, _text(node))
    for node in _all(element, "Address"):
        _address(draft, node)
    _individual(draft, element)
    for tag, role in _OWNERS.items():
        for node in _all(element, tag):
            add_owner(draft, _text(node), role)
    for node in _all(element, "Subsidiary"):
        add_owner(draft, _text(node), "Subsidiary", owns=True)
    return draft.record()


def _sanction(draft: Draft, element: Element) -> None:
    add_program(draft, [_text(n) for n in _all(element, "RegimeName")])
    sanc = draft.sanction
    put(sanc, "authorityId", draft.record_id)
    put(sanc, "unscId", [_text(n) for n in _all(element, "UNReferenceNumber")])
    put(sanc, "listingDate", _text(element, "DateDesignated"))
    put(sanc, "startDate", _text(element, "DateDesignated"))
    put(sanc, "modifiedAt", _text(element, "LastUpdated"))
    put(sanc, "reason", _text(element, "UKStatementofReasons"))
    imposed = _text(element, "SanctionsImposed") or ""
    put(sanc, "provisions", [p.strip() for p in imposed.split("|")])
    source = _text(element, "DesignationSource")
    put(sanc, "description", f"Designation source: {source}" if source else None)
    group = _text(element, "OFSIGroupID")
    put(sanc, "summary", f"OFSI group ID: {group}" if group else None)
    put(sanc, "sourceUrl", URL)


def _individual(draft: Draft, element: Element) -> None:
    for node in _all(element, "DOB"):
        put_main(draft, "birthDate", uk_date(_text(node)))
    for node in _all(element, "Location"):
        town, country = _text(node, "TownOfBirth"), _text(node, "CountryOfBirth")
        put_main(draft, "birthPlace", ", ".join(p for p in (town, country) if p) or None)
        put_main(draft, "birthCountry", country)
    for node in _all(element, "Passport"):
        info = _text(node, "PassportAdditionalInformation")
        add_document(draft, "Passport", _text(node, "PassportNumber"), summary=info)
    for node in _all(element, "NationalIdentifier"):
        info = _text(node, "NationalIdentifierAdditionalInformation")
        number = _text(node, "NationalIdentifierNumber")
        add_document(draft, "National identifier", number, summary=info)


def _address(draft: Draft, node: Element) -> None:
    lines = [_text(node, f"AddressLine{i}") for i in range(1, 7)]
    parts = {
        "street": ", ".join(p for p in lines[:4] if p) or None,
        "region": lines[4],
        "city": lines[5],
        "postalCode": _text(node, "AddressPostalCode"),
        "country": _text(node, "AddressCountry"),
    }
    full = ", ".join(p for p in [*lines, parts["postalCode"], parts["country"]] if p)
    add_address(draft, parts, full)


def _name_parts(node: Element) -> list[str | None]:
    return [_text(node, f"Name{i}") for i in (1, 2, 3, 4, 5, 6)]


def _all(element: Element, name: str) -> list[Element]:
    return [node for node in element.iter() if local(node.tag) == name]


def _text(element: Element, name: str | None = None) -> str | None:
    if name is not None:
        found = [child for child in element if local(child.tag) == name]
        element = found[0] if found else Element("none")
    value = " ".join((element.text or "").split())
    return value or None


FORMAT = UkFormat()
