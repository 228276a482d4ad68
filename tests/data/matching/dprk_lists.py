"""The DPRK designations of the real UN and OFAC list files, as plain records.

Reads `tests/data/un/consolidated-2026-02-27.xml` (UN references KPi.* and KPe.*)
and `tests/data/ofac/sdn-2024-05-03/sdn.csv` (programs DPRK*) on their own, without
the package's parsers, so the pair file does not move when the parsers change.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from followthemoney.types import registry

DATA = Path(__file__).resolve().parent.parent
UN_XML = DATA / "un" / "consolidated-2026-02-27.xml"
OFAC_CSV = DATA / "ofac" / "sdn-2024-05-03" / "sdn.csv"
UN_NAME_TAGS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
OFAC_DOB = re.compile(r"\bDOB (?:circa )?((?:\d{2} [A-Z][a-z]{2} )?\d{4})(?: to 31 Dec (\d{4}))?")
OFAC_NATIONALITY = re.compile(r"\b(?:nationality|citizen) ([^;]+)")


@dataclass(frozen=True)
class Designee:
    """One list entry: a person, an organization or a vessel."""

    source: str  # "UN KPi.066", "OFAC 17614"
    kind: str  # "person", "entity" or "vessel"
    name: str  # as printed on the list
    aliases: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO: YYYY or YYYY-MM-DD
    country: str = ""  # ISO 3166 alpha-2, lower case, or ""
    surname: str = ""  # persons: the family name as printed
    given: str = ""  # persons: the given name as printed

    @property
    def birth_years(self) -> set[int]:
        return {int(d[:4]) for d in self.birth_dates}


def read_un() -> list[Designee]:
    root = ElementTree.parse(UN_XML).getroot()
    people = [_un_person(n) for n in root.iter("INDIVIDUAL") if _ref(n).startswith("KPi")]
    entities = [_un_entity(n) for n in root.iter("ENTITY") if _ref(n).startswith("KPe")]
    return people + entities


def _ref(node: Element) -> str:
    return (node.findtext("REFERENCE_NUMBER") or "").strip()


def _un_person(node: Element) -> Designee:
    parts = [(node.findtext(t) or "").strip() for t in UN_NAME_TAGS]
    parts = [p for p in parts if p]
    dates = []
    for dob in node.findall("INDIVIDUAL_DATE_OF_BIRTH"):
        value = dob.findtext("DATE") or dob.findtext("YEAR") or dob.findtext("FROM_YEAR")
        if value:
            dates.append(value.strip()[:10])
    nationality = node.findtext("NATIONALITY/VALUE") or ""
    return Designee(
        source=f"UN {_ref(node)}",
        kind="person",
        name=" ".join(parts),
        aliases=_aliases(node, "INDIVIDUAL_ALIAS"),
        birth_dates=tuple(dates),
        country=_country(nationality),
        surname=parts[0],
        given=" ".join(parts[1:]),
    )


def _un_entity(node: Element) -> Designee:
    return Designee(
        source=f"UN {_ref(node)}",
        kind="entity",
        name=" ".join((node.findtext("FIRST_NAME") or "").split()),
        aliases=_aliases(node, "ENTITY_ALIAS"),
        country=_country(node.findtext("ENTITY_ADDRESS/COUNTRY") or ""),
    )


def _aliases(node: Element, tag: str) -> tuple[str, ...]:
    names = (" ".join((a.findtext("ALIAS_NAME") or "").split()) for a in node.findall(tag))
    return tuple(n.strip('"') for n in names if n)


def _country(text: str) -> str:
    return registry.country.clean_text(text) or "" if text.strip() else ""


def read_ofac() -> list[Designee]:
    with OFAC_CSV.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if len(r) >= 12]
    return [_ofac(r) for r in rows if re.search(r"\bDPRK", r[3]) and r[2].strip() != "aircraft"]


def _ofac(row: list[str]) -> Designee:
    number, name, kind, remarks = row[0], row[1], row[2].strip(), row[11]
    source = f"OFAC {number}"
    if kind == "vessel":
        flag = row[9].strip()
        return Designee(source, "vessel", name, country=_country("" if flag == "-0-" else flag))
    if kind != "individual":
        return Designee(source, "entity", name)
    surname, _, given = name.partition(",")
    nationality = OFAC_NATIONALITY.search(remarks)
    return Designee(
        source=source,
        kind="person",
        name=name,
        birth_dates=tuple(d for m in OFAC_DOB.findall(remarks) for d in _ofac_dates(*m)),
        country=_country(nationality.group(1) if nationality else ""),
        surname=surname.strip(),
        given=given.strip(),
    )


def _ofac_dates(start: str, end_year: str) -> list[str]:
    """`18 Feb 1962` -> 1962-02-18; `1945` -> 1945; `01 Jan 1937 to 31 Dec 1938` -> years."""
    if end_year and start.startswith("01 Jan "):
        return [str(y) for y in range(int(start[-4:]), int(end_year) + 1)]
    if len(start) == 4:
        return [start]
    return [datetime.strptime(start, "%d %b %Y").date().isoformat()]
