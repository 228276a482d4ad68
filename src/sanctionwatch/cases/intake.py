"""One action from a lead to a case: a maritime event or a screening hit becomes a case, or
joins one.

`from_event` links the event and its vessels and files the event's JSON as an AIS-extract
evidence item (source "sanctionwatch maritime detectors"); `from_hit` links the entity and
the hit and files the entity's registry entry as a list-entry item (source "sanctionwatch
entity registry"). Both sources are public and made on first use. Turning the same lead into
the same case twice adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.cases import casework, evidence, links, sources
from sanctionwatch.cases.casework import Case
from sanctionwatch.cases.links import LinkKind
from sanctionwatch.cases.model import Audience, EvidenceKind, Scope, Tlp, Topic, User
from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.lists import entities
from sanctionwatch.maritime import events

DETECTORS = "sanctionwatch maritime detectors"
REGISTRY = "sanctionwatch entity registry"


def from_event(
    conn: Connection,
    actor: User,
    event_id: str,
    case_id: str | None = None,
    *,
    topic: Topic = Topic.PETROLEUM,
    audience: Audience | None = None,
) -> Case:
    """A new case from a maritime event (or the event added to case `case_id`)."""
    event = events.get_event(conn, event_id)
    data = events.to_json(event)
    case = _case(conn, actor, case_id, topic, audience, _event_title(data), _event_summary(data))
    if _linked(conn, actor, case.id, LinkKind.MARITIME_EVENT, event.id):
        return case
    links.link(conn, actor, case.id, LinkKind.MARITIME_EVENT, event.id, f"{event.type} event")
    for mmsi in event.mmsi:
        links.link(conn, actor, case.id, LinkKind.VESSEL, f"mmsi:{mmsi}", f"in event {event.id}")
    item = _file(conn, actor, case, DETECTORS, EvidenceKind.AIS_EXTRACT, _event_title(data), data)
    links.link(conn, actor, case.id, LinkKind.EVIDENCE, item, f"AIS extract of event {event.id}")
    return casework.get(conn, actor, case.id)


def from_hit(
    conn: Connection,
    actor: User,
    entity_id: str,
    query: str,
    score: float,
    case_id: str | None = None,
    *,
    topic: Topic = Topic.FINANCE,
    audience: Audience | None = None,
) -> Case:
    """A new case from a screening hit (`query` matched `entity_id` with `score`), or the hit
    added to case `case_id`."""
    if not 0.0 <= score <= 1.0:
        raise InputError("a screening score lies between 0 and 1")
    try:
        view = entities.show(conn, entity_id)
    except NotFoundError:
        raise InputError(f"no entity {entity_id} in the registry") from None
    title = f"Screening hit: {query!r} matches {view.caption}"
    summary = (
        f"Screening {query!r} matched {view.caption} ({view.schema} {view.id}), score {score:.2f}."
    )
    case = _case(conn, actor, case_id, topic, audience, title, summary)
    if _linked(conn, actor, case.id, LinkKind.HIT, view.id):
        return case
    links.link(conn, actor, case.id, LinkKind.HIT, view.id, f"query {query!r} score {score:.3f}")
    links.link(conn, actor, case.id, LinkKind.ENTITY, view.id, view.caption)
    entry = {**entities.to_ftm(view), "designations": entities.designations(view)}
    item = _file(
        conn,
        actor,
        case,
        REGISTRY,
        EvidenceKind.LIST_ENTRY,
        f"Registry entry: {view.caption}",
        entry,
    )
    links.link(conn, actor, case.id, LinkKind.EVIDENCE, item, f"registry entry of {view.id}")
    return casework.get(conn, actor, case.id)


def default_audience(actor: User) -> Audience:
    """All parties of the mechanism, TLP:AMBER, originated by the actor's member."""
    return Audience(Scope.ALL, actor.member, frozenset(), Tlp.AMBER)


def _case(
    conn: Connection,
    actor: User,
    case_id: str | None,
    topic: Topic,
    audience: Audience | None,
    title: str,
    summary: str,
) -> Case:
    if case_id is not None:
        return casework.get(conn, actor, case_id)
    chosen = audience or default_audience(actor)
    return casework.open_case(conn, actor, title, topic, summary, chosen)


def _linked(conn: Connection, actor: User, case_id: str, kind: LinkKind, ref: str) -> bool:
    return any((k.kind, k.ref) == (kind, ref) for k in links.list_links(conn, actor, case_id))


def _file(
    conn: Connection,
    actor: User,
    case: Case,
    source_name: str,
    kind: EvidenceKind,
    title: str,
    data: dict[str, Any],
) -> str:
    """An evidence item holding `data` as JSON, with the case's audience; its id."""
    item = evidence.add(
        conn,
        actor,
        kind=kind,
        title=title,
        source_id=_source(conn, actor, source_name),
        content=json.dumps(data, sort_keys=True, indent=1).encode(),
        media_type="application/json",
        audience=_as_own(actor, case.audience),
        ref=str(data.get("id") or ""),
    )
    return item.id


def _as_own(actor: User, audience: Audience) -> Audience:
    """The case's audience, originated by the actor's member (whose item it is): same readers."""
    if audience.scope is not Scope.MEMBERS:
        return replace(audience, originator=actor.member)
    others = (audience.members | {audience.originator}) - {actor.member}
    return Audience(Scope.MEMBERS, actor.member, frozenset(others), audience.tlp)


def _source(conn: Connection, actor: User, name: str) -> str:
    """The public source `name` (made on first use)."""
    for known in sources.list_sources(conn, actor):
        if known.name == name and known.audience.scope is Scope.PUBLIC:
            return known.id
    public = Audience(Scope.PUBLIC, actor.member, frozenset(), Tlp.CLEAR)
    return sources.add(conn, actor, name, "Produced by sanctionwatch itself", None, public).id


def _event_title(data: dict[str, Any]) -> str:
    vessels = " and ".join(f"MMSI {m}" for m in data["mmsi"])
    zone = data["details"].get("zone") if isinstance(data.get("details"), dict) else None
    where = f" in {zone}" if zone else ""
    kind = str(data["type"]).replace("_", " ").capitalize()
    return f"{kind} of {vessels}{where}, {data['start'][:10]}"


def _event_summary(data: dict[str, Any]) -> str:
    pos = data["position"]
    return (
        f"{data['severity'].capitalize()}-severity {data['type']} detected by {data['detector']}"
        f" v{data['version']} from {data['start']} to {data['end']} near"
        f" {pos['lat']:.4f}, {pos['lon']:.4f}."
    )
