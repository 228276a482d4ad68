"""Nearest port to each of many points, through a grid of candidate ports per cell.

For each cell of a CELL-degree grid over the region the candidates are the ports that can be
nearest to some point of the cell: those within d_min + 2r of the cell centre, where d_min is
the centre's nearest-port distance and r the centre-to-corner distance (triangle inequality).
A query then computes haversine distances to its cell's few candidates only.
"""

from __future__ import annotations

from functools import cache
from typing import overload

import numpy as np
import numpy.typing as npt

from sanctionwatch.maritime.geo.distance import Floats, haversine_km
from sanctionwatch.maritime.geo.ports import REGION, Port, _ports

CELL = 0.25
CHUNK = 1 << 17
Ints = npt.NDArray[np.int64]


@cache
def _port_arrays() -> tuple[Floats, Floats]:
    ports = _ports()
    return np.array([p.lat for p in ports]), np.array([p.lon for p in ports])


@cache
def _candidates() -> Ints:
    """Candidate port indices per cell, shape (rows, cols, k), padded with -1."""
    p_lat, p_lon = _port_arrays()
    lats = np.arange(REGION[1], REGION[3], CELL) + CELL / 2
    lons = np.arange(REGION[0], REGION[2], CELL) + CELL / 2
    c_lon, c_lat = (g.ravel() for g in np.meshgrid(lons, lats))
    dist = haversine_km(c_lat[:, None], c_lon[:, None], p_lat[None, :], p_lon[None, :])
    reach = haversine_km(c_lat, c_lon, c_lat + CELL / 2, c_lon + CELL / 2)
    keep = dist <= dist.min(axis=1, keepdims=True) + 2 * reach[:, None] + 1e-6
    k = int(keep.sum(axis=1).max())
    order = np.argsort(~keep, axis=1, kind="stable")[:, :k]
    table = np.where(np.take_along_axis(keep, order, axis=1), order, -1)
    return table.reshape(len(lats), len(lons), k)


OUTSIDE_CHUNK = 1 << 10  # points outside the region are compared with every port


def nearest_port_index(lat: npt.ArrayLike, lon: npt.ArrayLike) -> tuple[Ints, Floats]:
    """Index into `load_ports()` of the nearest port to each point, and its distance in km."""
    lat_b, lon_b = np.broadcast_arrays(np.asarray(lat, np.float64), np.asarray(lon, np.float64))
    flat_lat = lat_b.ravel()
    flat_lon = (lon_b.ravel() + 180.0) % 360.0 - 180.0
    index, km = np.empty(flat_lat.size, np.int64), np.empty(flat_lat.size)
    table = _candidates()
    row = np.floor((flat_lat - REGION[1]) / CELL).astype(np.int64)
    col = np.floor((flat_lon - REGION[0]) / CELL).astype(np.int64)
    inside = (row >= 0) & (row < table.shape[0]) & (col >= 0) & (col < table.shape[1])
    for where, step, pick in ((inside, CHUNK, _in_region), (~inside, OUTSIDE_CHUNK, _anywhere)):
        points = np.flatnonzero(where)
        for first in range(0, points.size, step):
            part = points[first : first + step]
            cand = pick(row[part], col[part], table)
            index[part], km[part] = _nearest(flat_lat[part], flat_lon[part], cand)
    return index.reshape(lat_b.shape), km.reshape(lat_b.shape)


def _in_region(row: Ints, col: Ints, table: Ints) -> Ints:
    return np.asarray(table[row, col], np.int64)


def _anywhere(row: Ints, _col: Ints, _table: Ints) -> Ints:
    return np.broadcast_to(np.arange(_port_arrays()[0].size), (row.size, _port_arrays()[0].size))


def _nearest(lat: Floats, lon: Floats, cand: Ints) -> tuple[Ints, Floats]:
    """The nearest of each point's candidate ports (-1 pads) and its distance in km."""
    p_lat, p_lon = _port_arrays()
    # the nearest port on the sphere has the largest dot product of unit vectors
    xyz, p_xyz = _unit(lat, lon), _port_unit()
    safe = np.maximum(cand, 0)
    dot = xyz[0][:, None] * p_xyz[0][safe]
    dot += xyz[1][:, None] * p_xyz[1][safe]
    dot += xyz[2][:, None] * p_xyz[2][safe]
    dot[cand < 0] = -np.inf
    best = cand[np.arange(lat.size), dot.argmax(axis=1)]
    return best, haversine_km(lat, lon, p_lat[best], p_lon[best])


def _unit(lat: Floats, lon: Floats) -> tuple[Floats, Floats, Floats]:
    phi, lam = np.radians(lat), np.radians(lon)
    return np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)


@cache
def _port_unit() -> tuple[Floats, Floats, Floats]:
    return _unit(*_port_arrays())


@overload
def nearest_port(lat: float, lon: float) -> tuple[Port, float]: ...
@overload
def nearest_port(
    lat: npt.NDArray[np.floating], lon: npt.NDArray[np.floating]
) -> tuple[list[Port], Floats]: ...
def nearest_port(
    lat: float | npt.NDArray[np.floating], lon: float | npt.NDArray[np.floating]
) -> tuple[Port, float] | tuple[list[Port], Floats]:
    """The nearest port and its distance in km; for arrays, a list of ports and an array."""
    ports = _ports()
    index, km = nearest_port_index(lat, lon)
    if np.ndim(lat) == 0 and np.ndim(lon) == 0:
        return ports[int(index)], float(km)
    return [ports[i] for i in index.ravel()], km
