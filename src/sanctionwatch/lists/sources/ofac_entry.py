"""One OFAC designation being built: main entity, its Sanction and satellites.

Both OFAC XML publications (classic ``sdn.xml`` and ``sdn_advanced.xml``) carry
the same facts under labels: an ``idType`` of the classic list and a feature or
document type of the advanced one are the same strings (``Passport``,
``Vessel Registration Identification``, ``Digital Currency Address - XBT``,
``Secondary sanctions risk:``...). `add_labelled` turns one labelled value into
FtM properties or satellite entities so both parsers agree value for value.
Entity ids follow the OFAC CSV convention: ``ofac-<uid>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from followthemoney.proxy import EntityProxy

from sanctionwatch.lists.model import Record
from sanctionwatch.lists.sources.common import local, make, put, sanction

PREFIX = "ofac"
AUTHORITY = "Office of Foreign Assets Control"
DETAIL_URL = "https://sanctionssearch.ofac.treas.gov/Details.aspx?id={uid}"
SCHEMAS = {
    "individual": "Person",
    "entity": "Organization",
    "vessel": "Vessel",
    "aircraft": "Airplane",
}

# Labels whose value is a plain property of the main entity (lower-cased label -> prop).
_PROPS = {
    "email address": "email",
    "website": "website",
    "phone number": "phone",
    "gender": "gender",
    "birthdate": "birthDate",
    "place of birth": "birthPlace",
    "title": "position",
    "nationality country": "nationality",
    "citizenship country": "citizenship",
    "nationality of registration": "jurisdiction",
    "registration country": "jurisdiction",
    "mmsi": "mmsi",
    "swift/bic": "swiftBic",
    "d-u-n-s number": "dunsCode",
    "tax id no.": "taxNumber",
    "registration id": "registrationNumber",
    "registration number": "registrationNumber",
    "organization established date": "incorporationDate",
    "organization type:": "sector",
    "target type": "legalForm",
    "vessel call sign": "callSign",
    "other vessel call sign": "callSign",
    "vessel type": "type",
    "other vessel type": "type",
    "vessel flag": "flag",
    "former vessel flag": "pastFlags",
    "other vessel flag": "pastFlags",
    "vessel tonnage": "tonnage",
    "vessel gross registered tonnage": "grossRegisteredTonnage",
    "vessel year of build": "buildDate",
    "aircraft model": "model",
    "aircraft manufacture date": "buildDate",
    "aircraft manufacturer's serial number (msn)": "serialNumber",
    "aircraft manufacturer’s serial number (msn)": "serialNumber",
    "aircraft construction number (also called l/n or s/n or f/n)": "serialNumber",
    "aircraft serial identification": "serialNumber",
    "aircraft tail number": "registrationNumber",
    "previous aircraft tail number": "registrationNumber",
    "aircraft mode s transponder code": "registrationNumber",
}
# When the schema lacks the property (a company has no nationality), use this one.
_FALLBACK = {
    "nationality": "country",
    "citizenship": "country",
    "jurisdiction": "country",
    "flag": "country",
}
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


@dataclass(frozen=True)
class Entry:
    """The entities of one OFAC designation while it is being read."""

    uid: str
    main: EntityProxy
    sanction: EntityProxy
    others: list[EntityProxy] = field(default_factory=list)

    def record(self) -> Record:
        return Record(record_id=self.uid, main=self.main, others=(self.sanction, *self.others))


def source_of(path: Path) -> str:
    """``ofac-cons`` for the consolidated (non-SDN) publication, else ``ofac-sdn``."""
    return "ofac-cons" if "cons" in path.name.lower() else "ofac-sdn"


def new_entry(uid: str, schema: str, programs: list[str]) -> Entry:
    main = make(schema, uid, prefix=PREFIX)
    sanc = sanction(main, AUTHORITY, PREFIX, "sanction")
    put(sanc, "program", programs)
    put(main, "program", programs)
    put(sanc, "recordId", uid)
    put(sanc, "authorityId", uid)
    put(sanc, "sourceUrl", DETAIL_URL.format(uid=uid))
    put(main, "sourceUrl", DETAIL_URL.format(uid=uid))
    main.add("topics", "sanction")
    return Entry(uid=uid, main=main, sanction=sanc)


def add_labelled(
    entry: Entry,
    label: str,
    value: str | None,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> None:
    """Store one value the list gives under `label` (an idType, feature or document type)."""
    if value is None or not value.strip():
        return
    key = " ".join(label.split()).lower()
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


def put_main(entry: Entry, prop: str, value: str, label: str) -> None:
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


def add_imo(entry: Entry, value: str) -> None:
    match = re.search(r"(\d{7})", value)
    prop = "imoNumber" if entry.main.schema.get("imoNumber") else "registrationNumber"
    put(entry.main, prop, f"IMO{match.group(1)}" if match else value)


def add_wallet(entry: Entry, currency: str, address: str) -> None:
    wallet = make("CryptoWallet", entry.main.id, currency, address, prefix=PREFIX)
    put(wallet, "publicKey", address)
    put(wallet, "currencySymbol", currency)
    put(wallet, "holder", entry.main.id)
    wallet.add("topics", "sanction")
    entry.others.append(wallet)


def add_owner(entry: Entry, name: str, label: str) -> None:
    """A vessel owner or aircraft operator named in the list (no OFAC id of its own)."""
    owner = make("LegalEntity", entry.main.id, "owner", name, prefix=PREFIX)
    put(owner, "name", name)
    link = make("Ownership", entry.main.id, owner.id, prefix=PREFIX)
    put(link, "owner", owner.id)
    put(link, "asset", entry.main.id)
    put(link, "role", label.strip())
    entry.others.extend([owner, link])


def add_document(
    entry: Entry,
    kind: str,
    number: str,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> None:
    passport = "passport" in kind.lower()
    schema = "Passport" if passport else "Identification"
    doc = make(schema, entry.main.id, kind, number, prefix=PREFIX)
    put(doc, "holder", entry.main.id)
    put(doc, "number", number)
    put(doc, "type", kind)
    put(doc, "country", country)
    put(doc, "startDate", start)
    put(doc, "endDate", end)
    entry.others.append(doc)
    prop = "passportNumber" if passport else "idNumber"
    put_main(entry, prop if entry.main.schema.get(prop) else "idNumber", number, kind)


def add_address(entry: Entry, parts: dict[str, str | None]) -> None:
    """An Address from its parts (street, city, region, postalCode, country)."""
    order = ("street", "street2", "street3", "city", "region", "postalCode", "country")
    full = ", ".join(v for v in (parts.get(k) for k in order) if v)
    if not full:
        return
    addr = make("Address", entry.main.id, full, prefix=PREFIX)
    put(addr, "full", full)
    street = ", ".join(v for v in (parts.get(k) for k in ("street", "street2", "street3")) if v)
    put(addr, "street", street or None)
    for prop in ("city", "region", "postalCode", "country"):
        put(addr, prop, parts.get(prop))
    put(entry.main, "address", full)
    put(entry.main, "addressEntity", addr.id)
    put(entry.main, "country", parts.get("country"))
    entry.others.append(addr)


def add_link(entry: Entry, other_uid: str, role: str, owned_by: bool, owns: bool = False) -> None:
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
