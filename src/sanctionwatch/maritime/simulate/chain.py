"""The chained pattern: dark at sea, then a ship-to-ship meeting, then a DPRK port call."""

from __future__ import annotations

from dataclasses import dataclass

from sanctionwatch.maritime.geo.distance import destination
from sanctionwatch.maritime.geo.ports import Port, find_port
from sanctionwatch.maritime.geo.zones import zone
from sanctionwatch.maritime.simulate.evasion import STS_OFFSET_KM, Injected, _meet
from sanctionwatch.maritime.simulate.fleet import Vessel
from sanctionwatch.maritime.simulate.kinematics import Timeline
from sanctionwatch.maritime.simulate.model import Track, TruthEvent
from sanctionwatch.maritime.simulate.world import HOUR, World

#: (STS area, far origin hub, DPRK port) combinations that make a plausible chain
CHAINS = (
    ("sts:korea-bay", "Shanghai", "Nampo"),
    ("sts:east-china-sea", "Pusan", "Nampo"),
    ("sts:vostochny", "Pusan", "Chongjin"),
)
MIN_HOURS = 60.0  # shorter scenarios get no chain (the sequence takes 2-3 days)


def chain(world: World, tanker: Vessel, partner: Vessel) -> Injected:
    """Dark 6-12 h on the way, reappear, meet `partner` for 2-4 h, call at a DPRK port."""
    area, hub, dprk = CHAINS[int(world.rng.integers(len(CHAINS)))]
    lat, lon = world.sea_point(zone(area))
    bearing = world.rng.uniform(0, 360)
    spots = [
        destination(lat, lon, bearing + side, world.rng.uniform(*STS_OFFSET_KM))
        for side in (0, 180)
    ]
    dark_h, meet_h = float(world.rng.uniform(6, 12)), float(world.rng.uniform(2, 4))
    t_meet = (dark_h + float(world.rng.uniform(3, 7))) * HOUR
    timeline = Timeline.at(0.0, *world.berth(find_port(hub)))
    timeline.sail(
        world.lanes.route(timeline.here, (float(spots[0][0]), float(spots[0][1])))[1:], 12.0
    )
    timeline = timeline.shifted(t_meet - timeline.end).stay(meet_h * HOUR)
    port = find_port(dprk)
    timeline.sail(world.lanes.route(timeline.here, world.berth(port, 0.8))[1:], 11.0)
    t_port = timeline.end
    stay_h = min(float(world.rng.uniform(8, 20)), (world.horizon - t_port) / HOUR - 2.0)
    if stay_h < 3.0:  # the scenario is too short for this chain
        return [], []
    timeline.stay(stay_h * HOUR)
    world.voyage(timeline, world.pick(world.dprk_trade), 11.0)
    timeline.wait_until(world.horizon + HOUR)
    gap = (t_meet - (dark_h + 2) * HOUR, t_meet - 2 * HOUR)
    track = Track(tanker, timeline, gaps=[gap])
    other = Track(
        partner,
        _meet(world, partner, (float(spots[1][0]), float(spots[1][1])), t_meet, meet_h * HOUR),
    )
    legs = _Legs(area, (lat, lon), gap, (t_meet, meet_h * HOUR), port, (t_port, stay_h * HOUR))
    return [track, other], _truth(world, tanker, partner, legs, timeline.position(gap[0]))


@dataclass(frozen=True)
class _Legs:
    """Where and when the chain's three steps happen (times in seconds from the start)."""

    area: str
    meeting: tuple[float, float]  # lat, lon
    gap: tuple[float, float]
    meet: tuple[float, float]  # start, length
    port: Port
    call: tuple[float, float]  # start, length


def _truth(
    world: World, tanker: Vessel, partner: Vessel, legs: _Legs, dark_at: tuple[float, float]
) -> list[TruthEvent]:
    w, port, (lat, lon) = world.when, legs.port, legs.meeting
    (t_meet, meet_s), (t_port, stay_s) = legs.meet, legs.call
    both = (tanker.mmsi, partner.mmsi)
    return [
        TruthEvent(
            "gap",
            (tanker.mmsi,),
            w(legs.gap[0]),
            w(legs.gap[1]),
            *dark_at,
            f"{tanker.name} goes dark (chain)",
        ),
        TruthEvent(
            "sts",
            both,
            w(t_meet),
            w(t_meet + meet_s),
            lat,
            lon,
            f"{tanker.name} meets {partner.name} in {zone(legs.area).name} (chain)",
        ),
        TruthEvent(
            "port_visit",
            (tanker.mmsi,),
            w(t_port),
            w(t_port + stay_s),
            port.lat,
            port.lon,
            f"{tanker.name} calls at {port.name} ({port.id}) (chain)",
        ),
        TruthEvent(
            "chain",
            both,
            w(legs.gap[0]),
            w(t_port + stay_s),
            lat,
            lon,
            f"{tanker.name}: dark, STS with {partner.name}, then {port.name}",
        ),
    ]
