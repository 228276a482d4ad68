"""Great-circle distances in nautical miles, vectorised and scalar, safe across the antimeridian."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]

EARTH_RADIUS_NM = 6_371_008.8 / 1852.0  # IUGG mean radius


def distance_nm(lat1: Floats, lon1: Floats, lat2: Floats, lon2: Floats) -> Floats:
    """Haversine distance between paired points, in nautical miles."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    half_dlat = (p2 - p1) / 2
    half_dlon = np.radians(lon2 - lon1) / 2
    a = np.sin(half_dlat) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(half_dlon) ** 2
    return np.asarray(2 * EARTH_RADIUS_NM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def distance_nm_1(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance between two points, in nautical miles (scalar, for Python loops)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2
    a += math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_NM * math.asin(math.sqrt(min(1.0, a)))


def lon_step(lon1: Floats, lon2: Floats) -> Floats:
    """Signed shortest longitude change from lon1 to lon2, in [-180, 180)."""
    return np.asarray((lon2 - lon1 + 540.0) % 360.0 - 180.0)


def wrap_lon(lon: Floats) -> Floats:
    """Longitudes folded into [-180, 180)."""
    return np.asarray((lon + 180.0) % 360.0 - 180.0)
