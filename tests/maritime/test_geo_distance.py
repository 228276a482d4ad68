"""Shore distance, nearest port and the sea-lane network, on the bundled real data."""

from __future__ import annotations

import numpy as np
import pytest

from sanctionwatch.maritime.geo import (
    distance_to_shore_km,
    find_port,
    haversine_km,
    is_land,
    load_ports,
    nearest_port,
)
from sanctionwatch.maritime.geo.network import load_network, route_nodes, shortest_tree
from sanctionwatch.maritime.geo.shore import signed_distance_direct_km, signed_distance_km


def test_shore_distance_is_small_off_nampo_large_mid_yellow_sea_and_zero_on_land() -> None:
    assert distance_to_shore_km(38.70, 125.20) < 15.0
    assert distance_to_shore_km(35.5, 123.5) > 100.0
    assert distance_to_shore_km(39.03, 125.75) == 0.0  # Pyongyang
    assert bool(is_land(39.03, 125.75)) and not bool(is_land(35.5, 123.5))


def test_shore_distance_is_vectorised_and_keeps_shapes() -> None:
    lat = np.array([[38.70, 35.5], [0.0, 39.03]])
    lon = np.array([[125.20, 123.5], [-160.0, 125.75]])
    out = distance_to_shore_km(lat, lon)
    assert out.shape == (2, 2)
    assert out[1, 0] > 1000.0  # mid-Pacific, outside the raster: computed directly
    assert out[1, 1] == 0.0


def test_raster_agrees_with_the_direct_computation_near_the_coast() -> None:
    rng = np.random.default_rng(3)
    lat, lon = rng.uniform(30, 45, 20_000), rng.uniform(118, 135, 20_000)
    exact = signed_distance_direct_km(lat, lon)
    near = np.abs(exact) < 50
    assert near.sum() > 1000
    error = np.abs(signed_distance_km(lat, lon) - exact)[near]
    assert np.percentile(error, 99) < 1.5
    assert np.mean(np.sign(signed_distance_km(lat, lon)) != np.sign(exact)) < 0.002


def test_shore_distance_sees_land_across_the_antimeridian() -> None:
    # Fiji's Vanua Levu reaches 180 degrees: a point just east of the line is close to it
    # only if coastline on the other side of the antimeridian is taken into account
    assert float(signed_distance_direct_km(-16.5, -179.5)) < 120.0
    assert float(distance_to_shore_km(-16.5, -179.5)) < 120.0


def test_nearest_port_scalar_and_vectorised_match_brute_force() -> None:
    port, km = nearest_port(38.70, 125.35)
    assert port is find_port("Nampo") and km < 6.0
    rng = np.random.default_rng(5)
    lat, lon = rng.uniform(14, 51, 3000), rng.uniform(99, 151, 3000)
    found, dist = nearest_port(lat, lon)
    all_lat = np.array([p.lat for p in load_ports()])
    all_lon = np.array([p.lon for p in load_ports()])
    brute = haversine_km(lat[:, None], lon[:, None], all_lat[None], all_lon[None]).min(axis=1)
    assert np.allclose(dist, brute)
    assert len(found) == 3000
    assert np.allclose(
        [haversine_km(a, b, p.lat, p.lon) for a, b, p in zip(lat, lon, found, strict=True)], dist
    )


def test_sea_lane_network_is_connected_and_routes_are_not_shorter_than_great_circles() -> None:
    net = load_network()
    pusan = find_port("Pusan")
    source, _ = net.nearest_node(pusan.lat, pusan.lon)
    dist, previous = shortest_tree(net, source)
    assert np.isfinite(dist).all()
    target, _ = net.nearest_node(31.0, 122.5)
    nodes = route_nodes(dist, previous, target)
    assert nodes[0] == source and nodes[-1] == target
    straight = haversine_km(net.lat[source], net.lon[source], net.lat[target], net.lon[target])
    legs = haversine_km(
        net.lat[nodes[:-1]], net.lon[nodes[:-1]], net.lat[nodes[1:]], net.lon[nodes[1:]]
    )
    assert legs.sum() == pytest.approx(dist[target])
    assert dist[target] >= straight
