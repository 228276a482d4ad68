"""Read the entity store: merged canonical entities with provenance, lookup, export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from followthemoney import model
from sqlalchemy import Connection, Row, func, or_, select

from sanctionwatch.errors import NotFoundError
from sanctionwatch.lists.history import Timeline, list_versions
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.statements import ID_PROP
from sanctionwatch.lists.tables import canonical, statements, versions

REF_PROPS = ("entity", "holder", "asset", "owner", "subject", "object")
_LOOKUP_PROPS = ("name", "alias", "weakAlias", "previousName")
_ID_PROPS = ("imoNumber", "passportNumber", "idNumber", "registrationNumber", "callSign", "mmsi")


@dataclass(frozen=True)
class Value:
    value: str
    source: str
    record_id: str
    entity_id: str
    first_seen: str
    last_seen: str
    ended: str | None


@dataclass
class EntityView:
    """One canonical entity: every member's statements, merged, with provenance."""

    id: str
    schema: str
    members: list[str]
    values: dict[str, list[Value]] = field(default_factory=dict)
    related: list[EntityView] = field(default_factory=list)

    def get(self, prop: str, active: bool = True) -> list[str]:
        vals = [v.value for v in self.values.get(prop, []) if not (active and v.ended)]
        return list(dict.fromkeys(vals))

    @property
    def caption(self) -> str:
        for prop in ("name", "number", "full", "publicKey", "authority"):
            names = sorted(self.get(prop)) or sorted(self.get(prop, active=False))
            if names:
                return names[0]
        return self.id

    @property
    def sources(self) -> list[str]:
        return sorted({v.source for vs in self.values.values() for v in vs})

    @property
    def ended(self) -> bool:
        return all(v.ended for v in self.values.get(ID_PROP, []))


def canonical_of(conn: Connection, entity_id: str) -> tuple[str, list[str]]:
    """(canonical id, member ids) for an entity id or a canonical id."""
    row = conn.execute(
        select(canonical.c.canonical_id).where(
            or_(canonical.c.entity_id == entity_id, canonical.c.canonical_id == entity_id)
        )
    ).first()
    if row is None:
        return entity_id, [entity_id]
    members = conn.execute(
        select(canonical.c.entity_id).where(canonical.c.canonical_id == row[0])
    ).scalars()
    return str(row[0]), sorted(members)


def show(conn: Connection, entity_id: str) -> EntityView:
    canonical_id, members = canonical_of(conn, entity_id)
    rows = _rows(conn, statements.c.entity_id.in_(members))
    if not rows:
        raise NotFoundError(f"no entity {entity_id}")
    view = _build(canonical_id, members, rows)
    refs = _rows(
        conn,
        statements.c.entity_id.in_(
            select(statements.c.entity_id).where(
                statements.c.prop.in_(REF_PROPS), statements.c.value.in_(members)
            )
        ),
    )
    by_entity: dict[str, list[Any]] = defaultdict(list)
    for row in refs:
        by_entity[row.entity_id].append(row)
    view.related = [_build(eid, [eid], rs) for eid, rs in sorted(by_entity.items())]
    return view


def _rows(conn: Connection, where: Any) -> list[Any]:
    """Statement rows with `ended` (label of the end version) and `last_seen`."""
    timeline = Timeline(list_versions(conn))
    return [_with_last_seen(row, timeline) for row in _query(conn, where)]


def _with_last_seen(row: Row[Any], timeline: Timeline) -> Any:
    mapping = dict(row._mapping)
    mapping["last_seen"] = timeline.last_seen(row.source, row.end_version)
    return SimpleNamespace(**mapping)


def _query(conn: Connection, where: Any) -> list[Any]:
    end = versions.alias("end")
    query = (
        select(statements, end.c.version.label("ended"))
        .outerjoin(end, end.c.id == statements.c.end_version)
        .where(where)
        .order_by(statements.c.id)
    )
    return list(conn.execute(query))


def _build(entity_id: str, members: list[str], rows: Iterable[Any]) -> EntityView:
    values: dict[str, list[Value]] = defaultdict(list)
    schemas: set[str] = set()
    for r in rows:
        schemas.add(r.schema)
        values[r.prop].append(
            Value(r.value, r.source, r.record_id, r.entity_id, r.first_seen, r.last_seen, r.ended)
        )
    return EntityView(entity_id, _common_schema(schemas), members, dict(values))


