"""One designation being built: main entity, Sanction, satellites (EU, UK, AU, OFAC XML).

These lists share their shapes (a named party with addresses, identity
documents and, for ships, named owners), so the builders live here once.
Every builder keeps a value the main entity's schema cannot hold as a note
(``phone: +850 2 18111``) instead of dropping it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from followthemoney.proxy import EntityProxy

from sanctionwatch.lists.model import Record
from sanctionwatch.lists.sources.common import make, put, sanction

# When the schema lacks the property (a company has no nationality), use this one.
_FALLBACK = {
    "nationality": "country",
    "citizenship": "country",
    "birthCountry": "country",
    "flag": "country",
    "passportNumber": "idNumber",
}
_ADDRESS_ORDER = ("postOfficeBox", "street", "city", "region", "postalCode", "country")
_IMO = re.compile(r"^(?:IMO)?\s*:?\s*(\d{7})$", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """The entities of one designation while it is being read."""

    record_id: str
    prefix: str
    main: EntityProxy
    sanction: EntityProxy
    others: list[EntityProxy] = field(default_factory=list)

    def record(self) -> Record:
        others = (self.sanction, *self.others)
        return Record(record_id=self.record_id, main=self.main, others=others)

    def attach(self, *entities: EntityProxy) -> None:
        """Add satellites; one already present (same id) absorbs the new values."""
        for entity in entities:
            known = next((e for e in self.others if e.id == entity.id), None)
            if known is None:
                self.others.append(entity)
            else:
                known.merge(entity)


def new_draft(record_id: str, schema: str, prefix: str, authority: str) -> Draft:
    main = make(schema, record_id, prefix=prefix)
    main.add("topics", "sanction")
    sanc = sanction(main, authority, prefix, "sanction")
    put(sanc, "recordId", record_id)
    return Draft(record_id=record_id, prefix=prefix, main=main, sanction=sanc)


def put_main(draft: Draft, prop: str, values: str | Iterable[str | None] | None) -> None:
    """Put on the main entity, falling back to a note when its schema lacks `prop`."""
    schema = draft.main.schema
    target = prop if schema.get(prop) is not None else _FALLBACK.get(prop, "")
    if target and schema.get(target) is not None:
        put(draft.main, target, values)
        return
    items = [values] if isinstance(values, str) else list(values or [])
    put(draft.main, "notes", [f"{prop}: {v}" for v in items if v])


def add_imo(draft: Draft, value: str | None) -> None:
    """An IMO number as the UN and OFAC parsers write it (``IMO8604917``)."""
    match = _IMO.match((value or "").strip())
    put_main(draft, "imoNumber", f"IMO{match.group(1)}" if match else value)


def add_program(draft: Draft, programs: Iterable[str | None]) -> None:
    """The raw program names on the Sanction (and on the main entity, as UN does)."""
    names = [p for p in programs if p]
    put(draft.sanction, "program", names)
    put(draft.main, "program", names)


def add_address(draft: Draft, parts: dict[str, str | None], full: str | None = None) -> None:
    """An Address entity from its parts; `full` defaults to the parts joined."""
    full = full or ", ".join(v for v in (parts.get(k) for k in _ADDRESS_ORDER) if v)
    if not full:
        return
    addr = make("Address", draft.main.id, full, prefix=draft.prefix)
    put(addr, "full", full)
    for prop in _ADDRESS_ORDER:
        put(addr, prop, parts.get(prop))
    put(draft.main, "address", full)
    put(draft.main, "addressEntity", addr.id)
    put_main(draft, "country", parts.get("country"))
    draft.attach(addr)


def add_document(
    draft: Draft,
    kind: str,
    number: str | None,
    country: str | None = None,
    start: str | None = None,
    summary: str | None = None,
) -> None:
    """A Passport (when `kind` says so) or Identification held by the main entity."""
    if not number:
        return
    prop = "passportNumber" if "passport" in kind.lower() else "idNumber"
    if not draft.main.schema.is_a("LegalEntity"):
        put_main(draft, prop, number)  # a vessel holds no identity documents
        return
    doc = document(draft, kind, number, country, start)
    put(doc, "summary", summary)
    put_main(draft, prop, number)
    draft.attach(doc)


def document(
    draft: Draft,
    kind: str,
    number: str,
    country: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> EntityProxy:
    """The Passport or Identification entity itself (also built by the OFAC XML parser)."""
    schema = "Passport" if "passport" in kind.lower() else "Identification"
    doc = make(schema, draft.main.id, kind, number, prefix=draft.prefix)
    put(doc, "holder", draft.main.id)
    put(doc, "number", number)
    put(doc, "type", kind)
    put(doc, "country", country)
    put(doc, "startDate", start)
    put(doc, "endDate", end)
    return doc


def add_owner(draft: Draft, name: str | None, role: str, owns: bool = False) -> None:
    """A party the list names but does not designate: stub LegalEntity + Ownership.

    By default the named party owns the main entity (a ship's owner, a parent
    company); with `owns` the main entity owns it (a subsidiary).
    """
    if not name:
        return
    party = make("LegalEntity", draft.main.id, role, name, prefix=draft.prefix)
    put(party, "name", name)
    link = make("Ownership", draft.main.id, role, party.id, prefix=draft.prefix)
    put(link, "owner", draft.main.id if owns else party.id)
    put(link, "asset", party.id if owns else draft.main.id)
    put(link, "role", role)
    draft.attach(party, link)
