"""OFAC's Remarks field: ``DOB 12 Jul 1986; nationality China; a.k.a. 'X'.``

The field is a ``;``-separated list of labelled facts; ``alt.`` in front of
a label means "another value of the same kind". `parse_remarks` turns it
into plain facts (`Prop`, `SanctionProp`, `Document`, `Wallet`, `Link`)
without touching any entity, so the record builder decides the schema
first. Facts with an unknown label produce nothing: the caller keeps the
whole remarks text in `notes`, so nothing is lost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from followthemoney.types import registry

from sanctionwatch.lists.sources.ofac.dates import dates_of, ofac_date
from sanctionwatch.lists.sources.ofac.ids import (
    DOCUMENT_LABELS,
    REGISTRATION,
    Document,
    country_code,
    imo_number,
    is_lei,
    parse_document,
)
from sanctionwatch.lists.sources.ofac.labels import PROPERTIES


@dataclass(frozen=True)
class Prop:
    """A value for a property of the designated entity."""

    name: str
    value: str


@dataclass(frozen=True)
class SanctionProp:
    """A value for a property of the record's Sanction."""

    name: str
    value: str


@dataclass(frozen=True)
class Wallet:
    symbol: str
    address: str


@dataclass(frozen=True)
class Link:
    """A reference by name to another entity (``Linked To``, aircraft operator)."""

    name: str
    role: str


@dataclass(frozen=True)
class Segment:
    """One labelled fact: ``alt. Passport 123 (Iran)`` -> label, value, text."""

    label: str
    value: str
    text: str


Fact = Prop | SanctionProp | Document | Wallet | Link
Handler = Callable[[Segment], Iterator[Fact]]


def _prop(name: str) -> Handler:
    """A plain property; `_READERS` says how to read values of some properties."""
    read = _READERS.get(name, str)

    def handle(seg: Segment) -> Iterator[Fact]:
        value = read(seg.value)
        if value is not None:
            yield Prop(name, value)

    return handle


def _date(text: str) -> str:
    return ofac_date(text) or text


def _flag(text: str) -> str | None:
    return None if text.lower() == "none identified" else text


def _alias(name: str) -> Handler:
    def handle(seg: Segment) -> Iterator[Fact]:
        match = _QUOTED.match(seg.value)
        if match:  # an unquoted value was cut off by OFAC's 1,000 char limit
            yield Prop(name, match.group(1))

    return handle


def _provision(seg: Segment) -> Iterator[Fact]:
    yield SanctionProp("provisions", seg.text)


def _dated_provision(prop: str) -> Handler:
    def handle(seg: Segment) -> Iterator[Fact]:
        yield SanctionProp("provisions", seg.text)
        match = _TRAILING_DATE.search(seg.value)
        if match:
            yield SanctionProp(prop, ofac_date(match.group(1)) or match.group(1))

    return handle


def phone_number(text: str) -> str:
    """OFAC writes ``(98)(21)(66153220)`` or ``8613621583465``: try it as +E.164."""
    digits = re.sub(r"\D", "", text)
    digits = digits[2:] if digits.startswith("00") else digits
    if len(digits) >= 9:
        candidate = f"+{digits}"
        if registry.phone.clean(candidate) is not None:
            return candidate
    return text


def _dob(seg: Segment) -> Iterator[Fact]:
    for value in dates_of(seg.value) or [seg.value]:
        yield Prop("birthDate", value)


def _pob(seg: Segment) -> Iterator[Fact]:
    yield Prop("birthPlace", seg.value)
    code = country_code(seg.value.rsplit(",", 1)[-1])
    if code is not None:
        yield Prop("birthCountry", code)


def _nothing(seg: Segment) -> Iterator[Fact]:
    yield from ()


def _wallet(seg: Segment) -> Iterator[Fact]:
    match = _WALLET.match(seg.value)
    if match:
        yield Wallet(match.group(1).upper(), match.group(2))


def _link(role: str) -> Handler:
    def handle(seg: Segment) -> Iterator[Fact]:
        yield Link(seg.value, role)

    return handle


def _vessel_registration(seg: Segment) -> Iterator[Fact]:
    doc = parse_document(seg.label, REGISTRATION, seg.value)
    imo = imo_number(doc.number)
    yield Prop("imoNumber", imo) if imo else doc


