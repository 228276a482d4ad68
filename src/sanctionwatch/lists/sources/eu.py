"""EU consolidated financial sanctions list (FSF XML ``xmlFullSanctionsList_1_1``).

Published by the Commission at
https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw
Root ``export`` (namespace ``http://eu.europa.ec/fpi/fsd/export``) with its
``generationDate``; one ``sanctionEntity`` per designation, identified by its
``logicalId``, which becomes the record id (``eu-<logicalId>``). Facts are
attributes: ``nameAlias`` (``strong="false"`` marks a weak alias),
``citizenship``, ``birthdate``, ``identification`` (``identificationTypeCode``
``passport``, ``id``, ``imo``, ``regnumber``...), ``address``; each
``regulation`` names its ``programme`` (``PRK`` for North Korea).

Ships appear as enterprises: one that carries an IMO number (an ``imo``
identification or ``IMO 1234567`` in a remark) becomes a Vessel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
    add_program,
    new_draft,
    put_main,
)

SOURCE = "eu"
PREFIX = "eu"
AUTHORITY = "European Union"
URL = (
    "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content"
    "?token=dG9rZW4tMjAxNw"
)
_NAMESPACE = b"/fpi/fsd/export"
_GENERATED = re.compile(rb'generationDate="([^"]+)"')
_IMO = re.compile(r"\bIMO\b\D{0,20}(\d{7})\b", re.IGNORECASE)
_GENDERS = {"M": "male", "F": "female"}
_ID_PROPS = {
    "imo": "imoNumber",
    "regnumber": "registrationNumber",
    "swiftbic": "swiftBic",
    "fiscalcode": "taxNumber",
}
_CONTACT_PROPS = {"PHONE": "phone", "FAX": "phone", "EMAIL": "email", "WEB": "website"}


class EuXmlFormat:
    name = "eu-xml"

    def sniff(self, path: Path, head: bytes) -> bool:
        return b"<export" in head and (_NAMESPACE in head or b"<sanctionEntity" in head)

    def parse(self, path: Path) -> ParsedList:
        with path.open("rb") as fh:
            match = _GENERATED.search(fh.read(4096))
        version = parse_date(match.group(1).decode("ascii", "replace")) if match else None
        return ParsedList(
            source=SOURCE,
            format=self.name,
            paths=(path,),
            version=version,
            records=_records(path),
            url=URL,
        )


def _records(path: Path) -> Iterator[Record]:
    for count, (root, element) in enumerate(iter_xml(path, {"sanctionEntity"}), start=1):
        if local(root.tag) != "export":
            raise ParseError(path, f"sanctionEntity #{count}", f"root is {local(root.tag)}")
        logical_id = (element.get("logicalId") or "").strip()
        if not logical_id:
            raise ParseError(path, f"sanctionEntity #{count}", "no logicalId")
        yield _record(path, element, logical_id)


def _record(path: Path, element: Element, logical_id: str) -> Record:
    subject = _first(element, "subjectType")
    code = (subject.get("code") or "") if subject is not None else ""
    if code not in ("person", "enterprise"):
        raise ParseError(path, f"sanctionEntity {logical_id}", f"subjectType {code!r}")
    schema = "Person" if code == "person" else "Vessel" if _imo(element) else "Organization"
    draft = new_draft(logical_id, schema, PREFIX, AUTHORITY)
    if not _names(draft, _kids(element, "nameAlias")):
        raise ParseError(path, f"sanctionEntity {logical_id}", "no nameAlias with a wholeName")
    _sanction(draft, element)
    for remark in _kids(element, "remark"):
        put(draft.main, "notes", remark.text)
    for node in _kids(element, "citizenship"):
        put_main(draft, "nationality", _country(node))
    for node in _kids(element, "birthdate"):
        _birth(draft, node)
    for node in _kids(element, "identification"):
        _identification(draft, node)
    for node in _kids(element, "address"):
        _address(draft, node)
    return draft.record()


def _sanction(draft: Draft, element: Element) -> None:
    regulations = _kids(element, "regulation")
    add_program(draft, [r.get("programme") for r in regulations])
    sanc = draft.sanction
    put(sanc, "unscId", element.get("unitedNationId"))
    put(sanc, "authorityId", element.get("euReferenceNumber"))
    put(sanc, "reason", element.get("designationDetails"))
    put(sanc, "listingDate", _earliest(r.get("publicationDate") for r in regulations))
    starts = [element.get("designationDate")] + [r.get("entryIntoForceDate") for r in regulations]
    put(sanc, "startDate", _earliest(starts))
    put(sanc, "summary", [r.get("numberTitle") for r in regulations])
    put(sanc, "sourceUrl", [_text(r, "publicationUrl") for r in regulations])


def _names(draft: Draft, aliases: list[Element]) -> bool:
    """Primary name: the first strong name in the regulation's own language."""
    named = [a for a in aliases if (a.get("wholeName") or "").strip()]
    strong = [a for a in named if a.get("strong") != "false"]
    plain = [a for a in strong if not a.get("nameLanguage")]
    if not named:
        return False
    primary = (plain or strong or named)[0]
    put(draft.main, "name", primary.get("wholeName"))
    if draft.main.schema.name == "Person":
        put(draft.main, "firstName", primary.get("firstName"))
        put(draft.main, "middleName", primary.get("middleName"))
        put(draft.main, "lastName", primary.get("lastName"))
    for alias in named:
        if alias is not primary:
            weak = alias.get("strong") == "false"
            put(draft.main, "weakAlias" if weak else "alias", alias.get("wholeName"))
        put_main(draft, "title", alias.get("title"))
        put_main(draft, "position", alias.get("function"))
        put_main(draft, "gender", _GENDERS.get(alias.get("gender") or ""))
        for remark in _kids(alias, "remark"):
            put(draft.main, "notes", remark.text)
    return True