def _common_schema(schemas: set[str]) -> str:
    names = sorted(schemas)
    result = model.get(names[0]) if names else None
    for name in names[1:]:
        other = model.get(name)
        if result is None or other is None:
            continue
        try:
            result = model.common_schema(result, other)
        except Exception:
            continue
    return result.name if result else "Thing"


def designations(view: EntityView) -> list[dict[str, Any]]:
    """One designation per authority (from the related Sanction entities)."""
    found = []
    for rel in view.related:
        if rel.schema != "Sanction":
            continue
        programs = rel.get("program", active=False)
        ended = [v.ended for v in rel.values.get(ID_PROP, []) if v.ended]
        found.append(
            {
                "id": rel.id,
                "authority": rel.caption,
                "source": rel.sources[0] if rel.sources else None,
                "programs": programs,
                "regimes": sorted({regime_of(p) for p in programs}),
                "listing_date": _first(rel.get("listingDate")),
                "record_id": rel.values[ID_PROP][0].record_id if ID_PROP in rel.values else None,
                "unsc_id": rel.get("unscId"),
                "end_date": ended[0] if ended else None,
                "reason": _first(rel.get("reason")),
            }
        )
    return found


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


@dataclass(frozen=True)
class Hit:
    id: str
    caption: str
    schema: str
    sources: list[str]
    matched: str


def search(conn: Connection, text: str, limit: int = 20) -> list[Hit]:
    """Plain lookup: names containing `text` (case-insensitive) or an exact identifier."""
    needle = " ".join(text.split()).lower()
    query = (
        select(statements.c.entity_id, statements.c.value)
        .where(
            statements.c.end_version.is_(None),
            statements.c.main.is_(True),
            or_(
                (statements.c.prop.in_(_LOOKUP_PROPS))
                & func.lower(statements.c.value).contains(needle, autoescape=True),
                statements.c.prop.in_(_ID_PROPS)
                & (
                    func.upper(statements.c.value).in_(
                        [text.strip().upper(), "IMO" + text.strip().upper()]
                    )
                ),
            ),
        )
        .order_by(statements.c.entity_id)
        .limit(limit * 5)
    )
    hits: dict[str, Hit] = {}
    for entity_id, value in conn.execute(query):
        canonical_id, _ = canonical_of(conn, entity_id)
        if canonical_id not in hits and len(hits) < limit:
            view = show(conn, canonical_id)
            hits[canonical_id] = Hit(canonical_id, view.caption, view.schema, view.sources, value)
    return list(hits.values())


def export(conn: Connection) -> Iterator[dict[str, Any]]:
    """Every active entity as an FtM dict; linked entities merged under their canonical id."""
    query = select(canonical.c.entity_id, canonical.c.canonical_id)
    mapping = {e: c for e, c in conn.execute(query)}
    rows = _rows(conn, statements.c.end_version.is_(None))
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[mapping.get(row.entity_id, row.entity_id)].append(row)
    for entity_id in sorted(grouped):
        members = sorted({r.entity_id for r in grouped[entity_id]})
        yield to_ftm(_build(entity_id, members, grouped[entity_id]), mapping)


def to_ftm(view: EntityView, mapping: dict[str, str] | None = None) -> dict[str, Any]:
    mapping = mapping or {}
    props: dict[str, list[str]] = {}
    for prop in sorted(view.values):
        if prop == ID_PROP:
            continue
        vals = view.get(prop)
        if prop in REF_PROPS or prop == "addressEntity":
            vals = list(dict.fromkeys(mapping.get(v, v) for v in vals))
        if vals:
            props[prop] = vals
    seen = [v for vs in view.values.values() for v in vs]
    return {
        "id": view.id,
        "schema": view.schema,
        "caption": view.caption,
        "properties": props,
        "datasets": view.sources,
        "referents": [m for m in view.members if m != view.id],
        "first_seen": min((v.first_seen for v in seen), default=None),
        "last_seen": max((v.last_seen for v in seen), default=None),
    }
