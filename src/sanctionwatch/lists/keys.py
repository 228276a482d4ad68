"""Blocking keys for cross-list linking, read from the active statements."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import Connection, and_, or_, select

from sanctionwatch.lists.tables import statements

_FAMILY = {
    "Person": "person",
    "Vessel": "vessel",
    "Airplane": "airplane",
    "Organization": "org",
    "Company": "org",
    "LegalEntity": "org",
    "PublicBody": "org",
}
_PROPS = (
    "name",
    "alias",
    "birthDate",
    "nationality",
    "citizenship",
    "country",
    "imoNumber",
    "passportNumber",
)
_MAX_BLOCK = 12  # keys shared by more entities than this are too generic to link on


@dataclass
class EntityFacts:
    source: str
    schema: str
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def family(self) -> str | None:
        return _FAMILY.get(self.schema)

    @property
    def countries(self) -> set[str]:
        v = self.values
        return v["nationality"] | v["citizenship"] | v["country"]

    @property
    def names(self) -> set[str]:
        return {n for n in map(norm_name, self.values["name"] | self.values["alias"]) if n}


@dataclass
class Facts:
    entities: dict[str, EntityFacts]

    def source_of(self, entity_id: str) -> str | None:
        facts = self.entities.get(entity_id)
        return facts.source if facts else None

    def sources(self, entity_ids: set[str]) -> set[str]:
        return {s for s in map(self.source_of, entity_ids) if s}


@lru_cache(maxsize=200_000)
def norm_name(name: str) -> str:
    """Casefolded, accent-free, punctuation-free tokens in sorted order."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    tokens = re.findall(r"\w+", text.replace("'", "").replace("’", ""))
    return " ".join(sorted(tokens)) if len(tokens) >= 2 else ""


def norm_id(value: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", value.upper())


def load_facts(conn: Connection) -> Facts:
    """Facts of every main entity of every active list version."""
    active = statements.c.end_version.is_(None)
    query = select(
        statements.c.entity_id,
        statements.c.source,
        statements.c.schema,
        statements.c.prop,
        statements.c.value,
    ).where(
        active,
        or_(
            and_(statements.c.main.is_(True), statements.c.prop.in_((*_PROPS, "id"))),
            and_(statements.c.schema == "Sanction", statements.c.prop.in_(("entity", "unscId"))),
        ),
    )
    entities: dict[str, EntityFacts] = {}
    sanctions: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for entity_id, source, schema, prop, value in conn.execute(query):
        if schema == "Sanction":
            sanctions[entity_id][prop].add(value)
            continue
        facts = entities.setdefault(entity_id, EntityFacts(source, schema))
        if prop != "id":
            facts.values[prop].add(value)
    for sanction in sanctions.values():
        for target in sanction["entity"]:
            if target in entities:
                entities[target].values["unscId"] |= sanction["unscId"]
    return Facts(entities)


def candidate_pairs(facts: Facts) -> dict[tuple[str, str], tuple[str, str]]:
    """Pairs from different sources that the rules say are the same thing."""
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for rule, blocks in _blocks(facts).items():
        for key, members in blocks.items():
            if len(members) > _MAX_BLOCK:
                continue
            for i, left in enumerate(members):
                for right in members[i + 1 :]:
                    pair = (min(left, right), max(left, right))
                    if pair in pairs or not _compatible(facts, rule, left, right):
                        continue
                    pairs[pair] = (f"auto:{rule}", f"same {rule}: {key}")
    return pairs


def _blocks(facts: Facts) -> dict[str, dict[str, list[str]]]:
    """rule -> key -> entity ids, strongest rules first."""
    blocks: dict[str, dict[str, list[str]]] = {
        "imo": defaultdict(list),
        "unsc-reference": defaultdict(list),
        "passport": defaultdict(list),
        "name-birthdate-nationality": defaultdict(list),
        "name-country": defaultdict(list),
    }
    for entity_id, f in sorted(facts.entities.items()):
        if f.family is None:
            continue
        for imo in f.values["imoNumber"]:
            blocks["imo"][f"{f.family} {norm_id(imo)}"].append(entity_id)
        for ref in f.values["unscId"]:
            blocks["unsc-reference"][ref.upper()].append(entity_id)
        for number in map(norm_id, f.values["passportNumber"]):
            if len(number) >= 6:
                blocks["passport"][number].append(entity_id)
        for key in _name_keys(f):
            rule = "name-birthdate-nationality" if f.family == "person" else "name-country"
            blocks[rule][key].append(entity_id)
    return blocks


def _name_keys(f: EntityFacts) -> set[str]:
    if f.family == "person":
        years = {d[:4] for d in f.values["birthDate"]}
        return {f"{name} | {year}" for name in f.names for year in years}
    if f.family == "org":
        return {f"{f.family} {name}" for name in f.names if len(name) >= 8}
    return set()


def _compatible(facts: Facts, rule: str, left: str, right: str) -> bool:
    a, b = facts.entities[left], facts.entities[right]
    if a.source == b.source or a.family != b.family:
        return False
    if rule in ("imo", "unsc-reference", "passport"):
        return True
    if a.countries and b.countries and not a.countries & b.countries:
        return False
    if rule == "name-birthdate-nationality":
        return _dates_agree(a.values["birthDate"], b.values["birthDate"], a, b)
    return True


def _dates_agree(da: set[str], db: set[str], a: EntityFacts, b: EntityFacts) -> bool:
    """Full dates must coincide when both lists give them; otherwise the years
    matched and both must name a common nationality."""
    full_a = {d for d in da if len(d) == 10}
    full_b = {d for d in db if len(d) == 10}
    if full_a and full_b:
        return bool(full_a & full_b)
    return bool(a.countries & b.countries)
