"""OFAC classic XML: ``sdn.xml`` and ``consolidated.xml`` (root ``sdnList``).

Published by the Sanctions List Service at
https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML
(and ``CONSOLIDATED.XML``); one ``sdnEntry`` per designation, identified by its
``uid`` (the OFAC entity number, ``ent_num`` of the CSV files), which becomes
the record id and the entity id ``ofac-<uid>``. The version is
``publshInformation/Publish_Date`` (``MM/DD/YYYY``).

This module's `FORMAT` also recognises the "advanced" publication
(``sdn_advanced.xml``, root ``Sanctions``) and hands it to `advanced`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import iter_xml, parse_date, put, text_of
from sanctionwatch.lists.sources.draft import Draft
from sanctionwatch.lists.sources.ofac import advanced
from sanctionwatch.lists.sources.ofac.entry import (
    SCHEMAS,
    add_address,
    add_labelled,
    add_link,
    new_entry,
    publication,
    strip_namespaces,
)

URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML"
_PUBLISHED = re.compile(
    rb"<(?:\w+:)?Publish_Date>\s*(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\s*<"
)
_LINKED = re.compile(r"Linked To:\s*([^;()]+)")
_YEARS = re.compile(r"^(\d{4})\s+to\s+(\d{4})$")
_ALIAS_PROPS = {"a.k.a.": "alias", "f.k.a.": "previousName", "n.k.a.": "name"}


class OfacXmlFormat:
    name = "ofac-xml"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<sdnList" in head or advanced.FORMAT.sniff(path, head)

    def parse(self, path: Path) -> ParsedList:
        with path.open("rb") as fh:
            head = fh.read(4096)
        if b"<sdnList" not in head and advanced.FORMAT.sniff(path, head):
            return advanced.FORMAT.parse(path)
        return publication(path, self.name, URL, _PUBLISHED.search(head), _records(path))


def _records(path: Path) -> Iterator[Record]:
    names = _name_index(path)
    for index, (_, element) in enumerate(iter_xml(path, {"sdnEntry"}), start=1):
        yield _entry(path, index, strip_namespaces(element), names)


def _name_index(path: Path) -> dict[str, str | None]:
    """Primary name (as "Linked To:" remarks spell it) -> uid; None when ambiguous."""
    names: dict[str, str | None] = {}
    for _, element in iter_xml(path, {"sdnEntry"}):
        strip_namespaces(element)
        uid, last, first = (text_of(element, tag) for tag in ("uid", "lastName", "firstName"))
        key = _key(f"{last}, {first}" if first else last or "")
        if uid and key:
            names[key] = uid if names.get(key, uid) == uid else None
    return names


def _key(name: str) -> str:
    return " ".join(name.upper().split()).rstrip(".")


def _entry(path: Path, index: int, element: Element, names: dict[str, str | None]) -> Record:
    uid = text_of(element, "uid")
    where = f"sdnEntry #{index}" + (f" (uid {uid})" if uid else "")
    last, kind = text_of(element, "lastName"), (text_of(element, "sdnType") or "").lower()
    if uid is None or last is None:
        raise ParseError(path, where, "sdnEntry without uid or lastName")
    if kind not in SCHEMAS:
        raise ParseError(path, where, f"unknown sdnType {kind!r}")
    programs = [p for p in (text_of(n) for n in element.findall("programList/program")) if p]
    entry = new_entry(uid, SCHEMAS[kind], programs)
    _names(entry, element, last)
    _remarks(entry, text_of(element, "remarks"), names)
    _ids(entry, element)
    _addresses(entry, element)
    _person(entry, element)
    _vessel(entry, element.find("vesselInfo"))
    return entry.record()


def _names(entry: Draft, element: Element, last: str) -> None:
    first = text_of(element, "firstName")
    put(entry.main, "name", f"{first} {last}" if first else last)
    if entry.main.schema.is_a("Person"):
        put(entry.main, "firstName", first)
        put(entry.main, "lastName", last)
        put(entry.main, "position", text_of(element, "title"))
    else:
        put(entry.main, "notes", text_of(element, "title"))
    for aka in element.findall("akaList/aka"):
        parts = [text_of(aka, "firstName"), text_of(aka, "lastName")]
        name = " ".join(p for p in parts if p)
        prop = _ALIAS_PROPS.get((text_of(aka, "type") or "a.k.a.").lower(), "alias")
        if prop == "alias" and (text_of(aka, "category") or "").lower() == "weak":
            prop = "weakAlias"
        put(entry.main, prop, name or None)


def _remarks(entry: Draft, remarks: str | None, names: dict[str, str | None]) -> None:
    if remarks is None:
        return
    put(entry.main, "notes", remarks)
    put(entry.sanction, "reason", remarks)
    for match in _LINKED.finditer(remarks):
        other = names.get(_key(match.group(1)))
        if other and other != entry.record_id:
            add_link(entry, other, "Linked To", owned_by=False)


def _ids(entry: Draft, element: Element) -> None:
    for node in element.findall("idList/id"):
        add_labelled(
            entry,
            text_of(node, "idType") or "Identification",
            text_of(node, "idNumber"),
            country=text_of(node, "idCountry"),
            start=text_of(node, "issueDate"),
            end=text_of(node, "expirationDate"),
        )


def _addresses(entry: Draft, element: Element) -> None:
    for node in element.findall("addressList/address"):
        parts = {
            "street": text_of(node, "address1"),
            "street2": text_of(node, "address2"),
            "street3": text_of(node, "address3"),
            "city": text_of(node, "city"),
            "region": text_of(node, "stateOrProvince") or text_of(node, "region"),
            "postalCode": text_of(node, "postalCode"),
            "country": text_of(node, "country"),
        }
        add_address(entry, parts)


def _person(entry: Draft, element: Element) -> None:
    for node in element.findall("dateOfBirthList/dateOfBirthItem"):
        _birth_date(entry, text_of(node, "dateOfBirth"))
    for node in element.findall("placeOfBirthList/placeOfBirthItem"):
        add_labelled(entry, "Place of Birth", text_of(node, "placeOfBirth"))
    for node in element.findall("nationalityList/nationality"):
        add_labelled(entry, "Nationality Country", text_of(node, "country"))
    for node in element.findall("citizenshipList/citizenship"):
        add_labelled(entry, "Citizenship Country", text_of(node, "country"))


def _birth_date(entry: Draft, text: str | None) -> None:
    """OFAC writes ``12 Jul 1986``, ``1960``, ``circa 1960`` or ``1958 to 1962``."""
    years = _YEARS.match(text or "")
    if years and 0 <= int(years[2]) - int(years[1]) <= 20:
        put(entry.main, "birthDate", [str(y) for y in range(int(years[1]), int(years[2]) + 1)])
    elif text:
        add_labelled(entry, "Birthdate", parse_date(text) or text)


def _vessel(entry: Draft, info: Element | None) -> None:
    if info is None:
        return
    for tag, label in (
        ("callSign", "Vessel Call Sign"),
        ("vesselType", "Vessel Type"),
        ("vesselFlag", "Vessel Flag"),
        ("vesselOwner", "Vessel Owner"),
        ("tonnage", "Vessel Tonnage"),
        ("grossRegisteredTonnage", "Vessel Gross Registered Tonnage"),
    ):
        add_labelled(entry, label, text_of(info, tag))


FORMAT = OfacXmlFormat()
