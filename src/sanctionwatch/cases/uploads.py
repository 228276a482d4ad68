"""Evidence content: size-limited, type-checked, stored once by its SHA-256.

A declared media type must be on the allow-list and agree with the bytes: the magic number of
a PDF, PNG or JPEG, valid UTF-8 for text, valid JSON (and a GeoJSON object) for JSON. The
same bytes are stored once however often they are submitted.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from sanctionwatch.cases import tables
from sanctionwatch.errors import InputError
from sanctionwatch.settings import get_settings

_GEOJSON_TYPES = {
    "Feature",
    "FeatureCollection",
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}


def _magic(prefix: bytes, name: str) -> Callable[[bytes], str | None]:
    def check(content: bytes) -> str | None:
        return None if content.startswith(prefix) else f"the content is not a {name} file"

    return check


def _text(content: bytes) -> str | None:
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"the content is not UTF-8 text (byte {e.start})"
    return "the content is binary (it holds NUL bytes)" if "\x00" in text else None


def _json(content: bytes) -> str | None:
    problem = _text(content)
    if problem:
        return problem
    try:
        json.loads(content)
    except ValueError as e:
        return f"the content is not JSON ({e})"
    return None


def _geojson(content: bytes) -> str | None:
    problem = _json(content)
    if problem:
        return problem
    data = json.loads(content)
    if not isinstance(data, dict) or data.get("type") not in _GEOJSON_TYPES:
        return "the content is not a GeoJSON object (no GeoJSON 'type')"
    return None


CHECKS: dict[str, Callable[[bytes], str | None]] = {
    "application/pdf": _magic(b"%PDF-", "PDF"),
    "image/png": _magic(b"\x89PNG\r\n\x1a\n", "PNG"),
    "image/jpeg": _magic(b"\xff\xd8\xff", "JPEG"),
    "text/plain": _text,
    "text/csv": _text,
    "application/json": _json,
    "application/geo+json": _geojson,
}


def media_type(declared: str) -> str:
    """The declared type without parameters ("text/plain; charset=utf-8" -> "text/plain")."""
    return declared.split(";", 1)[0].strip().lower()


def check(content: bytes, declared: str) -> str:
    """The media type, if `content` may be stored as `declared`; else InputError saying why."""
    limit = get_settings().evidence_max_bytes
    if len(content) > limit:
        raise InputError(f"the upload has {len(content)} bytes; the limit is {limit}")
    if not content:
        raise InputError("the upload is empty")
    kind = media_type(declared)
    if kind not in CHECKS:
        raise InputError(f"media type {kind!r} is not accepted; use one of {', '.join(CHECKS)}")
    problem = CHECKS[kind](content)
    if problem:
        raise InputError(f"{problem}, not {kind} as declared")
    return kind


def put(conn: Connection, content: bytes) -> str:
    """Store `content` (once: the same bytes are not stored again); its SHA-256."""
    digest = hashlib.sha256(content).hexdigest()
    values = {"sha256": digest, "content": content}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(tables.blobs).values(**values).on_conflict_do_nothing())
    return digest


def get(conn: Connection, digest: str) -> bytes:
    query = select(tables.blobs.c.content).where(tables.blobs.c.sha256 == digest)
    found = conn.execute(query).scalar_one()
    return bytes(found)
