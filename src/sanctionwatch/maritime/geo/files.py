"""The bundled geography files (see src/sanctionwatch/data/geo/README.md) and their readers."""

from __future__ import annotations

import itertools
import json
import struct
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import shapely  # type: ignore[import-untyped]
from shapely.geometry.base import BaseGeometry  # type: ignore[import-untyped]

from sanctionwatch.errors import ParseError

GEO_DIR = Path(str(resources.files("sanctionwatch") / "data" / "geo"))
WPI_PORTS = GEO_DIR / "gfw_WPI_ports.csv"
SEAROUTE_PORTS = GEO_DIR / "searoute" / "ports_region.geojson"
MARNET = GEO_DIR / "searoute" / "marnet_searoute_region.geojson"
DPRK_EEZ = GEO_DIR / "dprk_eez_gfw" / "eez_prk.geojson"
COUNTRIES_SHP = GEO_DIR / "naturalearth_110m" / "naturalearth_lowres.shp"

_SHP_MAGIC = 9994
_POLYGON = 5


def read_geojson(path: Path) -> list[dict[str, Any]]:
    """The features of a GeoJSON FeatureCollection."""
    try:
        features = json.loads(path.read_text(encoding="utf-8"))["features"]
    except (ValueError, KeyError, TypeError) as exc:
        raise ParseError(path, None, f"not a GeoJSON FeatureCollection: {exc}") from exc
    return list(features)


def read_shp_polygons(path: Path) -> list[BaseGeometry]:
    """The polygon records of an ESRI shapefile (.shp), one geometry per record.

    Rings are grouped per record the way the format says: clockwise rings are shells,
    counter-clockwise rings are holes of the record.
    """
    data = path.read_bytes()
    if len(data) < 100 or struct.unpack(">i", data[:4])[0] != _SHP_MAGIC:
        raise ParseError(path, 0, "not an ESRI shapefile")
    shapes: list[BaseGeometry] = []
    offset = 100
    while offset + 8 <= len(data):
        number, words = struct.unpack(">ii", data[offset : offset + 8])
        content = data[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        if len(content) < 44 or struct.unpack("<i", content[:4])[0] != _POLYGON:
            raise ParseError(path, f"record {number}", "not a polygon record")
        try:
            shapes.append(_polygon_record(content))
        except (struct.error, ValueError) as exc:
            raise ParseError(path, f"record {number}", f"truncated polygon: {exc}") from exc
    return shapes


def _polygon_record(content: bytes) -> BaseGeometry:
    n_parts, n_points = struct.unpack("<ii", content[36:44])
    parts = [*struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]), n_points]
    start = 44 + 4 * n_parts
    xy = np.frombuffer(content, "<f8", 2 * n_points, start).reshape(-1, 2)
    shells: list[BaseGeometry] = []
    holes: list[BaseGeometry] = []
    for a, b in itertools.pairwise(parts):
        ring = shapely.LinearRing(xy[a:b])
        (holes if ring.is_ccw else shells).append(shapely.Polygon(ring))
    shape = shapely.union_all(shells)
    return shape.difference(shapely.union_all(holes)) if holes else shape
