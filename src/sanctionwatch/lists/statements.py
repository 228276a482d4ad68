"""Records -> statement rows: one row per (entity, property, value) with provenance."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import NamedTuple

from sanctionwatch.lists.model import Record

ID_PROP = "id"  # the pseudo-property that says an entity exists (value: its id)


class Row(NamedTuple):
    key: str
    record_id: str
    entity_id: str
    main: bool
    schema: str
    prop: str
    value: str


def statement_key(source: str, entity_id: str, schema: str, prop: str, value: str) -> str:
    """Content-derived id: the same fact from the same source always has the same key."""
    raw = f"{source}\x1f{entity_id}\x1f{schema}\x1f{prop}\x1f{value}"
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=20).hexdigest()


def rows_of(source: str, records: Iterable[Record]) -> dict[str, Row]:
    """Every statement the records make, keyed by content; duplicates collapse."""
    rows: dict[str, Row] = {}
    for record in records:
        for entity in record.entities():
            main = entity is record.main
            entity_id = str(entity.id)
            schema = entity.schema.name
            values = [(ID_PROP, entity_id)]
            values.extend((prop.name, value) for prop, value in entity.itervalues())
            for prop, value in values:
                key = statement_key(source, entity_id, schema, prop, value)
                if key not in rows or main:
                    rows[key] = Row(key, record.record_id, entity_id, main, schema, prop, value)
    return rows
