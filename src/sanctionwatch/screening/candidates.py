"""Designated entities as screening candidates, read from the entity store."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, or_, select

from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.tables import canonical, statements
from sanctionwatch.screening.model import Candidate

SCREENED_SCHEMAS = (
    "Person",
    "Organization",
    "Company",
    "LegalEntity",
    "Vessel",
    "Airplane",
    "PublicBody",
)
_MAIN_PROPS = (
    "id",
    "name",
    "alias",
    "weakAlias",
    "previousName",
    "birthDate",
    "nationality",
    "citizenship",
    "country",
    "gender",
    "imoNumber",
    "passportNumber",
    "idNumber",
    "registrationNumber",
    "program",
)
_SATELLITE_PROPS = ("holder", "entity", "publicKey", "program")


def load_candidates(conn: Connection) -> list[Candidate]:
    """Every active designated entity, merged under its canonical id."""
    mapping = {
        e: c for e, c in conn.execute(select(canonical.c.entity_id, canonical.c.canonical_id))
    }
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    schemas: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    query = select(
        statements.c.entity_id,
        statements.c.schema,
        statements.c.prop,
        statements.c.value,
        statements.c.source,
    ).where(
        statements.c.end_version.is_(None),
        or_(
            statements.c.main.is_(True)
            & statements.c.prop.in_(_MAIN_PROPS)
            & statements.c.schema.in_(SCREENED_SCHEMAS),
            statements.c.schema.in_(("CryptoWallet", "Sanction"))
            & statements.c.prop.in_(_SATELLITE_PROPS),
        ),
    )
    satellites: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entity_id, schema, prop, value, source in conn.execute(query):
        if schema in ("CryptoWallet", "Sanction"):
            satellites[entity_id][prop].append(value)
            continue
        key = mapping.get(entity_id, entity_id)
        facts[key][prop].append(value)
        schemas[key].add(schema)
        sources[key].add(source)
    _attach(satellites, facts, mapping)
    return [
        _candidate(k, facts[k], schemas[k], sources[k]) for k in sorted(facts) if facts[k]["name"]
    ]


def _attach(
    satellites: dict[str, dict[str, list[str]]],
    facts: dict[str, dict[str, list[str]]],
    mapping: dict[str, str],
) -> None:
    """Wallet addresses and sanction programs onto the entity they belong to."""
    for props in satellites.values():
        for owner in props["holder"] + props["entity"]:
            key = mapping.get(owner, owner)
            if key in facts:
                facts[key]["wallet"].extend(props["publicKey"])
                facts[key]["sanction_program"].extend(props["program"])


def _candidate(
    key: str, props: dict[str, list[str]], schemas: set[str], sources: set[str]
) -> Candidate:
    names = _unique(props["name"] + props["alias"] + props["previousName"] + props["weakAlias"])
    programs = _unique(props["sanction_program"] + props["program"])
    return Candidate(
        id=key,
        caption=sorted(props["name"])[0],
        schema=_schema(schemas),
        datasets=tuple(sorted(sources)),
        names=names,
        birth_dates=_unique(props["birthDate"]),
        countries=_unique(props["nationality"] + props["citizenship"] + props["country"]),
        gender=next(iter(props["gender"]), None),
        imo=_unique(props["imoNumber"]),
        identifiers=_unique(
            props["passportNumber"] + props["idNumber"] + props["registrationNumber"]
        ),
        wallets=_unique(props["wallet"]),
        programs=programs,
        regimes=tuple(sorted({regime_of(p) for p in programs})),
    )


def _schema(schemas: set[str]) -> str:
    for preferred in ("Person", "Vessel", "Airplane", "Company", "Organization", "PublicBody"):
        if preferred in schemas:
            return preferred
    return "LegalEntity"


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
