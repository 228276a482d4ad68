"""Names of a UK designation, shared by the FCDO XML and OFSI CSV readers.

Both publications give each name as parts (``Name1`` to ``Name5`` given names,
``Name6`` the family name or an entity's whole name), a name type and an alias
strength or quality. The types seen in the files: ``Primary Name`` /
``Primary name``, ``Primary name variation``, ``Alias`` (also ``ALias``),
``AKA``, ``FKA``; strengths ``Good quality a.k.a`` / ``Low quality a.k.a``
(XML) and ``Good quality`` / ``Low quality`` (CSV).
"""

from __future__ import annotations

from sanctionwatch.lists.sources.common import put
from sanctionwatch.lists.sources.draft import Draft

SCHEMAS = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}
# (name type, alias strength or quality, [Name1 .. Name6])
NameRow = tuple[str | None, str | None, list[str | None]]
_TYPES = {
    "primary name": "name",
    "primary": "name",
    "primary name variation": "alias",
    "alias": "alias",
    "aka": "alias",
    "a.k.a.": "alias",
    "fka": "previousName",
    "f.k.a.": "previousName",
}


def add_names(draft: Draft, rows: list[NameRow]) -> bool:
    """Put every name on the main entity; False when the designation has none.

    An unknown name type is kept as an alias; without any primary name the
    first name given becomes the name.
    """
    named = [(kind, strength, parts) for kind, strength, parts in rows if _full(parts)]
    if not named:
        return False
    props = [_prop(kind, strength) for kind, strength, _ in named]
    if "name" not in props:
        props[0] = "name"
    for prop, (_, _, parts) in zip(props, named, strict=True):
        put(draft.main, prop, _full(parts))
        if prop == "name" and draft.main.schema.name == "Person":
            put(draft.main, "firstName", parts[0])
            put(draft.main, "lastName", parts[5])
    return True


def _prop(kind: str | None, strength: str | None) -> str:
    prop = _TYPES.get(" ".join((kind or "").lower().split()), "alias")
    if prop == "alias" and "low" in (strength or "").lower():
        return "weakAlias"
    return prop


def _full(parts: list[str | None]) -> str | None:
    text = " ".join(p for p in parts if p)
    return " ".join(text.split()) or None


def uk_date(text: str | None) -> str | None:
    """``dd/mm/1945`` is a year, ``dd/03/1958`` a month, ``01/03/1958`` a date."""
    if not text:
        return None
    day, _, rest = text.partition("/")
    month, _, year = rest.partition("/")
    if not year:
        return text
    if not month.isdigit():
        return year
    return text if day.isdigit() else f"{year}-{int(month):02d}"