def _imo(seg: Segment) -> Iterator[Fact]:
    yield Prop("imoNumber", imo_number(seg.value) or seg.value)


def _lei(seg: Segment) -> Iterator[Fact]:
    doc = parse_document(seg.label, REGISTRATION, seg.value)
    yield Prop("leiCode", doc.number) if is_lei(doc.number) else doc


def _document(seg: Segment) -> Iterator[Fact]:
    doc = parse_document(seg.label, DOCUMENT_LABELS[seg.label], seg.value)
    imo = imo_number(doc.number)
    if imo is not None and doc.number.upper().startswith("IMO"):
        yield Prop("imoNumber", imo)  # "Company Number IMO 1234567"
    else:
        yield doc


_READERS: dict[str, Callable[[str], str | None]] = {
    "gender": str.lower,
    "phone": phone_number,
    "buildDate": _date,
    "incorporationDate": _date,
    "flag": _flag,
    "pastFlags": _flag,
}
# Labels of plain properties that only the CSV Remarks use (see `labels.PROPERTIES`).
_CSV_PROPERTIES = {
    "nationality": "nationality",
    "citizen": "citizenship",
    "Email": "email",
    "Telephone": "phone",
    "Telephone No.": "phone",
    "Issuer Name": "alias",
    "Organization Type": "sector",
}
_HANDLERS: dict[str, Handler] = {
    **{label: _prop(prop) for label, prop in {**PROPERTIES, **_CSV_PROPERTIES}.items()},
    "DOB": _dob,
    "POB": _pob,
    "Fax": _nothing,
    "Fax No.": _nothing,
    "a.k.a.": _alias("weakAlias"),
    "f.k.a.": _alias("previousName"),
    "n.k.a.": _alias("alias"),
    "Linked To": _link("Linked To"),
    "Aircraft Operator": _link("Aircraft Operator"),
    "Digital Currency Address": _wallet,
    "Vessel Registration Identification": _vessel_registration,
    "International Maritime Organization No.": _imo,
    "Legal Entity Number": _lei,
    "LE Number": _lei,
    "Secondary sanctions risk": _provision,
    "Additional Sanctions Information": _provision,
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions": (
        _provision
    ),
    "Executive Order": _provision,
    "CAATSA Section": _provision,
    "IFCA Determination": _provision,
    "PEESA Information": _provision,
    "For more information on directives": _provision,
    "United States financial institutions are prohibited": _provision,
    "Purchase/Sales For Divestment Date": _provision,
    "Listing Date": _dated_provision("listingDate"),
    "Effective Date": _dated_provision("startDate"),
}
_HANDLERS.update(dict.fromkeys(DOCUMENT_LABELS, _document))
_CANONICAL = {label.lower(): label for label in _HANDLERS}
_SEGMENT = re.compile(
    r"^(?:alt\.\s+)?("
    + "|".join(re.escape(label) for label in sorted(_CANONICAL, key=len, reverse=True))
    + r")(?!\w)\s*[:\-]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_QUOTED = re.compile(r"^'(.*)'$", re.DOTALL)
_WALLET = re.compile(r"^-?\s*([A-Za-z0-9]{2,6})\s+(\S+)$")
_TRAILING_DATE = re.compile(r"(\d{1,2} [A-Za-z]{3} \d{4}|[A-Za-z]{3} \d{4}|(?<!\d)\d{4})\s*$")
_SPLIT = re.compile(r";\s*")


def segments(text: str) -> list[str]:
    """The ``;``-separated facts of a remarks text, final full stop removed."""
    body = text.strip()
    if body.endswith("."):
        body = body[:-1]
    return [part.strip() for part in _SPLIT.split(body) if part.strip()]


def parse_remarks(text: str, truncated: bool = False) -> list[Fact]:
    """Every fact recognised in `text`; a `truncated` text's last fact is skipped."""
    parts = segments(text)
    if truncated and parts:
        parts = parts[:-1]
    facts: list[Fact] = []
    for part in parts:
        match = _SEGMENT.match(part)
        if match is None:
            continue
        label = _CANONICAL[match.group(1).lower()]
        plain = part[5:] if part[:5].lower() == "alt. " else part
        facts.extend(_HANDLERS[label](Segment(label, match.group(2).strip(), plain)))
    return facts
