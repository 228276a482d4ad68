"""Build one `Record` from a row of OFAC's ``sdn.csv`` / ``cons_prim.csv``.

Schemas: ``individual`` -> Person, ``vessel`` -> Vessel, ``aircraft`` ->
Airplane, and the untyped ``-0-`` entries -> Organization, as OpenSanctions'
OFAC crawler maps OFAC's "Entity" party type: the rows are companies, but
also armed groups, ministries, universities and charities, which
Organization covers and screening matches as organisations (LegalEntity is
too vague to match well). An entry becomes a Company when its remarks carry
securities or a bank code (ISIN, ticker, BIK, properties only Company has)
or a Target Type naming a company kind.

``Linked To:`` names, aircraft operators and vessel owners become links
(`links`) to the entries of those names in the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.sources.common import make, put, sanction
from sanctionwatch.lists.sources.ofac.dates import dates_of
from sanctionwatch.lists.sources.ofac.entry import crypto_wallet
from sanctionwatch.lists.sources.ofac.files import Row
from sanctionwatch.lists.sources.ofac.ids import Document
from sanctionwatch.lists.sources.ofac.labels import AUTHORITY, DETAIL_URL, PREFIX
from sanctionwatch.lists.sources.ofac.links import NameIndex, known, links
from sanctionwatch.lists.sources.ofac.remarks import Fact, Link, Prop, SanctionProp, Wallet

_SCHEMAS = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane", "": "Organization"}
_COMPANY_PROPS = frozenset({"isinCode", "ticker", "bikCode"})
_COMPANY_FORMS = frozenset(
    {"private company", "public company", "state-owned enterprise", "financial institution"}
)
_ALT_TYPES = {"aka": "alias", "fka": "previousName", "nka": "alias"}
_VESSEL_COLUMNS = {"callSign": 5, "type": 6, "tonnage": 7, "grossRegisteredTonnage": 8, "flag": 9}
_TONNAGES = frozenset({"tonnage", "grossRegisteredTonnage"})
_COUNTRY_LIKE = frozenset({"nationality", "citizenship", "jurisdiction"})


@dataclass(frozen=True)
class Entry:
    """One primary row with its remarks (continuation appended) and companions."""

    row: Row
    uid: str
    remarks: str
    truncated: bool
    facts: tuple[Fact, ...]
    addresses: tuple[Row, ...]
    aliases: tuple[Row, ...]


@dataclass(frozen=True)
class ListData:
    path: Path
    source: str
    entries: list[Entry]
    index: NameIndex
    missing_comments: str


def build_record(entry: Entry, data: ListData) -> Record:
    main = make(_schema(entry, data.path), entry.uid, prefix=PREFIX)
    others: list[EntityProxy] = [_sanction(main, entry, data.source)]
    _columns(main, entry.row)
    put(main, "notes", entry.remarks)
    if entry.truncated:
        put(
            main,
            "notes",
            f"Remarks reach OFAC's 1,000 character limit and may be cut off: "
            f"{data.missing_comments}.",
        )
    for fact in entry.facts:
        others.extend(_apply(main, others[0], fact, data))
    _aliases(main, entry.aliases)
    others.extend(_addresses(main, entry.addresses))
    owner = entry.row.value(10)
    if owner:
        others.extend(links(main, Link(owner, "Vessel Owner"), data.index))
    return Record(record_id=entry.uid, main=main, others=tuple(_unique(others)))


def _schema(entry: Entry, path: Path) -> str:
    kind = entry.row.value(2).lower()
    schema = _SCHEMAS.get(kind)
    if schema is None:
        raise ParseError(path, entry.row.where, f"unknown SDN_Type {kind!r}")
    if schema == "Organization" and any(_company_hint(f) for f in entry.facts):
        return "Company"
    return schema


def _company_hint(fact: Fact) -> bool:
    if not isinstance(fact, Prop):
        return False
    return fact.name in _COMPANY_PROPS or (
        fact.name == "legalForm" and fact.value.lower() in _COMPANY_FORMS
    )


def _columns(main: EntityProxy, row: Row) -> None:
    """Name, programs, title and the vessel columns of the primary row."""
    name = row.value(1)
    put(main, "name", name)
    if main.schema.is_a("Person") and name.count(", ") == 1:
        last, first = name.split(", ")
        put(main, "lastName", last)
        put(main, "firstName", first)
    put(main, "program", programs(row.value(3)))
    title = row.value(4)
    if main.schema.is_a("Person"):
        put(main, "position", title)
    elif title:
        put(main, "notes", f"Title: {title}")
    for prop, index in _VESSEL_COLUMNS.items():
        value = row.value(index)
        if value and value != "None Identified" and main.schema.get(prop) is not None:
            put(main, prop, value.replace(",", "") if prop in _TONNAGES else value)


def programs(text: str) -> list[str]:
    """``DPRK3] [CYBER2`` -> ``["DPRK3", "CYBER2"]``."""
    inner = text.strip().removeprefix("[").removesuffix("]")
    return [p.strip() for p in inner.split("] [") if p.strip() and p.strip() != "-0-"]


def _sanction(main: EntityProxy, entry: Entry, source: str) -> EntityProxy:
    sanc = sanction(main, AUTHORITY, PREFIX, source)
    put(sanc, "program", programs(entry.row.value(3)))
    known(sanc, "recordId", entry.uid)
    known(sanc, "authorityId", entry.uid)
    known(sanc, "sourceUrl", DETAIL_URL.format(uid=entry.uid))
    return sanc


def _apply(main: EntityProxy, sanc: EntityProxy, fact: Fact, data: ListData) -> list[EntityProxy]:
    """Put one remarks fact on the entities; returns new satellites."""
    if isinstance(fact, Prop):
        _prop(main, fact.name, fact.value)
    elif isinstance(fact, SanctionProp):
        put_value(sanc, fact.name, fact.value)
    elif isinstance(fact, Document):
        return _document(main, fact)
    elif isinstance(fact, Wallet):
        return [_wallet(main, fact)]
    else:
        return links(main, fact, data.index)
    return []


def _prop(main: EntityProxy, name: str, value: str) -> None:
    if main.schema.get(name) is not None:
        put_value(main, name, value)
    elif name in _COUNTRY_LIKE:
        put(main, "country", value)
    # other facts the schema cannot hold stay readable in the remarks (notes)


def put_value(entity: EntityProxy, name: str, value: str | None) -> None:
    """`put`, with a fast path for OFAC's date spellings (ranges give each year)."""
    prop = entity.schema.get(name)
    if value is not None and prop is not None and prop.type == registry.date:
        dates = dates_of(value)
        if dates:
            entity.add(name, dates, cleaned=True)
            return
    put(entity, name, value)


def _document(main: EntityProxy, doc: Document) -> list[EntityProxy]:
    _prop(main, doc.kind.prop, doc.number)
    if doc.country:
        put(main, "country", doc.country)
        _national_codes(main, doc)
    if doc.kind.schema is None or not main.schema.is_a("LegalEntity"):
        return []
    ident = make(doc.kind.schema, main.id, doc.label, doc.number, prefix=PREFIX)
    known(ident, "holder", main.id)
    put(ident, "number", doc.number)
    put(ident, "type", doc.label)
    put(ident, "country", doc.country)
    put_value(ident, "startDate", doc.issued)
    put_value(ident, "endDate", doc.expires)
    return [ident]


def _national_codes(main: EntityProxy, doc: Document) -> None:
    """Russian INN / OGRN numbers also fill the dedicated FtM properties."""
    if doc.country is None or doc.country.lower() not in ("russia", "russian federation"):
        return
    digits = doc.number.isdigit()
    if doc.kind.prop == "taxNumber" and digits and len(doc.number) in (10, 12):
        _prop(main, "innCode", doc.number)
    if doc.kind.prop == "registrationNumber" and digits and len(doc.number) in (13, 15):
        _prop(main, "ogrnCode", doc.number)


def _wallet(main: EntityProxy, wallet: Wallet) -> EntityProxy:
    entity = crypto_wallet(main, wallet.symbol, wallet.address)
    if main.schema.is_a("LegalEntity"):
        known(entity, "holder", main.id)
    return entity


def _aliases(main: EntityProxy, rows: tuple[Row, ...]) -> None:
    for row in rows:
        kind, name, remarks = row.value(2).lower(), row.value(3), row.value(4)
        put(main, _ALT_TYPES.get(kind, "alias"), name)
        if remarks:
            put(main, "notes", f"{kind} {name}: {remarks}")


def _addresses(main: EntityProxy, rows: tuple[Row, ...]) -> list[EntityProxy]:
    found: list[EntityProxy] = []
    for row in rows:
        street, city, country, remarks = row.value(2), row.value(3), row.value(4), row.value(5)
        put(main, "country", country)
        if not (street or city):
            continue  # a bare country is not an address
        full = ", ".join(p for p in (street, city, country) if p)
        address = make("Address", main.id, full, prefix=PREFIX)  # as the XML parser
        for prop, value in (
            ("full", full),
            ("street", street),
            ("city", city),
            ("country", country),
            ("remarks", remarks),
        ):
            put(address, prop, value)
        put(main, "address", full)
        known(main, "addressEntity", address.id)
        found.append(address)
    return found


def _unique(entities: list[EntityProxy]) -> list[EntityProxy]:
    """Satellites in order, merging repeats of one id (same wallet listed twice)."""
    by_id: dict[str, EntityProxy] = {}
    for entity in entities:
        key = str(entity.id)
        if key in by_id:
            by_id[key].merge(entity)
        else:
            by_id[key] = entity
    return list(by_id.values())
