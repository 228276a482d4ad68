"""Great-circle distance, vectorised."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)

Floats = npt.NDArray[np.float64]


def haversine_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> Floats:
    """Great-circle distance in km between points given in degrees; broadcasts like numpy.

    Longitudes enter only through their difference's sine, so 179.9E to 179.9W is 22 km,
    not 40,000.
    """
    p1, p2 = np.radians(np.asarray(lat1, np.float64)), np.radians(np.asarray(lat2, np.float64))
    dlon = np.radians(np.asarray(lon2, np.float64) - np.asarray(lon1, np.float64))
    a = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def bearing_deg(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> Floats:
    """Initial course in degrees (0-360, clockwise from north) from point 1 to point 2."""
    p1, p2 = np.radians(np.asarray(lat1, np.float64)), np.radians(np.asarray(lat2, np.float64))
    dlon = np.radians(np.asarray(lon2, np.float64) - np.asarray(lon1, np.float64))
    y = np.sin(dlon) * np.cos(p2)
    x = np.cos(p1) * np.sin(p2) - np.sin(p1) * np.cos(p2) * np.cos(dlon)
    return np.asarray(np.degrees(np.arctan2(y, x)) % 360.0)


def destination(
    lat: npt.ArrayLike, lon: npt.ArrayLike, bearing: npt.ArrayLike, km: npt.ArrayLike
) -> tuple[Floats, Floats]:
    """The point `km` away from (lat, lon) on the initial course `bearing` (degrees)."""
    p1, l1 = np.radians(np.asarray(lat, np.float64)), np.radians(np.asarray(lon, np.float64))
    b, d = np.radians(np.asarray(bearing, np.float64)), np.asarray(km, np.float64) / EARTH_RADIUS_KM
    p2 = np.arcsin(np.sin(p1) * np.cos(d) + np.cos(p1) * np.sin(d) * np.cos(b))
    l2 = l1 + np.arctan2(np.sin(b) * np.sin(d) * np.cos(p1), np.cos(d) - np.sin(p1) * np.sin(p2))
    return np.degrees(p2), (np.degrees(l2) + 540.0) % 360.0 - 180.0
