"""Distance to the shore from Natural Earth 1:110m land, fast enough for millions of points.

Inside the region (100E-150E, 15N-50N) a signed-distance raster at 0.05 degrees (positive at
sea, negative on land) is computed once per process and read by bilinear interpolation, so
the zero crossing follows the coast to well under a cell. Outside it, distances are computed
directly. Direct distances use, per one-degree latitude band, a local equirectangular
projection and an STRtree of coastline segments: exact at the coast, within a few per cent at
a few hundred km.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import numpy.typing as npt
import shapely  # type: ignore[import-untyped]
from shapely.geometry.base import BaseGeometry  # type: ignore[import-untyped]

from sanctionwatch.maritime.geo.distance import EARTH_RADIUS_KM, Floats
from sanctionwatch.maritime.geo.files import COUNTRIES_SHP, read_shp_polygons

KM_PER_DEG = np.pi * EARTH_RADIUS_KM / 180.0
RASTER_STEP = 0.05
RASTER_LAT = (15.0, 50.0)
RASTER_LON = (100.0, 150.0)
NEAR_KM = 100.0
COARSE_STEP = 0.25
CHUNK = 1 << 18


@cache
def land() -> BaseGeometry:
    """All land of Natural Earth 1:110m countries as one (prepared) geometry."""
    shape = shapely.union_all(read_shp_polygons(COUNTRIES_SHP))
    shapely.prepare(shape)
    return shape


def is_land(lat: npt.ArrayLike, lon: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """Whether each point lies on 1:110m land."""
    return np.asarray(shapely.contains_xy(land(), np.asarray(lon), np.asarray(lat)))


@cache
def _coast_segments() -> Floats:
    """Coastline segments as rows (lon1, lat1, lon2, lat2), with copies shifted by 360 degrees
    next to the antimeridian so that distances across it come out right."""
    coords = [np.asarray(ring.coords) for ring in _rings(land())]
    seg = np.concatenate([np.hstack([c[:-1], c[1:]]) for c in coords])
    east = seg[(seg[:, 0] > 150) | (seg[:, 2] > 150)] - [360.0, 0, 360.0, 0]
    west = seg[(seg[:, 0] < -150) | (seg[:, 2] < -150)] + [360.0, 0, 360.0, 0]
    return np.vstack([seg, east, west])


def _rings(shape: BaseGeometry) -> list[shapely.LinearRing]:
    polygons = shapely.get_parts(shape)
    rings: list[shapely.LinearRing] = []
    for polygon in polygons:
        rings.append(polygon.exterior)
        rings.extend(polygon.interiors)
    return rings


@cache
def _band_tree(band: int) -> tuple[shapely.STRtree, float]:
    """STRtree of coastline segments projected for latitude band [band, band + 1)."""
    scale = float(np.cos(np.radians(band + 0.5)))
    seg = _coast_segments()
    lines = shapely.linestrings(
        np.stack([seg[:, [0, 2]] * scale, seg[:, [1, 3]]], axis=-1) * KM_PER_DEG
    )
    return shapely.STRtree(lines), scale


def signed_distance_direct_km(
    lat: npt.ArrayLike, lon: npt.ArrayLike, max_km: float | None = None
) -> Floats:
    """Distance to the coast in km, negative on land, computed without the raster.

    With `max_km`, points farther than that from the coast get NaN (and the search is faster).
    """
    lat_a = np.atleast_1d(np.asarray(lat, np.float64)).ravel()
    lon_a = (np.atleast_1d(np.asarray(lon, np.float64)).ravel() + 180.0) % 360.0 - 180.0
    out = np.full(lat_a.shape, np.nan)
    bands = np.floor(lat_a).astype(np.int64)
    for band in np.unique(bands):
        idx = np.flatnonzero(bands == band)
        tree, scale = _band_tree(int(band))
        points = shapely.points(lon_a[idx] * scale * KM_PER_DEG, lat_a[idx] * KM_PER_DEG)
        (found, _), dist = tree.query_nearest(
            points, max_distance=max_km, return_distance=True, all_matches=False
        )
        out[idx[found]] = dist
    out[is_land(lat_a, lon_a)] *= -1.0
    return out.reshape(np.shape(lat))


def _grid(step: float) -> tuple[Floats, Floats]:
    lats = np.arange(RASTER_LAT[0], RASTER_LAT[1] + step / 2, step)
    lons = np.arange(RASTER_LON[0], RASTER_LON[1] + step / 2, step)
    grid_lon, grid_lat = np.meshgrid(lons, lats)
    return grid_lat, grid_lon


@cache
def _raster() -> Floats:
    """Signed distances on the fine grid: exact within NEAR_KM of the coast, farther out
    interpolated from an exact grid COARSE_STEP apart (errors of a few km at > 100 km)."""
    lat, lon = _grid(RASTER_STEP)
    fine = signed_distance_direct_km(lat, lon, max_km=NEAR_KM)
    far = np.isnan(fine)
    coarse_lat, coarse_lon = _grid(COARSE_STEP)
    coarse = signed_distance_direct_km(coarse_lat, coarse_lon)
    fine[far] = _bilinear(coarse, COARSE_STEP, lat[far], lon[far])
    return fine


def signed_distance_km(lat: npt.ArrayLike, lon: npt.ArrayLike) -> Floats:
    """Distance to the coast in km, negative on land (raster inside the region)."""
    lat_b, lon_b = np.broadcast_arrays(np.asarray(lat, np.float64), np.asarray(lon, np.float64))
    flat_lat, flat_lon = lat_b.ravel(), lon_b.ravel()
    out = np.empty(flat_lat.shape)
    for start in range(0, flat_lat.size, CHUNK):  # chunks keep temporaries in cache
        part = slice(start, start + CHUNK)
        out[part] = _signed_chunk(flat_lat[part], flat_lon[part])
    return out.reshape(lat_b.shape)


def _signed_chunk(lat: Floats, lon: Floats) -> Floats:
    lon = (lon + 180.0) % 360.0 - 180.0
    inside = (lat >= RASTER_LAT[0]) & (lat <= RASTER_LAT[1])
    inside &= (lon >= RASTER_LON[0]) & (lon <= RASTER_LON[1])
    if inside.all():
        return _bilinear(_raster(), RASTER_STEP, lat, lon)
    out = np.empty(lat.shape)
    out[inside] = _bilinear(_raster(), RASTER_STEP, lat[inside], lon[inside])
    out[~inside] = signed_distance_direct_km(lat[~inside], lon[~inside])
    return out


def _bilinear(grid: Floats, step: float, lat: Floats, lon: Floats) -> Floats:
    """Bilinear interpolation in a grid whose corner (0, 0) is (RASTER_LAT[0], RASTER_LON[0])."""
    rows, cols = grid.shape
    fy = np.clip((lat - RASTER_LAT[0]) / step, 0.0, rows - 1.000001)
    fx = np.clip((lon - RASTER_LON[0]) / step, 0.0, cols - 1.000001)
    y0, x0 = fy.astype(np.int64), fx.astype(np.int64)
    dy, dx = fy - y0, fx - x0
    flat, values = y0 * cols + x0, grid.ravel()
    top = values[flat] * (1 - dx) + values[flat + 1] * dx
    bottom = values[flat + cols] * (1 - dx) + values[flat + cols + 1] * dx
    return np.asarray(top * (1 - dy) + bottom * dy, dtype=np.float64)


def distance_to_shore_km(lat: npt.ArrayLike, lon: npt.ArrayLike) -> Floats:
    """Distance in km from each point to the nearest 1:110m coast, 0 on land; vectorised."""
    return np.maximum(signed_distance_km(lat, lon), 0.0)
