"""One OFAC designation being built from either XML publication.

Both OFAC XML publications (classic ``sdn.xml`` and ``sdn_advanced.xml``) carry
the same facts under labels: an ``idType`` of the classic list and a feature or
document type of the advanced one are the same strings (``Passport``,
``Vessel Registration Identification``, ``Digital Currency Address - XBT``,
``Secondary sanctions risk:``...), and the CSV Remarks use them too
(`labels`). `add_labelled` turns one labelled value into FtM properties or
satellite entities so both XML parsers agree value for value. A designation
is a `Draft`, as for the EU, UK and AU lists. Entity ids follow the OFAC CSV
convention: ``ofac-<uid>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources import draft
from sanctionwatch.lists.sources.common import local, make, put
from sanctionwatch.lists.sources.draft import Draft, add_program, document, new_draft
from sanctionwatch.lists.sources.ofac.labels import AUTHORITY, DETAIL_URL, PREFIX, PROPERTIES

SCHEMAS = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}
# Labels of plain properties that only the XML publications use (see `labels.PROPERTIES`).
_XML_PROPERTIES = {
    "Birthdate": "birthDate",
    "Place of Birth": "birthPlace",
    "Title": "position",
    "Nationality Country": "nationality",
    "Citizenship Country": "citizenship",
    "Registration Country": "jurisdiction",
    "Tax ID No.": "taxNumber",
    "Registration ID": "registrationNumber",
    "Registration Number": "registrationNumber",
    "Organization Type:": "sector",
    "Vessel Type": "type",
    "Vessel Tonnage": "tonnage",
    "Vessel Gross Registered Tonnage": "grossRegisteredTonnage",
    "Aircraft Manufacturer’s Serial Number (MSN)": "serialNumber",
    "Aircraft Mode S Transponder Code": "registrationNumber",
}
# When the schema lacks the property (a company has no nationality), use this one.
_FALLBACK = {
    "nationality": "country",
    "citizenship": "country",
    "jurisdiction": "country",
    "flag": "country",
}
# Keyed as `_key` reads a label (the tables spell labels with single spaces).
_PROPS = {label.lower(): prop for label, prop in {**PROPERTIES, **_XML_PROPERTIES}.items()}
_OWNER_LABELS = {"vessel owner", "aircraft operator"}
_IMO_LABELS = {"vessel registration identification", "vessel imo", "imo number"}
_IMO = re.compile(r"^IMO\s*(\d{7})$", re.IGNORECASE)
_WALLET = re.compile(r"^Digital Currency Address\s*-\s*(\w+)$", re.IGNORECASE)
_SANCTION_NOTE = re.compile(
    r"sanctions risk|Sanctions Information|Transactions Prohibited|Directive|Determination"
    r"|CAATSA|PEESA|IFCA|Effective Date|Listing Date|Executive Order",
    re.IGNORECASE,
)
_DOC_WORDS = re.compile(
    r"\b(ID|No\.?|Number|Card|Cedula|Passport|Document|License|Licence|C\.U\.R\.P|D\.N\.I)\b"
)


def source_of(path: Path) -> str:
    """``ofac-cons`` for the consolidated (non-SDN) publication, else ``ofac-sdn``."""
    return "ofac-cons" if "cons" in path.name.lower() else "ofac-sdn"


def publication(
    path: Path,
    name: str,
    url: str,
    published: re.Match[bytes] | None,
    records: Iterator[Record],
) -> ParsedList:
    """One OFAC XML file; `published` matched its date's ``year``, ``month`` and ``day``."""
    version = None
    if published is not None:
        year, month, day = published["year"], published["month"], published["day"]
        version = f"{year.decode()}-{int(month):02d}-{int(day):02d}"
    return ParsedList(
        source=source_of(path),
        format=name,
        paths=(path,),
        version=version,
        records=records,
        url=url,
    )


def new_entry(uid: str, schema: str, programs: list[str]) -> Draft:
    entry = new_draft(uid, schema, PREFIX, AUTHORITY)
    add_program(entry, programs)
    put(entry.sanction, "authorityId", uid)
    put(entry.sanction, "sourceUrl", DETAIL_URL.format(uid=uid))
    put(entry.main, "sourceUrl", DETAIL_URL.format(uid=uid))
    return entry


