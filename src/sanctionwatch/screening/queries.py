"""Queries from FtM-shaped examples (yente's request shape) and from plain arguments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from followthemoney import model

from sanctionwatch.errors import InputError
from sanctionwatch.lists.sources.common import parse_date
from sanctionwatch.screening.model import Query

_NAME_PROPS = ("name", "alias", "weakAlias", "previousName", "firstName", "lastName")
_COUNTRY_PROPS = ("nationality", "citizenship", "country", "jurisdiction", "flag")
_ID_PROPS = ("passportNumber", "idNumber", "registrationNumber", "taxNumber")


def query_from_example(example: Mapping[str, Any]) -> Query:
    """A Query from `{"schema": "Person", "properties": {"name": [...], ...}}`."""
    schema = str(example.get("schema") or "Thing")
    if model.get(schema) is None:
        raise InputError(f"unknown schema {schema!r}")
    raw = example.get("properties") or {}
    if not isinstance(raw, Mapping):
        raise InputError("properties must be an object of lists")
    props = {k: _strings(v) for k, v in raw.items()}
    names = [n for p in ("name", "alias", "weakAlias", "previousName") for n in props.get(p, [])]
    parts = " ".join(props.get("firstName", []) + props.get("lastName", []))
    if parts:
        names.append(parts)
    return Query(
        names=tuple(names),
        schema=schema,
        birth_dates=tuple(d for d in map(parse_date, props.get("birthDate", [])) if d),
        countries=tuple(_countries(v for p in _COUNTRY_PROPS for v in props.get(p, []))),
        gender=next(iter(props.get("gender", [])), None),
        imo=tuple(props.get("imoNumber", [])),
        identifiers=tuple(v for p in _ID_PROPS for v in props.get(p, [])),
        wallets=tuple(props.get("publicKey", []) + props.get("cryptoWallet", [])),
    )


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(v) for v in items if v is not None and str(v).strip()]


def _countries(values: Any) -> list[str]:
    from followthemoney.types import registry

    found = []
    for value in values:
        code = registry.country.clean(value)
        found.append(code or str(value).lower())
    return found


def simple_query(
    name: str | None,
    schema: str = "Thing",
    birth_date: str | None = None,
    country: str | None = None,
    imo: str | None = None,
    wallet: str | None = None,
) -> Query:
    """A Query from the CLI's plain arguments."""
    props: dict[str, list[str]] = {"name": [name] if name else []}
    if birth_date:
        props["birthDate"] = [birth_date]
    if country:
        props["country"] = [country]
    if imo:
        props["imoNumber"] = [imo]
    if wallet:
        props["publicKey"] = [wallet]
    return query_from_example({"schema": schema, "properties": props})
