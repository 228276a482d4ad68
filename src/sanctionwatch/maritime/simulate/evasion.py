"""Injected evasion behaviours, each returning the tracks it adds and their ground truth."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from sanctionwatch.maritime.geo.distance import destination
from sanctionwatch.maritime.geo.ports import Port
from sanctionwatch.maritime.geo.shore import distance_to_shore_km
from sanctionwatch.maritime.geo.zones import load_zones
from sanctionwatch.maritime.simulate.fleet import Vessel
from sanctionwatch.maritime.simulate.kinematics import Timeline, sample
from sanctionwatch.maritime.simulate.model import Track, TruthEvent
from sanctionwatch.maritime.simulate.world import HOUR, World

Injected = tuple[list[Track], list[TruthEvent]]
STS_OFFSET_KM = (0.05, 0.2)  # each tanker's distance from the meeting point


def _meet(
    world: World, vessel: Vessel, point: tuple[float, float], t: float, stay: float
) -> Timeline:
    """A timeline that sails from a hub to `point`, arrives at t, stays, and sails on."""
    origin = world.pick(world.hubs)
    timeline = Timeline.at(0.0, *world.berth(origin))
    timeline.sail(world.lanes.route(timeline.here, point)[1:], world.knots(vessel.kind))
    timeline = timeline.shifted(t - timeline.end)
    timeline.stay(stay)
    world.voyage(timeline, world.pick(world.hubs, avoid=origin), world.knots(vessel.kind))
    return timeline.wait_until(world.horizon + HOUR)


def sts_pair(world: World, a: Vessel, b: Vessel, t: float, hours: float) -> Injected:
    """Two tankers meet at sea, 100-400 m apart and at rest, for `hours` from t."""
    zones = [z for z in load_zones() if z.kind == "sts_area"]
    zone = zones[int(world.rng.integers(len(zones)))] if world.rng.random() < 0.7 else None
    lat, lon = world.sea_point(zone)
    bearing = world.rng.uniform(0, 360)
    tracks = []
    for vessel, side in ((a, 0.0), (b, 180.0)):
        spot = destination(lat, lon, bearing + side, world.rng.uniform(*STS_OFFSET_KM))
        point = (float(spot[0]), float(spot[1]))
        tracks.append(Track(vessel, _meet(world, vessel, point, t, hours * HOUR)))
    where = zone.name if zone else "open sea near a lane"
    truth = TruthEvent(
        "sts",
        (a.mmsi, b.mmsi),
        world.when(t),
        world.when(t + hours * HOUR),
        lat,
        lon,
        f"ship-to-ship meeting of {a.name} and {b.name}, {where}",
    )
    return tracks, [truth]


def dark_period(world: World, track: Track, hours: float) -> list[TruthEvent]:
    """Switch the track's AIS off for `hours` where it is underway and away from shore."""
    length = hours * HOUR
    for _ in range(200):
        t0 = float(world.rng.uniform(HOUR, world.horizon - length - HOUR))
        ends = sample(track.timeline, np.array([t0, t0 + length]))
        shore = distance_to_shore_km(ends.lat, ends.lon)
        if (ends.sog > 1).all() and (shore > 20).all():
            track.gaps.append((t0, t0 + length))
            v = track.vessel
            note = f"{v.name} stops transmitting for {hours:.1f} h at sea"
            return [
                TruthEvent(
                    "gap",
                    (v.mmsi,),
                    world.when(t0),
                    world.when(t0 + length),
                    float(ends.lat[0]),
                    float(ends.lon[0]),
                    note,
                )
            ]
    return []


def port_call(world: World, vessel: Vessel, port: Port, t: float, hours: float) -> Injected:
    """Sail from a trading port to the DPRK `port`, lie there at rest, and leave."""
    berth = world.berth(port, max_km=0.8)
    origin = world.pick(world.dprk_trade)
    timeline = Timeline.at(0.0, *world.berth(origin))
    timeline.sail(world.lanes.route(timeline.here, berth)[1:], world.knots(vessel.kind))
    timeline = timeline.shifted(t - timeline.end).stay(hours * HOUR)
    world.voyage(timeline, world.pick(world.dprk_trade), world.knots(vessel.kind))
    timeline.wait_until(world.horizon + HOUR)
    truth = TruthEvent(
        "port_visit",
        (vessel.mmsi,),
        world.when(t),
        world.when(t + hours * HOUR),
        port.lat,
        port.lon,
        f"{vessel.name} calls at {port.name} ({port.id})",
    )
    return [Track(vessel, timeline)], [truth]