def add_labelled(
    entry: Draft,
    label: str,
    value: str | None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> None:
    """Store one value the list gives under `label` (an idType, feature or document type)."""
    if value is None or not value.strip():
        return
    key = _key(label)
    wallet = _WALLET.match(label.strip())
    if wallet:
        add_wallet(entry, wallet.group(1).upper(), value)
    elif key in _IMO_LABELS or _IMO.match(value.strip()):
        add_imo(entry, value)
    elif key in _OWNER_LABELS:
        add_owner(entry, value, label)
    elif key in _PROPS:
        put_main(entry, _PROPS[key], value, label)
    elif "passport" in key or _DOC_WORDS.search(label):
        add_document(entry, label, value, country, start, end)
    elif _SANCTION_NOTE.search(label) or label.rstrip().endswith((":", "-")):
        put(entry.sanction, "summary", f"{label.strip()} {value}")
    else:
        put(entry.main, "notes", f"{label.strip()}: {value}")


def _key(label: str) -> str:
    return " ".join(label.split()).lower()


def put_main(entry: Draft, prop: str, value: str, label: str) -> None:
    """Put on the main entity, falling back to a note when its schema lacks `prop`."""
    schema = entry.main.schema
    if schema.get(prop) is None:
        prop = _FALLBACK.get(prop, "")
    if not prop or schema.get(prop) is None:
        put(entry.main, "notes", f"{label.strip()}: {value}")
    elif prop == "phone":
        _put_phone(entry.main, value)
    else:
        put(entry.main, prop, value)


def _put_phone(main: EntityProxy, value: str) -> None:
    digits = value.strip()
    if digits.isdigit() and len(digits) > 9:
        digits = f"+{digits}"  # OFAC writes international numbers without the plus
    put(main, "phone", digits)


def add_imo(entry: Draft, value: str) -> None:
    match = re.search(r"(\d{7})", value)
    prop = "imoNumber" if entry.main.schema.get("imoNumber") else "registrationNumber"
    put(entry.main, prop, f"IMO{match.group(1)}" if match else value)


def crypto_wallet(holder: EntityProxy, symbol: str, address: str) -> EntityProxy:
    """A wallet of `holder`: one id recipe for the CSV and XML parsers."""
    wallet = make("CryptoWallet", holder.id, symbol, address, prefix=PREFIX)
    put(wallet, "currencySymbol", symbol)
    put(wallet, "publicKey", address)
    return wallet


def add_wallet(entry: Draft, currency: str, address: str) -> None:
    wallet = crypto_wallet(entry.main, currency, address)
    put(wallet, "holder", entry.main.id)
    wallet.add("topics", "sanction")
    entry.others.append(wallet)


def add_owner(entry: Draft, name: str, label: str) -> None:
    """A vessel owner or aircraft operator named in the list (no OFAC id of its own)."""
    owner = make("LegalEntity", entry.main.id, "owner", name, prefix=PREFIX)
    put(owner, "name", name)
    link = make("Ownership", entry.main.id, owner.id, prefix=PREFIX)
    put(link, "owner", owner.id)
    put(link, "asset", entry.main.id)
    put(link, "role", label.strip())
    entry.others.extend([owner, link])


def add_document(
    entry: Draft,
    kind: str,
    number: str,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> None:
    entry.others.append(document(entry, kind, number, country, start, end))
    prop = "passportNumber" if "passport" in kind.lower() else "idNumber"
    put_main(entry, prop if entry.main.schema.get(prop) else "idNumber", number, kind)


def add_address(entry: Draft, parts: dict[str, str | None]) -> None:
    """An Address from its parts (street, street2, street3, city, region, postalCode, country)."""
    street = ", ".join(v for v in (parts.get(k) for k in ("street", "street2", "street3")) if v)
    draft.add_address(entry, {**parts, "street": street or None})


def add_link(entry: Draft, other_uid: str, role: str, owned_by: bool, owns: bool = False) -> None:
    """A relation to another designation: Ownership when it is one, else UnknownLink."""
    other = f"{PREFIX}-{other_uid}"
    if owned_by or owns:
        link = make("Ownership", entry.main.id, role, other, prefix=PREFIX)
        put(link, "owner", entry.main.id if owns else other)
        put(link, "asset", other if owns else entry.main.id)
    else:
        link = make("UnknownLink", entry.main.id, role, other, prefix=PREFIX)
        put(link, "subject", entry.main.id)
        put(link, "object", other)
    put(link, "role", role)
    entry.others.append(link)


def strip_namespaces(element: Element) -> Element:
    """Drop XML namespaces from `element` and its descendants (OFAC changed them twice)."""
    for node in element.iter():
        node.tag = local(node.tag)
    return element
