"""OFAC "advanced" XML: ``sdn_advanced.xml`` / ``cons_advanced.xml`` (root ``Sanctions``).

Published by the Sanctions List Service at
https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML
in the UN "Advanced Sanctions List Standard" schema; reading notes at
https://ofac.treasury.gov/media/8161/download (``sdn_advanced_notes``). One
``DistinctParty`` per designation; its ``FixedRef`` is the OFAC entity number
(the ``uid`` of ``sdn.xml``), so records and entity ids (``ofac-<uid>``) equal
those of the classic XML and CSV parsers. Names come from ``Identity/Alias``,
properties from ``Feature`` (typed through ``ReferenceValueSets``), documents
from ``IDRegDocuments``, programs from ``SanctionsEntries`` (the ``Comment`` of
each ``Program`` measure: ``DPRK3``, ``CYBER2``...) and links from
``ProfileRelationships``. The version is ``DateOfIssue``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import iter_xml, local, put, text_of
from sanctionwatch.lists.sources.draft import Draft
from sanctionwatch.lists.sources.ofac.advanced_tables import (
    TABLE_TAGS,
    Document,
    Measures,
    Tables,
    period_dates,
    read_tables,
)
from sanctionwatch.lists.sources.ofac.entry import (
    SCHEMAS,
    add_address,
    add_labelled,
    add_link,
    new_entry,
    publication,
    strip_namespaces,
)

URL = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_ADVANCED.XML"
_ISSUED = re.compile(
    rb"<DateOfIssue[^>]*>\s*<Year>(?P<year>\d{4})</Year>\s*"
    rb"<Month>(?P<month>\d{1,2})</Month>\s*<Day>(?P<day>\d{1,2})</Day>"
)
_MARKERS = (b"ReferenceValueSets", b"DateOfIssue", b"ADVANCED_XML", b"un.org/sanctions/1.0")
_OWNED_BY = {"owned or controlled by", "property in the interest of"}
_OWNS = {"owns, controls, or operates"}
_NAME_ORDER = ("First Name", "Middle Name", "Patronymic", "Matronymic", "Last Name", "Maiden Name")
_PERSON_PARTS = {"First Name": "firstName", "Middle Name": "middleName", "Last Name": "lastName"}
_LOC_PARTS = {
    "ADDRESS1": "street",
    "ADDRESS2": "street2",
    "ADDRESS3": "street3",
    "CITY": "city",
    "STATE/PROVINCE": "region",
    "REGION": "region",
    "POSTAL CODE": "postalCode",
}


class OfacAdvancedFormat:
    name = "ofac-advanced-xml"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<Sanctions" in head and any(marker in head for marker in _MARKERS)

    def parse(self, path: Path) -> ParsedList:
        with path.open("rb") as fh:
            issued = _ISSUED.search(fh.read(4096))
        return publication(path, self.name, URL, issued, _records(path))


def _records(path: Path) -> Iterator[Record]:
    tables = read_tables(path)
    for _, element in iter_xml(path, TABLE_TAGS | {"DistinctParty"}):
        if local(element.tag) == "DistinctParty":
            yield _party(tables, strip_namespaces(element))


def _party(tables: Tables, party: Element) -> Record:
    uid, profile = party.get("FixedRef"), party.find("Profile")
    where = f"DistinctParty {uid}"
    if not uid or profile is None:
        raise ParseError(tables.path, where, "DistinctParty without FixedRef or Profile")
    profile_id = profile.get("ID", uid)
    measures = tables.entries.get(profile_id, Measures())
    entry = new_entry(uid, _schema(tables, profile, where), measures.programs)
    _sanction(tables, entry, measures, where)
    put(entry.main, "notes", text_of(party, "Comment"))
    for identity in profile.findall("Identity"):
        _identity(tables, entry, identity, where)
    for feature in profile.findall("Feature"):
        _feature(tables, entry, feature, where)
    for relation in tables.relations.get(profile_id, []):
        role = tables.ref("RelationType", relation.type_id, where)
        other = tables.profiles.get(relation.to_profile, relation.to_profile)
        add_link(entry, other, role, owned_by=role.lower() in _OWNED_BY, owns=role.lower() in _OWNS)
    return entry.record()


def _schema(tables: Tables, profile: Element, where: str) -> str:
    sub_type = tables.ref_node("PartySubType", profile.get("PartySubTypeID"), where)
    text = " ".join((sub_type.text or "").split())
    if text.lower() == "unknown":
        text = tables.ref("PartyType", sub_type.get("PartyTypeID"), where)
    schema = SCHEMAS.get(text.lower())
    if schema is None:
        raise ParseError(tables.path, where, f"unknown party type {text!r}")
    return schema


def _sanction(tables: Tables, entry: Draft, measures: Measures, where: str) -> None:
    put(entry.sanction, "listingDate", min(measures.listed) if measures.listed else None)
    put(entry.sanction, "provisions", measures.provisions)
    put(entry.sanction, "reason", [tables.ref("LegalBasis", b, where) for b in measures.basis_ids])
    put(
        entry.sanction,
        "description",
        [tables.ref("List", i, where) for i in measures.list_ids if i],
    )


def _identity(tables: Tables, entry: Draft, identity: Element, where: str) -> None:
    groups = {
        group.get("ID", ""): tables.ref("NamePartType", group.get("NamePartTypeID"), where)
        for group in identity.findall("NamePartGroups/MasterNamePartGroup/NamePartGroup")
    }
    for alias in identity.findall("Alias"):
        kind = tables.ref("AliasType", alias.get("AliasTypeID"), where).upper()
        for index, name in enumerate(alias.findall("DocumentedName")):
            parts = [
                (
                    groups.get(value.get("NamePartGroupID", ""), "Unknown"),
                    " ".join((value.text or "").split()),
                )
                for value in name.findall("DocumentedNamePart/NamePartValue")
            ]
            primary = kind == "NAME" and alias.get("Primary") == "true" and index == 0
            _put_name(entry, _alias_prop(kind, alias.get("LowQuality") == "true", primary), parts)
    for document in tables.documents.get(identity.get("ID", ""), []):
        _document(tables, entry, document, where)


def _alias_prop(kind: str, weak: bool, primary: bool) -> str:
    if primary or kind == "N.K.A.":
        return "name"
    if kind == "F.K.A.":
        return "previousName"
    return "weakAlias" if weak else "alias"


def _put_name(entry: Draft, prop: str, parts: list[tuple[str, str]]) -> None:
    person = entry.main.schema.is_a("Person")
    if person:
        rank = {kind: i for i, kind in enumerate(_NAME_ORDER)}
        parts = sorted(parts, key=lambda part: rank.get(part[0], len(_NAME_ORDER)))
    put(entry.main, prop, " ".join(value for _, value in parts if value) or None)
    if person and prop == "name":
        for kind, value in parts:
            if kind in _PERSON_PARTS:
                put(entry.main, _PERSON_PARTS[kind], value)


def _document(tables: Tables, entry: Draft, document: Document, where: str) -> None:
    kind = tables.ref("IDRegDocType", document.kind_id, where)
    country = tables.ref("Country", document.country_id, where) if document.country_id else None
    dates = {tables.ref("IDRegDocDateType", t, where).lower(): d for t, d in document.dates}
    add_labelled(
        entry, kind, document.number, country, dates.get("issue date"), dates.get("expiration date")
    )


def _feature(tables: Tables, entry: Draft, feature: Element, where: str) -> None:
    label = tables.ref("FeatureType", feature.get("FeatureTypeID"), where)
    for version in feature.findall("FeatureVersion"):
        for located in version.findall("VersionLocation"):
            parts = _location(tables, located.get("LocationID"), where)
            if label.lower() == "location":
                add_address(entry, parts)
            else:
                add_labelled(entry, label, parts.get("country") or parts.get("street"))
        for detail in version.findall("VersionDetail"):
            ref_id = detail.get("DetailReferenceID")
            value = tables.ref("DetailReference", ref_id, where) if ref_id else text_of(detail)
            add_labelled(entry, label, value)
        for period in version.findall("DatePeriod"):
            for date in period_dates(period):
                add_labelled(entry, label, date)


def _location(tables: Tables, location_id: str | None, where: str) -> dict[str, str | None]:
    node = tables.locations.get(location_id or "")
    if node is None:
        raise ParseError(tables.path, where, f"unknown Location {location_id!r}")
    parts: dict[str, str | None] = {}
    for part in node.findall("LocationPart"):
        kind = tables.ref("LocPartType", part.get("LocPartTypeID"), where).upper()
        key = _LOC_PARTS.get(kind, "street")
        value = text_of(part, "LocationPartValue/Value")
        parts[key] = ", ".join(p for p in (parts.get(key), value) if p) or None
    countries = [
        tables.ref("Country", c.get("CountryID"), where) for c in node.findall("LocationCountry")
    ]
    parts["country"] = countries[0] if countries else None
    return parts


FORMAT = OfacAdvancedFormat()
