"""The searoute marnet sea-lane network as a graph, and shortest routes over it (Dijkstra)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import cache

import numpy as np

from sanctionwatch.errors import NotFoundError
from sanctionwatch.maritime.geo.distance import Floats, haversine_km
from sanctionwatch.maritime.geo.files import MARNET, read_geojson

SNAP_DECIMALS = 5  # line ends closer than ~1 m are the same node


@dataclass(frozen=True)
class SeaNetwork:
    """Every vertex of the marnet lines is a node (lines meet at shared vertices, not only at
    their ends); edges join consecutive vertices, with their length in km."""

    lat: Floats
    lon: Floats
    edges: tuple[tuple[tuple[int, float], ...], ...]

    def nearest_node(self, lat: float, lon: float) -> tuple[int, float]:
        km = haversine_km(lat, lon, self.lat, self.lon)
        node = int(np.argmin(km))
        return node, float(km[node])


@cache
def load_network() -> SeaNetwork:
    """The marnet lines of the region as a graph."""
    index: dict[tuple[float, float], int] = {}
    adjacency: list[dict[int, float]] = []

    def node(lon: float, lat: float) -> int:
        key = (round(lon, SNAP_DECIMALS), round(lat, SNAP_DECIMALS))
        if key not in index:
            index[key] = len(index)
            adjacency.append({})
        return index[key]

    for line in _lines():
        nodes = [node(x, y) for x, y in line]
        coords = np.asarray(line)
        km = haversine_km(coords[:-1, 1], coords[:-1, 0], coords[1:, 1], coords[1:, 0])
        for a, b, length in zip(nodes[:-1], nodes[1:], km.tolist(), strict=True):
            if a != b:
                adjacency[a][b] = adjacency[b][a] = min(length, adjacency[a].get(b, np.inf))
    keys = list(index)
    return SeaNetwork(
        np.array([k[1] for k in keys]),
        np.array([k[0] for k in keys]),
        tuple(tuple(e.items()) for e in adjacency),
    )


def _lines() -> list[list[tuple[float, float]]]:
    lines = []
    for feature in read_geojson(MARNET):
        geometry = feature["geometry"]
        parts = geometry["coordinates"]
        parts = [parts] if geometry["type"] == "LineString" else parts
        lines += [[(float(x), float(y)) for x, y in part] for part in parts if len(part) >= 2]
    return lines


def shortest_tree(network: SeaNetwork, source: int) -> tuple[Floats, list[int]]:
    """Dijkstra from `source`: distance (km) to every node and each node's predecessor."""
    dist = np.full(network.lat.size, np.inf)
    previous = [-1] * network.lat.size
    dist[source] = 0.0
    heap = [(0.0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, km in network.edges[u]:
            if d + km < dist[v]:
                dist[v], previous[v] = d + km, u
                heapq.heappush(heap, (d + km, v))
    return dist, previous


def route_nodes(dist: Floats, previous: list[int], target: int) -> list[int]:
    """The nodes of the tree's route from its source to `target`."""
    if not np.isfinite(dist[target]):
        raise NotFoundError(f"sea-lane node {target} is not reachable")
    nodes = [target]
    while previous[nodes[-1]] >= 0:
        nodes.append(previous[nodes[-1]])
    return nodes[::-1]
