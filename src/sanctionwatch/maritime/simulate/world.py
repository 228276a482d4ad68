"""The shared context of one simulation: random generator, lanes, ports, and place pickers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from sanctionwatch.errors import SanctionwatchError
from sanctionwatch.maritime.geo.distance import destination
from sanctionwatch.maritime.geo.nearest import nearest_port_index
from sanctionwatch.maritime.geo.ports import Port, find_port
from sanctionwatch.maritime.geo.shore import distance_to_shore_km
from sanctionwatch.maritime.geo.zones import Zone, in_zone
from sanctionwatch.maritime.simulate.fleet import Registry
from sanctionwatch.maritime.simulate.kinematics import Timeline
from sanctionwatch.maritime.simulate.lanes import Lanes

HOUR = 3600.0

#: Busy ports of the region whose approaches the 1:110m coast does not swallow.
HUB_NAMES = (
    "Pusan", "Ulsan", "Incheon", "Gwangyang", "Pyeong Taek", "Donghae", "Shanghai", "Ningbo",
    "Zhoushan", "Qingdao", "Dalian", "Tianjin", "Yantai", "Longkou", "Weihai", "Lianyungang",
    "Rizhao", "Dandong", "Yingkou", "Qinhuangdao", "Nakhodka", "Vostochny", "Vladivostok",
    "Zarubino", "Niigata", "Moji", "Hakata", "Sakaiminato", "Maizuru", "Akita", "Keelung",
    "Kaohsiung", "Taichung",
)  # fmt: skip
#: Ports from which vessels sail to DPRK ports in the scenarios.
DPRK_TRADE_NAMES = ("Dalian", "Longkou", "Yantai", "Dandong", "Nakhodka", "Vladivostok", "Shanghai")
#: DPRK ports used for port calls (reachable by sea at 1:110m).
DPRK_CALL_NAMES = ("Nampo", "Haeju", "Chongjin", "Rajin", "Hungnam", "Wonsan", "Kimchaek")


@dataclass
class World:
    rng: np.random.Generator
    start: datetime
    horizon: float  # seconds
    lanes: Lanes = field(default_factory=Lanes)
    hubs: list[Port] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.registry = Registry(self.rng)
        self.hubs = [find_port(n) for n in HUB_NAMES]
        self.dprk_trade = [find_port(n) for n in DPRK_TRADE_NAMES]
        self.dprk_calls = [find_port(n) for n in DPRK_CALL_NAMES]

    def when(self, t: float) -> datetime:
        return self.start + timedelta(seconds=float(t))

    def pick(self, ports: list[Port], avoid: Port | None = None) -> Port:
        choices = [p for p in ports if p != avoid]
        return choices[int(self.rng.integers(len(choices)))]

    def berth(self, port: Port, max_km: float = 1.2) -> tuple[float, float]:
        """A random point within `max_km` of the port."""
        lat, lon = destination(
            port.lat, port.lon, self.rng.uniform(0, 360), self.rng.uniform(0.1, max_km)
        )
        return float(lat), float(lon)

    def knots(self, kind: str) -> float:
        low, high = {"fishing": (6.0, 9.0)}.get(kind, (10.0, 15.0))
        return float(self.rng.uniform(low, high))

    def itinerary(self, kind: str, first: Port | None = None, t0: float | None = None) -> Timeline:
        """Voyages between hubs with port stays, covering the whole horizon."""
        port = first or self.pick(self.hubs)
        start = -float(self.rng.uniform(0, 48 * HOUR)) if t0 is None else t0
        timeline = Timeline.at(start, *self.berth(port)).stay(self.rng.uniform(1, 24) * HOUR)
        while timeline.end < self.horizon:
            nxt = self.pick(self.hubs, avoid=port)
            self.voyage(timeline, nxt, self.knots(kind))
            timeline.stay(self.rng.uniform(4, 24) * HOUR)
            port = nxt
        return timeline

    def voyage(self, timeline: Timeline, port: Port, knots: float) -> Timeline:
        return timeline.sail(self.lanes.route(timeline.here, self.berth(port))[1:], knots)

    def sea_point(self, zone: Zone | None = None, tries: int = 400) -> tuple[float, float]:
        """A point at least 8 km from shore and 15 km from any port: in `zone` if given, else
        near a sea lane between two hubs."""
        for _ in range(tries):
            lat, lon = self._candidate(zone)
            if zone is not None and not in_zone(zone, lat, lon):
                continue
            shore = float(distance_to_shore_km(lat, lon))
            port_km = float(nearest_port_index(lat, lon)[1])
            if shore >= 8.0 and port_km >= 15.0:
                return lat, lon
        raise SanctionwatchError("no sea point found")  # pragma: no cover - data has many

    def _candidate(self, zone: Zone | None) -> tuple[float, float]:
        if zone is not None:
            x0, y0, x1, y1 = zone.polygon.bounds
            return float(self.rng.uniform(y0, y1)), float(self.rng.uniform(x0, x1))
        a = self.pick(self.hubs)
        b = self.pick(self.hubs, avoid=a)
        route = self.lanes.route((a.lat, a.lon), (b.lat, b.lon))
        i = int(self.rng.integers(1, len(route) - 1)) if len(route) > 2 else 0
        lat, lon = destination(
            route[i, 0], route[i, 1], self.rng.uniform(0, 360), self.rng.uniform(0, 10)
        )
        return float(lat), float(lon)

    def offshore_of(self, port: Port, low_km: float, high_km: float) -> tuple[float, float]:
        """A point low-high km from a port, at least 4 km from shore and 8 km from any port."""
        for _ in range(2000):
            lat, lon = destination(
                port.lat, port.lon, self.rng.uniform(0, 360), self.rng.uniform(low_km, high_km)
            )
            if distance_to_shore_km(lat, lon) >= 4.0 and nearest_port_index(lat, lon)[1] >= 8.0:
                return float(lat), float(lon)
        raise SanctionwatchError(f"no offshore point near {port.name}")  # pragma: no cover
