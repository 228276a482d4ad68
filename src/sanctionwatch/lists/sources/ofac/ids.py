"""Identity documents and registration numbers in OFAC remarks.

OFAC writes them as ``<label> <number> (<country>) issued <date> expires
<date>``, e.g. ``Passport 050010216 (Serbia) issued 20 Mar 2020 expires 20
Mar 2025`` or ``Tax ID No. 7744001497 (Russia)``. `DOCUMENT_LABELS` says
which property of the designated entity each label fills and whether it
also becomes a Passport or Identification entity (personal documents do;
company numbers stay properties, as in OpenSanctions' OFAC crawler).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from followthemoney.types import registry


@dataclass(frozen=True)
class DocKind:
    """Where a document number goes: a main-entity property, maybe a satellite."""

    prop: str
    schema: str | None = None


PASSPORT = DocKind("passportNumber", "Passport")
PERSONAL_ID = DocKind("idNumber", "Identification")
REGISTRATION = DocKind("registrationNumber")
TAX = DocKind("taxNumber")
LICENSE = DocKind("licenseNumber")

_GROUPS: tuple[tuple[DocKind, tuple[str, ...]], ...] = (
    (
        PASSPORT,
        (
            "Passport",
            "Diplomatic Passport",
            "British National Overseas Passport",
            "Stateless Person Passport",
            "Passport Booklet",
        ),
    ),
    (
        PERSONAL_ID,
        (
            "National ID No.",
            "National Foreign ID Number",
            "Identification Number",
            "Cedula No.",
            "C.U.R.P.",
            "C.U.R.P",
            "C.U.I.P.",
            "C.U.I.",
            "D.N.I.",
            "N.I.E.",
            "I.F.E.",
            "Personal ID Card",
            "Citizen's Card Number",
            "Kenyan ID No.",
            "Bosnian Personal ID No.",
            "Moroccan Personal ID No.",
            "Tazkira National ID Card",
            "Turkish Identification Number",
            "Numero de Identidad",
            "Credencial electoral",
            "Electoral Registry No.",
            "Residency Number",
            "Romanian Permanent Resident",
            "CNP (Personal Numerical Code)",
            "UAE Identification",
            "Refugee ID Card",
            "Stateless Person ID Card",
            "Birth Certificate Number",
            "Travel Document Number",
            "Seafarer's Identification Document",
            "Driver's License No.",
            "Cartilla de Servicio Militar Nacional",
            "Military Registration Number",
            "VisaNumberID",
            "Immigration No.",
            "Public Security and Immigration No.",
            "SRE Permit No.",
            "Pilot License Number",
            "Tarjeta Profesional",
        ),
    ),
    (DocKind("socialSecurityNumber", "Identification"), ("SSN",)),
    (
        REGISTRATION,
        (
            "Registration Number",
            "Registration ID",
            "Business Registration Number",
            "Business Registration Document #",
            "Business Number",
            "Commercial Registry Number",
            "Company Number",
            "UK Company Number",
            "C.R. No.",
            "Romanian C.R.",
            "C.I.N.",
            "Registered Charity No.",
            "Matricula Mercantil No",
            "Folio Mercantil No.",
            "Certificate of Incorporation Number",
            "Registration Certificate Number (Dubai)",
            "Public Registration Number",
            "Chamber of Commerce Number",
            "Dubai Chamber of Commerce Membership No.",
            "Istanbul Chamber of Comm. No.",
            "Enterprise Number",
            "Branch Unit Number",
            "Economic Register Number (CBLS)",
            "Central Registration System Number",
            "Government Gazette Number",
            "Chinese Commercial Code",
            "Organization Code",
            "RSIN",
            "File Number",
            "Trademark number",
            "Permit Number",
            "MSB Registration Number",
            "Russian State Individual Business Registration Number Pattern (OGRNIP)",
        ),
    ),
    (
        LICENSE,
        (
            "License",
            "Trade License No.",
            "Tourism License No.",
            "Afghan Money Service Provider License Number",
        ),
    ),
    (
        TAX,
        (
            "Tax ID No.",
            "NIT #",
            "RUC #",
            "RIF #",
            "R.F.C.",
            "RFC",
            "RTN",
            "C.U.I.T.",
            "C.I.F.",
            "N.I.F.",
            "US FEIN",
            "Italian Fiscal Code",
            "Fiscal Code",
            "Romanian Tax Registration",
            "Paraguayan tax identification number",
            "Numero Unico de Identificacao Tributaria (NUIT)",
        ),
    ),
    (DocKind("vatCode"), ("V.A.T. Number",)),
    (
        DocKind("uscCode"),
        ("Unified Social Credit Code (USCC)", "United Social Credit Code Certificate (USCCC)"),
    ),
)
DOCUMENT_LABELS: dict[str, DocKind] = {label: kind for kind, labels in _GROUPS for label in labels}
_DOCUMENT = re.compile(
    r"^(?P<number>.+?)"
    r"(?:\s+\((?P<country>[^()]*)\))?"
    r"(?:\s+issued\s+(?P<issued>.+?))?"
    r"(?:\s+expires\s+(?P<expires>.+?))?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_IMO = re.compile(r"^\(?(IMO\s*)?(\d{7})\)?$", re.IGNORECASE)
_LEI = re.compile(r"^[A-Z0-9]{18}\d{2}$")


@dataclass(frozen=True)
class Document:
    """One identity document or registration number found in the remarks."""

    label: str
    kind: DocKind
    number: str
    country: str | None = None
    issued: str | None = None
    expires: str | None = None


def parse_document(label: str, kind: DocKind, text: str) -> Document:
    """Split ``number (country) issued X expires Y`` into its parts."""
    match = _DOCUMENT.match(text)
    if match is None:  # only when `text` is blank
        return Document(label, kind, text.strip())
    number = match.group("number").strip().rstrip(",")
    country = match.group("country")
    if country is not None and country_code(country) is None:
        number, country = f"{number} ({country})", None
    return Document(label, kind, number, country, match.group("issued"), match.group("expires"))


def imo_number(text: str) -> str | None:
    """``IMO1234567`` when `text` is an IMO number (explicit or check digit valid)."""
    match = _IMO.match(text.strip())
    if match is None:
        return None
    digits = match.group(2)
    explicit = match.group(1) is not None
    if explicit or _imo_check(digits):
        return f"IMO{digits}"
    return None


def _imo_check(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:6], range(7, 1, -1), strict=True))
    return total % 10 == int(digits[6])


def is_lei(text: str) -> bool:
    return _LEI.match(text) is not None


@lru_cache(maxsize=4096)
def country_code(text: str) -> str | None:
    """ISO code of a country name as OFAC writes it (``Korea, North`` -> ``kp``)."""
    code: str | None = registry.country.clean(text.strip())
    return code
