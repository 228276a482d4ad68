"""One labelled pair of the DPRK screening set, and the people it is built from."""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from dprk_lists import Designee

COLUMNS = (
    "set",
    "schema",
    "query_name",
    "query_birth_date",
    "query_country",
    "candidate_name",
    "candidate_birth_date",
    "candidate_country",
    "is_match",
    "category",
    "notes",
)


@dataclass(frozen=True)
class Person:
    """One designated person, on the UN list, the OFAC list or both."""

    records: tuple[Designee, ...]
    surname: str  # romanized as listed, upper case, apostrophes dropped: "CHOE"
    given: tuple[str, ...]  # syllables: ("CHUN", "SIK")
    hangul_surname: str  # "최"
    hangul_given: tuple[str, ...]  # ("춘", "식")

    @property
    def hangul(self) -> str:
        return self.hangul_surname + "".join(self.hangul_given)

    @property
    def sources(self) -> str:
        return " + ".join(r.source for r in self.records)

    @property
    def folds(self) -> set[str]:
        return {fold(n) for r in self.records for n in (r.name, *r.aliases)}

    @property
    def birth_years(self) -> set[int]:
        return {y for r in self.records for y in r.birth_years}


@dataclass(frozen=True)
class Pair:
    schema: str
    query_name: str
    candidate: Designee
    is_match: bool
    category: str
    notes: str
    query_birth_date: str = ""
    query_country: str = ""

    def row(self) -> dict[str, str]:
        cand = self.candidate
        return {
            "set": split_of(cand.source),
            "schema": self.schema,
            "query_name": self.query_name,
            "query_birth_date": self.query_birth_date,
            "query_country": self.query_country,
            "candidate_name": cand.name,
            "candidate_birth_date": cand.birth_dates[0] if cand.birth_dates else "",
            "candidate_country": cand.country,
            "is_match": "true" if self.is_match else "false",
            "category": self.category,
            "notes": self.notes,
        }


def split_of(source: str) -> str:
    """`dev` or `test`, fixed per list entry, so no designee is in both halves."""
    return "dev" if hashlib.sha1(source.encode()).digest()[0] % 2 == 0 else "test"


def fold(name: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def context(rng: random.Random, person: Designee) -> dict[str, str]:
    """Query birth date (a quarter of the time) and nationality (half) of `person`.

    Used on positives and on negatives alike, so that neither field's presence
    gives the label away.
    """
    out = {"query_birth_date": "", "query_country": ""}
    if person.birth_dates and rng.random() < 0.25:
        out["query_birth_date"] = person.birth_dates[0]
    if person.country and rng.random() < 0.5:
        out["query_country"] = person.country
    return out
