"""Routes over the marnet sea lanes between any two points at sea or in port."""

from __future__ import annotations

import numpy as np

from sanctionwatch.maritime.geo.distance import Floats, haversine_km
from sanctionwatch.maritime.geo.network import load_network, route_nodes, shortest_tree
from sanctionwatch.maritime.geo.shore import is_land

CANDIDATE_NODES = 12  # nodes tried when connecting a point to the network
STEP_KM = 2.0  # sampling step when checking that a connector stays at sea
CACHE_CELLS = 50  # connectors are cached per 1/50 degree cell
NEAR_END_KM = 6.0  # land this close to the point itself is forgiven (ports are on the coast)


class Lanes:
    """Shortest sea routes, with Dijkstra trees and connectors cached per node and point."""

    def __init__(self) -> None:
        self.network = load_network()
        self._trees: dict[int, tuple[Floats, list[int]]] = {}
        self._connect: dict[tuple[int, int], int] = {}

    def connect(self, lat: float, lon: float) -> int:
        """The network node joined to the point by the straight line with least land on it."""
        key = (round(lat * CACHE_CELLS), round(lon * CACHE_CELLS))  # berths share connectors
        if key not in self._connect:
            net = self.network
            km = haversine_km(lat, lon, net.lat, net.lon)
            order = np.argsort(km, kind="stable")[:CANDIDATE_NODES]
            land = [self._land_km(lat, lon, int(n)) for n in order]
            self._connect[key] = int(order[int(np.argmin(land))])
        return self._connect[key]

    def _land_km(self, lat: float, lon: float, node: int) -> float:
        net = self.network
        length = float(haversine_km(lat, lon, net.lat[node], net.lon[node]))
        f = np.linspace(0.0, 1.0, max(int(length / STEP_KM), 2))
        f = f[f * length > NEAR_END_KM] if length > NEAR_END_KM else f[:0]
        lats, lons = lat + f * (net.lat[node] - lat), lon + f * (net.lon[node] - lon)
        return float(is_land(lats, lons).sum() * STEP_KM) + length / 1000.0

    def route(self, a: tuple[float, float], b: tuple[float, float]) -> Floats:
        """(n, 2) lat/lon vertices from a to b along the lanes."""
        source, target = self.connect(*a), self.connect(*b)
        if source not in self._trees:
            self._trees[source] = shortest_tree(self.network, source)
        dist, previous = self._trees[source]
        nodes = route_nodes(dist, previous, target)
        net = self.network
        middle = np.column_stack([net.lat[nodes], net.lon[nodes]])
        return np.vstack([[a], middle, [b]])