def spoof(world: World, track: Track, reports: float) -> list[TruthEvent]:
    """Displace `reports` reports' worth of positions by hundreds of km, then back."""
    t0 = float(world.rng.uniform(2 * HOUR, world.horizon - 2 * HOUR))
    t1 = t0 + reports
    km, bearing = world.rng.uniform(300, 800), world.rng.uniform(0, 360)
    here = track.timeline.position(t0)
    lat, lon = destination(here[0], here[1], bearing, km)
    track.spoofs.append((t0, t1, float(lat) - here[0], float(lon) - here[1]))
    note = f"{track.vessel.name} positions jump {km:.0f} km and back"
    return [
        TruthEvent(
            "spoof",
            (track.vessel.mmsi,),
            world.when(t0),
            world.when(t1),
            float(lat),
            float(lon),
            note,
        )
    ]


def share_mmsi(world: World, first: Track, second: Track) -> list[TruthEvent]:
    """Make `second` broadcast the MMSI of `first` for the whole scenario."""
    mmsi = first.vessel.mmsi
    second.vessel = replace(second.vessel, mmsi=mmsi)
    note = f"{first.vessel.name} and {second.vessel.name} both broadcast MMSI {mmsi}"
    lat, lon = first.timeline.position(0.0)
    return [
        TruthEvent("mmsi_shared", (mmsi,), world.when(0), world.when(world.horizon), lat, lon, note)
    ]


def rename(world: World, track: Track, t: float, new_mmsi: bool) -> list[TruthEvent]:
    """From t on the designated hull broadcasts a new name and call sign (and maybe MMSI)."""
    old = track.vessel
    mmsi = (
        world.registry.mmsi(int(world.rng.choice([667, 671, 351, 372, 413])))
        if new_mmsi
        else old.mmsi
    )
    flag = {667: "SL", 671: "TG", 351: "PA", 372: "PA", 413: "CN"}.get(mmsi // 1_000_000, old.flag)
    new = replace(
        old,
        mmsi=mmsi,
        name=world.registry.name(),
        callsign=world.registry.callsign(flag),
        flag=flag,
    )
    track.renames.append((t, new))
    lat, lon = track.timeline.position(t)
    note = f"{old.name} (IMO {old.imo}, designated) now broadcasts as {new.name}, flag {flag}"
    mmsis = (old.mmsi, new.mmsi) if new_mmsi else (old.mmsi,)
    return [TruthEvent("identity_change", mmsis, world.when(t), world.when(t), lat, lon, note)]


def loiter(world: World, vessel: Vessel, port: Port, t: float, hours: float) -> Injected:
    """Drift slowly (0.5-1.5 kn) for `hours` 8-25 km off a DPRK port, then leave."""
    centre = world.offshore_of(port, 8.0, 25.0)
    knots = float(world.rng.uniform(0.5, 1.5))
    origin = world.pick(world.dprk_trade)
    timeline = Timeline.at(0.0, *world.berth(origin))
    timeline.sail(world.lanes.route(timeline.here, centre)[1:], world.knots(vessel.kind))
    timeline = timeline.shifted(t - timeline.end)
    while timeline.end < t + hours * HOUR:  # wander within 1.5 km of the centre
        spot = destination(
            centre[0], centre[1], world.rng.uniform(0, 360), world.rng.uniform(0, 1.5)
        )
        timeline.sail(np.array([[float(spot[0]), float(spot[1])]]), knots)
    end = timeline.end
    world.voyage(timeline, world.pick(world.dprk_trade), world.knots(vessel.kind))
    timeline.wait_until(world.horizon + HOUR)
    truth = TruthEvent(
        "loitering",
        (vessel.mmsi,),
        world.when(t),
        world.when(end),
        centre[0],
        centre[1],
        f"{vessel.name} loiters at {knots:.1f} kn off {port.name}",
    )
    return [Track(vessel, timeline)], [truth]
