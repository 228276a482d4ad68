"""The hulls of a scenario and the evasion injected into them, with the truth of each.

The steps run in a fixed order because every draw comes from the world's one generator: the
same seed must give the same scenario.
"""

from __future__ import annotations

from sanctionwatch.maritime.simulate import benign, evasion
from sanctionwatch.maritime.simulate.chain import MIN_HOURS, chain
from sanctionwatch.maritime.simulate.fleet import Vessel, designated_vessels
from sanctionwatch.maritime.simulate.model import Track, TruthEvent
from sanctionwatch.maritime.simulate.world import HOUR, World

DESIGNATED_PICKED = 10


def plan(world: World, k: int, vessels: int) -> tuple[list[Track], list[TruthEvent]]:
    """Each kind of evasion `k` times (the chain k // 2), then benign traffic up to `vessels`."""
    made = _Plan(world, k)
    for step in (
        made.renamed,
        made.sts,
        made.port_calls,
        made.gaps,
        made.spoofs,
        made.shared_mmsi,
        made.chains,
        made.loiters,
        made.moored,
    ):
        step()
    made.traffic(vessels)
    return made.tracks, made.truth


class _Plan:
    def __init__(self, world: World, k: int) -> None:
        self.world, self.k = world, k
        self.rng, self.reg, self.horizon = world.rng, world.registry, world.horizon
        listed = designated_vessels()
        size = min(DESIGNATED_PICKED, len(listed))
        picked = self.rng.choice(len(listed), size=size, replace=False)
        self.designated = [self.reg.designated(listed[int(i)]) for i in picked]
        self.tracks: list[Track] = []
        self.truth: list[TruthEvent] = []

    def add(self, result: tuple[list[Track], list[TruthEvent]]) -> None:
        self.tracks.extend(result[0])
        self.truth.extend(result[1])

    def hull(self, kind: str) -> Vessel:
        """A designated hull half the time while some are left, else a new one."""
        if self.designated and kind != "fishing" and self.rng.random() < 0.5:
            return self.designated.pop(0)
        return self.reg.vessel(kind)

    def voyage(self, kind: str) -> Track:
        """A new hull of this kind on a trading voyage."""
        return benign.voyage_track(self.world, self.reg.vessel(kind))

    def start(self, hours: float) -> float:
        """When an event of `hours` may begin, two hours clear of either end."""
        return float(self.rng.uniform(2 * HOUR, self.horizon - (hours + 2) * HOUR))

    def renamed(self) -> None:
        for i in range(self.k):
            vessel = self.designated.pop(0) if self.designated else self.reg.vessel("cargo", 445)
            track = benign.voyage_track(self.world, vessel)
            at = float(self.rng.uniform(0.3, 0.7)) * self.horizon
            self.truth += evasion.rename(self.world, track, at, new_mmsi=i % 2 == 1)
            self.tracks.append(track)

    def sts(self) -> None:
        for _ in range(self.k):
            length = float(self.rng.uniform(2, min(6, self.horizon / HOUR - 6)))
            tanker, partner = self.reg.vessel("tanker"), self.hull("tanker")
            self.add(evasion.sts_pair(self.world, tanker, partner, self.start(length), length))

    def port_calls(self) -> None:
        for _ in range(self.k):
            stay = float(self.rng.uniform(6, min(24, self.horizon / HOUR - 6)))
            port = self.world.pick(self.world.dprk_calls)
            vessel = self.hull("cargo")
            self.add(evasion.port_call(self.world, vessel, port, self.start(stay), stay))

    def gaps(self) -> None:
        for low, top in ((12.0, 48.0), (6.0, 12.0)):  # long gaps, then short ones
            top = min(top, self.horizon / HOUR - 4)
            for _ in range(self.k if top > low else 0):
                track = self.voyage(str(self.rng.choice(["cargo", "tanker"])))
                hours = float(self.rng.uniform(low, top))
                self.truth += evasion.dark_period(self.world, track, hours)
                self.tracks.append(track)

    def spoofs(self) -> None:
        for _ in range(self.k):
            track = self.voyage("cargo")
            self.truth += evasion.spoof(self.world, track, float(self.rng.uniform(3, 6)) * 180.0)
            self.tracks.append(track)

    def shared_mmsi(self) -> None:
        for _ in range(self.k):
            first, second = self.voyage("cargo"), self.voyage("cargo")
            self.truth += evasion.share_mmsi(self.world, first, second)
            self.tracks += [first, second]

    def chains(self) -> None:
        for _ in range(max(1, self.k // 2) if self.horizon >= MIN_HOURS * HOUR else 0):
            self.add(chain(self.world, self.reg.vessel("tanker", 445), self.reg.vessel("tanker")))

    def loiters(self) -> None:
        for _ in range(self.k):
            hours = float(self.rng.uniform(4.5, 8))
            port = self.world.pick(self.world.dprk_calls)
            vessel = self.reg.vessel(str(self.rng.choice(["fishing", "cargo"])))
            self.add(evasion.loiter(self.world, vessel, port, self.start(hours), hours))

    def moored(self) -> None:
        for _ in range(self.k):
            pair = (self.reg.vessel("cargo"), self.reg.vessel("tanker"))
            self.add(benign.moored_pair(self.world, *pair))
            self.add(benign.port_fishing(self.world, self.reg.vessel("fishing")))

    def traffic(self, vessels: int) -> None:
        """The rest of the picked designated hulls, then plain traffic up to `vessels`."""
        for vessel in self.designated:
            self.tracks.append(benign.voyage_track(self.world, vessel))
        size = max(vessels - len(self.tracks), 0)
        kinds = self.rng.choice(["cargo", "tanker", "fishing"], size=size, p=[0.7, 0.18, 0.12])
        self.tracks += [self.voyage(str(kind)) for kind in kinds]
