"""The `designated` input table, from the designations registry or from plain records.

Every Vessel entity of the statement store (read-only) gives one row per identifier it has
ever been listed with: its IMO numbers, MMSIs, and names (name, alias, previousName; weak
aliases are left out). Entities linked as the same vessel are merged under their canonical
id. A vessel is designated from the earliest listingDate or startDate of its Sanction
entities (null when no list says, as OFAC's CSV files do not), and until the list version
that dropped it (null while any source still lists it).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
from sqlalchemy import Connection, Engine, Select, select

from sanctionwatch.lists.statements import ID_PROP
from sanctionwatch.lists.tables import canonical, statements, versions
from sanctionwatch.logs import get_logger
from sanctionwatch.maritime.detectors.designated import normalise_name
from sanctionwatch.maritime.detectors.inputs import DESIGNATED

log = get_logger(__name__)
NAME_PROPS = ("name", "alias", "previousName")
VALUE_PROPS = (ID_PROP, "imoNumber", "mmsi", *NAME_PROPS)
DATE_PROPS = ("listingDate", "startDate")
_IMO = re.compile(r"(?:IMO)?\s*(\d{7})", re.IGNORECASE)
_MMSI = re.compile(r"(\d{9})")


@dataclass(frozen=True)
class ListedVessel:
    """One identifier of a designated vessel (any of imo, mmsi, name) and its time bounds."""

    entity_id: str
    caption: str
    imo: int | None = None
    mmsi: int | None = None
    name: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def designated_from_list(vessels: Iterable[ListedVessel]) -> pa.Table:
    """The DESIGNATED table of plain records (names normalised, times as epoch seconds)."""
    rows = [
        {
            "entity_id": v.entity_id,
            "caption": v.caption,
            "imo": v.imo,
            "mmsi": v.mmsi,
            "name": normalise_name(v.name),
            "since_s": _seconds(v.since),
            "until_s": _seconds(v.until),
        }
        for v in vessels
    ]
    return pa.Table.from_pylist(rows, schema=DESIGNATED)


def designated_table(engine: Engine) -> pa.Table:
    """The DESIGNATED table of every Vessel entity in the designations registry."""
    with engine.connect() as conn:
        return designated_from_list(listed_vessels(conn))


@dataclass
class _Vessel:
    """What the store says about one (canonical) vessel."""

    names: set[str] = field(default_factory=set)
    current: set[str] = field(default_factory=set)  # `name` values no version has dropped
    imos: set[int] = field(default_factory=set)
    mmsis: set[int] = field(default_factory=set)
    ended: list[str | None] = field(default_factory=list)  # per member: version that ended it
    dates: list[str] = field(default_factory=list)


def listed_vessels(conn: Connection) -> list[ListedVessel]:
    """One record per identifier of every Vessel entity of the store."""
    members = dict(conn.execute(select(canonical.c.entity_id, canonical.c.canonical_id)).all())
    vessels: dict[str, _Vessel] = defaultdict(_Vessel)
    for entity_id, prop, value, ended in conn.execute(_values_query()):
        _add(vessels[members.get(entity_id, entity_id)], prop, value, ended)
    for entity_id, value in conn.execute(_dates_query()):
        vessels[members.get(entity_id, entity_id)].dates.append(value)
    return [record for key in sorted(vessels) for record in _records(key, vessels[key])]


def _values_query() -> Select[Any]:
    end = versions.alias("end")
    return (
        select(statements.c.entity_id, statements.c.prop, statements.c.value, end.c.version)
        .outerjoin(end, end.c.id == statements.c.end_version)
        .where(statements.c.schema == "Vessel", statements.c.prop.in_(VALUE_PROPS))
        .order_by(statements.c.id)
    )


def _dates_query() -> Select[Any]:
    """(vessel entity id, date) of every Sanction on a Vessel that says when it began."""
    link, date = statements.alias("link"), statements.alias("date")
    vessels = select(statements.c.entity_id).where(
        statements.c.schema == "Vessel", statements.c.prop == ID_PROP
    )
    return (
        select(link.c.value, date.c.value)
        .join(date, date.c.entity_id == link.c.entity_id)
        .where(
            link.c.schema == "Sanction",
            link.c.prop == "entity",
            link.c.value.in_(vessels),
            date.c.prop.in_(DATE_PROPS),
        )
    )


def _add(vessel: _Vessel, prop: str, value: str, ended: str | None) -> None:
    if prop == ID_PROP:
        vessel.ended.append(ended)
    elif prop in NAME_PROPS:
        vessel.names.add(value)
        if prop == "name" and ended is None:
            vessel.current.add(value)
    elif prop == "imoNumber":
        _parsed(_IMO, value, vessel.imos, prop)
    else:
        _parsed(_MMSI, value, vessel.mmsis, prop)


def _parsed(pattern: re.Pattern[str], value: str, into: set[int], prop: str) -> None:
    match = pattern.fullmatch(value.strip())
    if match:
        into.add(int(match.group(1)))
    else:
        log.warning("unreadable vessel identifier skipped", prop=prop, value=value)


def _records(entity_id: str, vessel: _Vessel) -> list[ListedVessel]:
    caption = min(vessel.current, default=min(vessel.names, default=entity_id))
    since = _date(min(vessel.dates)) if vessel.dates else None
    ends = vessel.ended
    until = _date(max(e for e in ends if e)) if ends and all(ends) else None
    base = ListedVessel(entity_id, caption, since=since, until=until)
    return (
        [replace(base, imo=imo) for imo in sorted(vessel.imos)]
        + [replace(base, mmsi=mmsi) for mmsi in sorted(vessel.mmsis)]
        + [replace(base, name=name) for name in sorted(vessel.names)]
    )


def _date(text: str) -> datetime:
    """The start of an ISO date or date prefix ("2018", "2018-03", "2018-03-30...")."""
    parts = [int(p) for p in re.findall(r"\d+", text[:10])] + [1, 1]
    return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)


def _seconds(when: datetime | None) -> int | None:
    return None if when is None else int(when.timestamp())
