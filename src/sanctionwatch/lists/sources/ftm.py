"""FollowTheMoney JSON lines, as OpenSanctions exports them (``entities.ftm.json``).

One entity per line: ``{"id", "schema", "properties", "datasets", "first_seen",
"last_seen", "last_change", "target", ...}``. Entity ids are kept as given
(they are already namespaced: ``NK-...``, ``ofac-17069``). Each Thing (Person,
Organization, Vessel...) becomes the main entity of a Record; the entities that
hang off it (``Sanction.entity``, ``Passport.holder``, ``Ownership.asset``,
``CryptoWallet.holder``, an Address it points to...) go to its `others`; one
that references nothing in the file is a Record of its own. Grouping needs the
whole file in memory. The source is the dataset every line names first
(``datasets[0]``), else the file name; the version is the latest
``last_change``/``last_seen`` date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.model import ParsedList, Record
from sanctionwatch.lists.sources.common import put

_SUFFIXES = (".json", ".jsonl", ".ndjson")
_SATELLITE_THINGS = {"Address", "CryptoWallet"}
# Property naming the entity a satellite belongs to, in order of preference.
_OWNER_PROPS = ("entity", "holder", "asset", "subject", "person", "member", "director", "agent")
_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class Line:
    number: int
    entity: EntityProxy
    datasets: tuple[str, ...]
    dates: tuple[str, ...]


class FtmFormat:
    name = "ftm"

    def sniff(self, path: Path, head: bytes) -> bool:
        start = head.lstrip()[:1]
        return (
            path.name.lower().endswith(_SUFFIXES)
            and start == b"{"
            and b'"schema"' in head
            and b'"id"' in head
        )

    def parse(self, path: Path) -> ParsedList:
        lines = _merged(path, _read(path))
        return ParsedList(
            source=_source(path, lines),
            format=self.name,
            paths=(path,),
            version=max((d for line in lines for d in line.dates), default=None),
            records=_records(lines),
        )


def _read(path: Path) -> Iterator[Line]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if raw.strip():
                yield _line(path, number, raw)


def _merged(path: Path, lines: Iterator[Line]) -> list[Line]:
    """One Line per entity id: repeated ids (split exports) are merged, not dropped."""
    seen: dict[str, Line] = {}
    for line in lines:
        first = seen.setdefault(str(line.entity.id), line)
        if first is line:
            continue
        try:
            first.entity.merge(line.entity)
        except InvalidData as exc:
            raise ParseError(
                path, f"line {line.number}", f"cannot merge {line.entity.id}: {exc}"
            ) from exc
        seen[str(line.entity.id)] = Line(
            first.number, first.entity, first.datasets, first.dates + line.dates
        )
    return list(seen.values())


def _line(path: Path, number: int, raw: bytes) -> Line:
    where = f"line {number}"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ParseError(path, where, f"not UTF-8: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ParseError(path, where, f"not JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise ParseError(path, where, "not JSON: nested too deeply") from exc
    if not isinstance(data, dict):
        raise ParseError(path, where, "not a JSON object")
    entity = _entity(path, where, data)
    datasets = data.get("datasets") or []
    dates = [data.get(key) for key in ("last_change", "last_seen")]
    return Line(
        number=number,
        entity=entity,
        datasets=tuple(str(d) for d in datasets) if isinstance(datasets, list) else (),
        dates=tuple(d[:10] for d in dates if isinstance(d, str) and _ISO_DATE.match(d)),
    )


def _entity(path: Path, where: str, data: dict[str, Any]) -> EntityProxy:
    entity_id, schema_name, properties = (
        data.get("id"),
        data.get("schema"),
        data.get("properties", {}),
    )
    if not isinstance(entity_id, str) or not entity_id.strip():
        raise ParseError(path, where, "entity without id")
    if not isinstance(schema_name, str):
        raise ParseError(path, where, f"entity {entity_id} without schema")
    schema = model.get(schema_name)
    if schema is None or schema.abstract:
        raise ParseError(path, where, f"entity {entity_id}: unknown schema {schema_name!r}")
    if not isinstance(properties, dict):
        raise ParseError(path, where, f"entity {entity_id}: properties is not an object")
    entity = model.make_entity(schema)
    entity.id = entity_id
    for prop, values in properties.items():
        try:
            _put(entity, str(prop), values if isinstance(values, list) else [values])
        except InvalidData as exc:  # e.g. an entity that references itself
            raise ParseError(path, where, f"entity {entity_id}: {prop}: {exc}") from exc
    return entity


def _put(entity: EntityProxy, prop: str, values: list[Any]) -> None:
    texts = [v if isinstance(v, str) else json.dumps(v) for v in values if v is not None]
    if entity.schema.get(prop) is not None:
        put(entity, prop, texts)
        return
    note = "notes" if entity.schema.get("notes") else "description"
    put(entity, note, [f"{prop}: {text}" for text in texts])  # a property FtM 4.11 lacks


def _source(path: Path, lines: list[Line]) -> str:
    firsts = {line.datasets[0] if line.datasets else None for line in lines}
    if len(firsts) == 1 and None not in firsts:
        return str(firsts.pop())
    return path.name.split(".")[0]


def _records(lines: list[Line]) -> Iterator[Record]:
    mains = {str(line.entity.id): line.entity for line in lines if _is_main(line.entity)}
    others: dict[str, list[EntityProxy]] = {key: [] for key in mains}
    orphans: list[EntityProxy] = []
    addressed = _address_owners(mains)
    for line in lines:
        entity = line.entity
        if entity.id in mains:
            continue
        owner = addressed.get(str(entity.id)) or _owner(entity, mains)
        if owner is None:
            orphans.append(entity)
        else:
            others[owner].append(entity)
    for key, main in mains.items():
        yield Record(record_id=key, main=main, others=tuple(others[key]))
    for entity in orphans:
        yield Record(record_id=str(entity.id), main=entity)


def _is_main(entity: EntityProxy) -> bool:
    return entity.schema.is_a("Thing") and entity.schema.name not in _SATELLITE_THINGS


def _address_owners(mains: dict[str, EntityProxy]) -> dict[str, str]:
    """Address id -> the first main entity that points to it (``addressEntity``)."""
    owners: dict[str, str] = {}
    for key, main in mains.items():
        for address_id in main.get("addressEntity", quiet=True):
            owners.setdefault(address_id, key)
    return owners


def _owner(entity: EntityProxy, mains: dict[str, EntityProxy]) -> str | None:
    """The main entity a satellite belongs to: first by preferred property, then any."""
    props = [p for p in entity.schema.properties.values() if p.type == registry.entity]
    ranked = sorted(
        props, key=lambda p: _OWNER_PROPS.index(p.name) if p.name in _OWNER_PROPS else 99
    )
    for prop in ranked:
        for value in entity.get(prop):
            if value in mains:
                return str(value)
    return None


FORMAT = FtmFormat()
