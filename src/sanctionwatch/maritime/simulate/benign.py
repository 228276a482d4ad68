"""Ordinary traffic, including false-positive traps: port fishing and moored pairs."""

from __future__ import annotations

import numpy as np

from sanctionwatch.maritime.geo.distance import destination
from sanctionwatch.maritime.simulate.fleet import Vessel
from sanctionwatch.maritime.simulate.kinematics import Timeline
from sanctionwatch.maritime.simulate.model import Track, TruthEvent
from sanctionwatch.maritime.simulate.world import HOUR, World


def voyage_track(world: World, vessel: Vessel) -> Track:
    """Hub-to-hub voyages with port stays over the whole horizon."""
    return Track(vessel, world.itinerary(vessel.kind))


def port_fishing(world: World, vessel: Vessel) -> tuple[list[Track], list[TruthEvent]]:
    """A fishing boat pottering at 1-4 kn within 2.5 km of a port all scenario long."""
    port = world.pick(world.hubs)
    timeline = Timeline.at(0.0, *world.berth(port, 2.0))
    knots = float(world.rng.uniform(1.0, 4.0))
    while timeline.end < world.horizon + HOUR:
        spot = destination(
            port.lat, port.lon, world.rng.uniform(0, 360), world.rng.uniform(0.2, 2.5)
        )
        timeline.sail(np.array([[float(spot[0]), float(spot[1])]]), knots)
        timeline.stay(float(world.rng.uniform(0, 1)) * HOUR)
    truth = TruthEvent(
        "benign_port_fishing",
        (vessel.mmsi,),
        world.when(0),
        world.when(world.horizon),
        port.lat,
        port.lon,
        f"{vessel.name} fishing inside {port.name} port area",
    )
    return [Track(vessel, timeline)], [truth]


def moored_pair(world: World, a: Vessel, b: Vessel) -> tuple[list[Track], list[TruthEvent]]:
    """Two ships moored side by side (30-60 m apart) in a port for the whole scenario."""
    port = world.pick(world.hubs)
    lat, lon = world.berth(port, 0.8)
    gap = float(world.rng.uniform(0.03, 0.06))
    other = destination(lat, lon, world.rng.uniform(0, 360), gap)
    tracks = [
        Track(a, Timeline.at(-HOUR, lat, lon).wait_until(world.horizon + HOUR)),
        Track(
            b, Timeline.at(-HOUR, float(other[0]), float(other[1])).wait_until(world.horizon + HOUR)
        ),
    ]
    truth = TruthEvent(
        "benign_moored_pair",
        (a.mmsi, b.mmsi),
        world.when(0),
        world.when(world.horizon),
        lat,
        lon,
        f"{a.name} and {b.name} moored side by side in {port.name}",
    )
    return tracks, [truth]
