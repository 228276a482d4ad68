"""What a case is about: entities of the registry, vessels, maritime events, evidence, hits.

A link is a `cs_links` row on the case, readable by whoever reads the case. Each reference is
checked before it is linked: the entity exists in the registry, the vessel number is a valid
IMO or MMSI, the event was detected, the evidence is readable by the actor and no narrower
than the case (a case may not carry evidence some of its readers may not see). Linking the
same reference twice returns the first link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import Connection, select

from sanctionwatch.cases import access, casework, evidence, tables
from sanctionwatch.cases.model import Role, Status, User
from sanctionwatch.cases.record import new_id, write
from sanctionwatch.cases.stored import utc, within
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError
from sanctionwatch.lists import entities
from sanctionwatch.maritime import events, vesselids

LINKERS = (Role.CONTRIBUTOR, Role.ANALYST, Role.COORDINATOR)
T = TypeVar("T")
_VESSEL = re.compile(r"(imo|mmsi)[:\s]*(\d+)", re.IGNORECASE)


class LinkKind(StrEnum):
    ENTITY = "entity"  # an entity id of the registry
    VESSEL = "vessel"  # imo:NNNNNNN or mmsi:NNNNNNNNN
    MARITIME_EVENT = "maritime_event"  # a detected event id
    EVIDENCE = "evidence"  # an evidence id
    HIT = "hit"  # a screening hit: the entity id matched


@dataclass(frozen=True)
class Link:
    id: str
    case_id: str
    kind: LinkKind
    ref: str
    note: str
    created_by: str
    created_at: datetime


def link(
    conn: Connection, actor: User, case_id: str, kind: LinkKind, ref: str, note: str = ""
) -> Link:
    """Link `ref` to the case (the existing link if it is linked already)."""
    case = casework.get(conn, actor, case_id)
    if not actor.has(*LINKERS):
        raise ForbiddenError("only a contributor, analyst or coordinator links to cases")
    if case.status is Status.CLOSED:
        raise InputError("the case is closed")
    kind = _kind(kind)
    ref = _check(conn, actor, case, kind, ref.strip())
    t = tables.links
    same = select(t).where(t.c.case_id == case_id, t.c.kind == kind.value, t.c.ref == ref)
    known = conn.execute(same.order_by(t.c.entry)).mappings().first()
    if known is not None:
        return _link(dict(known))
    values = {"id": new_id("ln"), "case_id": case_id, "kind": kind.value, "ref": ref, "note": note}
    return _link(write(conn, actor, tables.links, values))


def list_links(conn: Connection, user: User | None, case_id: str) -> list[Link]:
    """The links of a case `user` may read, in the order they were made."""
    return links_of(conn, casework.get(conn, user, case_id))


def links_of(conn: Connection, case: casework.Case) -> list[Link]:
    """The links of a case already read (through `casework.get`), in the order they were made."""
    query = select(tables.links).where(tables.links.c.case_id == case.id)
    rows = conn.execute(query.order_by(tables.links.c.entry)).mappings()
    return [_link(dict(r)) for r in rows]


def vessel_ref(text: str) -> str:
    """`imo:NNNNNNN` or `mmsi:NNNNNNNNN` from "IMO 9310953", "mmsi:354038638", ...;
    a bare number of 7 digits is an IMO number, of 9 an MMSI."""
    found = _VESSEL.fullmatch(text.strip())
    scheme, number = (found[1].lower(), found[2]) if found else ("", text.strip())
    scheme = scheme or {7: "imo", 9: "mmsi"}.get(len(number), "")
    valid = vesselids.valid_imo if scheme == "imo" else vesselids.valid_mmsi
    if not scheme or not number.isdigit() or not valid(number):
        raise InputError(f"{text!r} is not a valid IMO number or MMSI")
    return f"{scheme}:{number}"


def _check(conn: Connection, actor: User, case: casework.Case, kind: LinkKind, ref: str) -> str:
    if kind is LinkKind.VESSEL:
        return vessel_ref(ref)
    if kind in (LinkKind.ENTITY, LinkKind.HIT):
        return _exists(lambda: entities.show(conn, ref).id, f"no entity {ref} in the registry")
    if kind is LinkKind.MARITIME_EVENT:
        return _exists(lambda: events.get_event(conn, ref).id, f"no maritime event {ref}")
    item = _exists(lambda: evidence.get(conn, actor, ref), f"no evidence {ref}")
    allowed = access.derived(actor.member, [item.audience])
    within(case.audience, allowed, f"evidence {ref}")
    return item.id


def _exists(find: Callable[[], T], problem: str) -> T:
    try:
        return find()
    except NotFoundError:
        raise InputError(problem) from None


def _kind(kind: LinkKind | str) -> LinkKind:
    try:
        return LinkKind(kind)
    except ValueError:
        raise InputError(
            f"link kind {kind!r} is not one of {[k.value for k in LinkKind]}"
        ) from None


def _link(row: dict[str, Any]) -> Link:
    return Link(
        id=row["id"],
        case_id=row["case_id"],
        kind=LinkKind(row["kind"]),
        ref=row["ref"],
        note=row["note"],
        created_by=row["created_by"],
        created_at=utc(row["created_at"]),
    )