def _birth(draft: Draft, node: Element) -> None:
    parts = [node.get("year"), node.get("monthOfYear"), node.get("dayOfMonth")]
    partial = "-".join(f"{p:02d}" for p in _leading(parts)) or None
    put_main(draft, "birthDate", node.get("birthdate") or partial)
    place = ", ".join(p for p in (node.get("city"), node.get("place"), _country_name(node)) if p)
    put_main(draft, "birthPlace", place or None)
    put_main(draft, "birthCountry", _country(node))


def _identification(draft: Draft, node: Element) -> None:
    code = (node.get("identificationTypeCode") or "").lower()
    number = node.get("number") or node.get("latinNumber")
    remarks = "; ".join(r.text or "" for r in _kids(node, "remark")) or None
    if code in _ID_PROPS:
        if code == "imo":
            add_imo(draft, number)
        else:
            put_main(draft, _ID_PROPS[code], number)
        put(draft.main, "notes", f"{number}: {remarks}" if remarks else None)
        return
    kind = node.get("identificationTypeDescription") or code or "identification"
    add_document(draft, kind, number, _country(node), node.get("issueDate"), remarks)


def _address(draft: Draft, node: Element) -> None:
    city = ", ".join(p for p in (node.get("city"), node.get("place")) if p) or None
    parts = {
        "street": node.get("street"),
        "postOfficeBox": node.get("poBox"),
        "city": city,
        "region": node.get("region"),
        "postalCode": node.get("zipCode"),
        "country": _country(node),
    }
    named = [parts["postOfficeBox"], parts["street"], city, parts["region"], parts["postalCode"]]
    full = ", ".join(p for p in [*named, _country_name(node)] if p)
    add_address(draft, parts, full)
    for contact in _kids(node, "contactInfo"):
        key = (contact.get("key") or "").upper()
        put_main(draft, _CONTACT_PROPS.get(key, key.lower() or "contact"), contact.get("value"))
    for remark in _kids(node, "remark"):
        put(draft.main, "notes", remark.text)


def _imo(element: Element) -> bool:
    for node in _kids(element, "identification"):
        if (node.get("identificationTypeCode") or "").lower() == "imo":
            return True
    remarks = " ".join(r.text or "" for r in _kids(element, "remark"))
    return bool(_IMO.search(remarks))


def _country(node: Element) -> str | None:
    code = node.get("countryIso2Code")
    return code if code and code != "00" else None


def _country_name(node: Element) -> str | None:
    name = node.get("countryDescription")
    return name if name and name != "UNKNOWN" else _country(node)


def _leading(parts: list[str | None]) -> list[int]:
    """The year, month, day parts up to the first missing one."""
    found: list[int] = []
    for part in parts:
        if not part or not part.isdigit():
            break
        found.append(int(part))
    return found


def _earliest(values: Iterable[str | None]) -> str | None:
    dates = sorted(d for d in (parse_date(v) for v in values) if d)
    return dates[0] if dates else None


def _kids(element: Element, name: str) -> list[Element]:
    return [child for child in element if local(child.tag) == name]


def _first(element: Element, name: str) -> Element | None:
    found = _kids(element, name)
    return found[0] if found else None


def _text(element: Element, name: str) -> str | None:
    node = _first(element, name)
    return node.text.strip() if node is not None and node.text else None


FORMAT = EuXmlFormat()
