"""Helpers every list parser shares: safe XML, dates, entity construction."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from sanctionwatch.errors import ParseError

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %b %Y",
    "%d %B %Y",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y%m%d",
    "%b %Y",
    "%B %Y",
    "%m/%Y",
    "%Y-%m",
    "%Y",
)
_APPROX = re.compile(r"^(circa|c\.|approximately|approx\.?|about|ca\.?)\s+", re.IGNORECASE)


def parse_date(text: str | None) -> str | None:
    """Turn the date spellings of official lists into ISO (with the precision given).

    >>> parse_date("18 Feb 1962"), parse_date("circa 1947"), parse_date("Feb 1962")
    ('1962-02-18', '1947', '1962-02')
    """
    if text is None:
        return None
    value = _APPROX.sub("", " ".join(text.split())).strip().rstrip(".")
    if not value:
        return None
    value = value.split("T")[0] if re.match(r"^\d{4}-\d\d-\d\dT", value) else value
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        if "%d" in fmt:
            return parsed.strftime("%Y-%m-%d")
        if "%m" in fmt or "%b" in fmt or "%B" in fmt:
            return parsed.strftime("%Y-%m")
        return parsed.strftime("%Y")
    return None


def make(schema: str, *id_parts: Any, prefix: str) -> EntityProxy:
    """A new entity whose id is `prefix-<parts>` (readable when one short part)."""
    entity = model.make_entity(schema)
    parts = [str(p) for p in id_parts if p not in (None, "")]
    if len(parts) == 1 and re.fullmatch(r"[\w.\-]{1,60}", parts[0]):
        entity.id = f"{prefix}-{slug(parts[0])}"
    else:
        digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:16]
        entity.id = f"{prefix}-{digest}"
    return entity


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-")


_PLAIN_TYPES = (registry.string, registry.text, registry.name)


def put(entity: EntityProxy, prop: str, values: str | Iterable[str | None] | None) -> None:
    """Add values to a property; a value the property type rejects goes to `notes`.

    Never drops data silently: a birth date FtM cannot read is kept verbatim as
    a note (``birthDate: 1960s``) so the analyst still sees it.
    """
    if values is None:
        return
    items = [values] if isinstance(values, str) else list(values)
    prop_obj = entity.schema.get(prop)
    if prop_obj is None:
        raise KeyError(f"{entity.schema.name} has no property {prop}")
    for raw in items:
        if raw is None:
            continue
        text = " ".join(str(raw).split())
        if not text or text in ("-0-", "N/A", "n/a"):
            continue
        if prop_obj.type in _PLAIN_TYPES and text.isprintable():
            entity.unsafe_add(prop_obj, text, cleaned=True)  # nothing left for FtM to clean
            continue
        if prop_obj.type == registry.date:
            text = parse_date(text) or text
        cleaned = prop_obj.type.clean(text, proxy=entity)
        if cleaned is None:
            note_prop = "notes" if entity.schema.get("notes") else "description"
            entity.add(note_prop, f"{prop}: {text}", quiet=True)
            continue
        entity.add(prop, cleaned, cleaned=True)


def sanction(main: EntityProxy, authority: str, prefix: str, key: str) -> EntityProxy:
    """The Sanction entity of `main` under one authority (one per designation)."""
    entity = make("Sanction", main.id, key, prefix=prefix)
    entity.add("entity", main.id)
    entity.add("authority", authority)
    return entity


def text_of(element: Element | None, path: str | None = None) -> str | None:
    """Stripped text of an element (or of its child at `path`), None when empty."""
    node = element.find(path) if element is not None and path else element
    if node is None or node.text is None:
        return None
    value = " ".join(node.text.split())
    return value or None


def iter_xml(path: Path, tags: set[str]) -> Iterator[tuple[Element, Element]]:
    """Stream (root, element) for each element whose local tag is in `tags`.

    Uses defusedxml: DTDs, entity expansion and external entities are refused.
    Elements are cleared after use so memory stays flat on big lists.
    """
    root: Element | None = None
    try:
        for event, element in iterparse(str(path), events=("start", "end"), forbid_dtd=True):
            if root is None:
                root = element
            if event == "end" and local(element.tag) in tags:
                yield root, element
                element.clear()
    except DefusedXmlException as exc:
        raise ParseError(path, None, f"refused unsafe XML ({type(exc).__name__})") from exc
    except SyntaxError as exc:  # xml.etree.ElementTree.ParseError subclasses SyntaxError
        line = getattr(exc, "position", (None,))[0]
        raise ParseError(path, f"line {line}" if line else None, f"malformed XML: {exc}") from exc


def local(tag: str) -> str:
    """Tag name without its XML namespace."""
    return tag.rsplit("}", 1)[-1]
