"""What each list said at each version: status counts and field-by-field diffs."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, and_, or_, select

from sanctionwatch.errors import NotFoundError
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.statements import ID_PROP
from sanctionwatch.lists.tables import statements, versions


@dataclass(frozen=True)
class Version:
    id: int
    source: str
    version: str
    format: str
    records: int
    loaded_at: str


@dataclass(frozen=True)
class VersionStatus:
    source: str
    version: str
    format: str
    loaded_at: str
    entities: int
    schemas: dict[str, int]
    regimes: dict[str, int]


@dataclass
class Change:
    id: str
    caption: str
    schema: str
    record_id: str
    fields: dict[str, dict[str, list[str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Diff:
    source: str
    from_version: str | None
    to_version: str
    added: list[Change]
    removed: list[Change]
    amended: list[Change]


class Timeline:
    """Version labels per source, to derive when a statement was last seen.

    A statement whose span is open was last seen in the newest version of its
    source; an ended one in the version of its source just before the end.
    """

    def __init__(self, known: list[Version]) -> None:
        self._by_source: dict[str, list[Version]] = defaultdict(list)
        for version in sorted(known, key=lambda v: v.id):
            self._by_source[version.source].append(version)

    def last_seen(self, source: str, end_version: int | None) -> str:
        history = self._by_source[source]
        before = [v for v in history if end_version is None or v.id < end_version]
        return before[-1].version if before else ""


def list_versions(conn: Connection, source: str | None = None) -> list[Version]:
    query = select(versions).order_by(versions.c.source, versions.c.id)
    if source is not None:
        query = query.where(versions.c.source == source)
    return [
        Version(r.id, r.source, r.version, r.format, r.records, r.loaded_at.isoformat())
        for r in conn.execute(query)
    ]


def at(version_id: int) -> ColumnElement[bool]:
    """Statements that were part of the list at version `version_id`."""
    return and_(
        statements.c.first_version <= version_id,
        or_(statements.c.end_version.is_(None), statements.c.end_version > version_id),
    )


def status(conn: Connection) -> list[VersionStatus]:
    return [_status(conn, v) for v in list_versions(conn)]


def _status(conn: Connection, version: Version) -> VersionStatus:
    mains = conn.execute(
        select(statements.c.entity_id, statements.c.schema).where(
            statements.c.source == version.source,
            statements.c.main.is_(True),
            statements.c.prop == ID_PROP,
            at(version.id),
        )
    ).all()
    regimes = regimes_at(conn, version)
    counts: Counter[str] = Counter()
    for entity_id, _ in mains:
        counts.update(regimes.get(entity_id, {"none"}))
    return VersionStatus(
        source=version.source,
        version=version.version,
        format=version.format,
        loaded_at=version.loaded_at,
        entities=len(mains),
        schemas=dict(sorted(Counter(schema for _, schema in mains).items())),
        regimes=dict(sorted(counts.items())),
    )


def regimes_at(conn: Connection, version: Version) -> dict[str, set[str]]:
    """entity id -> regimes of its designations in this version of the list."""
    rows = conn.execute(
        select(statements.c.entity_id, statements.c.prop, statements.c.value).where(
            statements.c.source == version.source,
            statements.c.schema == "Sanction",
            statements.c.prop.in_(("entity", "program")),
            at(version.id),
        )
    )
    by_sanction: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for sanction_id, prop, value in rows:
        by_sanction[sanction_id][prop].append(value)
    result: dict[str, set[str]] = defaultdict(set)
    for props in by_sanction.values():
        for target in props["entity"]:
            result[target] |= {regime_of(p) for p in props["program"]} or {"other"}
    return result


def diff(
    conn: Connection, source: str, from_version: str | None = None, to_version: str | None = None
) -> Diff:
    """Additions, removals and field-by-field amendments between two versions."""
    known = list_versions(conn, source)
    if not known:
        raise NotFoundError(f"no list loaded for source {source!r}")
    to = _pick(known, to_version, source) if to_version else known[-1]
    earlier = [v for v in known if v.id < to.id]
    start = (
        _pick(known, from_version, source) if from_version else (earlier[-1] if earlier else None)
    )
    before = _snapshot(conn, source, start.id) if start else {}
    after = _snapshot(conn, source, to.id)
    return _compare(source, start.version if start else None, to.version, before, after)


def _pick(known: list[Version], label: str, source: str) -> Version:
    for version in known:
        if version.version == label:
            return version
    labels = ", ".join(v.version for v in known)
    raise NotFoundError(f"{source} has no version {label} (loaded: {labels})")


Snapshot = dict[str, dict[tuple[str, str, str, str], bool]]


def _snapshot(conn: Connection, source: str, version_id: int) -> Snapshot:
    """record id -> {(entity, schema, prop, value): is_main} at one version."""
    rows = conn.execute(
        select(
            statements.c.record_id,
            statements.c.entity_id,
            statements.c.schema,
            statements.c.prop,
            statements.c.value,
            statements.c.main,
        ).where(statements.c.source == source, at(version_id))
    )
    snap: Snapshot = defaultdict(dict)
    for record_id, entity_id, schema, prop, value, main in rows:
        snap[record_id][(entity_id, schema, prop, value)] = bool(main)
    return snap


def _compare(source: str, start: str | None, to: str, before: Snapshot, after: Snapshot) -> Diff:
    added = [
        _change(r, after[r], set(after[r]), set()) for r in sorted(after.keys() - before.keys())
    ]
    removed = [
        _change(r, before[r], set(), set(before[r])) for r in sorted(before.keys() - after.keys())
    ]
    amended = []
    for record_id in sorted(before.keys() & after.keys()):
        new, old = set(after[record_id]), set(before[record_id])
        if new != old:
            amended.append(_change(record_id, after[record_id], new - old, old - new))
    return Diff(source, start, to, added, removed, amended)


def _change(
    record_id: str,
    facts: dict[tuple[str, str, str, str], bool],
    plus: set[tuple[str, str, str, str]],
    minus: set[tuple[str, str, str, str]],
) -> Change:
    main = [k for k, is_main in facts.items() if is_main]
    entity_id = main[0][0] if main else record_id
    schema = main[0][1] if main else ""
    names = sorted(k[3] for k in main if k[2] == "name")
    change = Change(entity_id, names[0] if names else entity_id, schema, record_id)
    for sign, items in (("added", plus), ("removed", minus)):
        for ent, ent_schema, prop, value in sorted(items):
            if prop == ID_PROP and ent == entity_id:
                continue
            label = prop if ent == entity_id else f"{ent_schema}.{prop}"
            change.fields.setdefault(label, {"added": [], "removed": []})[sign].append(value)
    return change
