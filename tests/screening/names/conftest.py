"""Names from the real lists: the UN consolidated list (2026-02-27) and OFAC's SDN files.

Read straight from the files (not through `lists/`) so that the name layer is
tested on exactly what the publishers wrote.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from defusedxml import ElementTree

from tests.conftest import OFAC, UN

_NAME_PARTS = ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
_AKA = re.compile(r"a\.k\.a\. '([^']+)'")
OFAC_SDN = OFAC / "sdn-2024-05-03" / "sdn.csv"
OFAC_ALIASES = [
    OFAC / "full-2021-07-07" / "alt.csv",
    OFAC / "partial-2025-12-24" / "alt.csv",
    OFAC / "cons-2025-12-19" / "cons_alt.csv",
]
OFAC_PRIMARIES = [OFAC / "full-2021-07-07" / "sdn.csv", OFAC / "cons-2025-12-19" / "cons_prim.csv"]


@dataclass(frozen=True)
class UnEntry:
    reference: str
    schema: str  # Person or Organization
    name: str
    aliases: tuple[str, ...]
    original_script: str | None


def _un_entries() -> Iterator[UnEntry]:
    root = ElementTree.parse(UN).getroot()
    for tag, schema in (("INDIVIDUAL", "Person"), ("ENTITY", "Organization")):
        for node in root.iter(tag):
            name = " ".join(p for p in (node.findtext(x) for x in _NAME_PARTS) if p)
            aliases = (a.findtext("ALIAS_NAME") for a in node.findall(f"{tag}_ALIAS"))
            yield UnEntry(
                reference=node.findtext("REFERENCE_NUMBER") or "",
                schema=schema,
                name=name,
                aliases=tuple(a for a in aliases if a),
                original_script=node.findtext("NAME_ORIGINAL_SCRIPT"),
            )


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from (row for row in csv.reader(handle) if len(row) > 3)


def ofac_sdn_rows() -> list[list[str]]:
    return list(_rows(OFAC_SDN))


def _ofac_names() -> Iterator[tuple[str, str]]:
    schema = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
    for row in _rows(OFAC_SDN):
        kind = schema.get(row[2].strip().strip('"'), "Organization")
        yield row[1], kind
        yield from ((aka, kind) for aka in _AKA.findall(row[-1]))
    for path in OFAC_PRIMARIES:
        yield from ((row[1], "Thing") for row in _rows(path))
    for path in OFAC_ALIASES:
        yield from ((row[3], "Thing") for row in _rows(path))


@pytest.fixture(scope="session")
def un_entries() -> list[UnEntry]:
    return list(_un_entries())


@pytest.fixture(scope="session")
def ofac_names() -> list[tuple[str, str]]:
    return list(_ofac_names())


@pytest.fixture(scope="session")
def all_names(
    un_entries: list[UnEntry], ofac_names: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Every name (with its schema) in the UN list and the OFAC files: about 60,000."""
    un = [(n, e.schema) for e in un_entries for n in (e.name, *e.aliases)]
    un += [(e.original_script, e.schema) for e in un_entries if e.original_script]
    return un + ofac_names
