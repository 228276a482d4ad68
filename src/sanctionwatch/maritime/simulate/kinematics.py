"""A vessel's movement as a piecewise-linear timeline, sampled at report times."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sanctionwatch.maritime.geo.distance import Floats, bearing_deg, haversine_km

KNOT_KMH = 1.852


@dataclass
class Timeline:
    """Waypoints (t seconds from the scenario start, lat, lon); built by sail and stay."""

    t: list[float] = field(default_factory=list)
    lat: list[float] = field(default_factory=list)
    lon: list[float] = field(default_factory=list)

    @classmethod
    def at(cls, t: float, lat: float, lon: float) -> Timeline:
        return cls([t], [lat], [lon])

    @property
    def end(self) -> float:
        return self.t[-1]

    @property
    def here(self) -> tuple[float, float]:
        return self.lat[-1], self.lon[-1]

    def sail(self, points: Floats, knots: float) -> Timeline:
        """Sail through `points` ((n, 2) lat/lon) at a constant speed."""
        pts = np.vstack([[self.here], points])
        km = haversine_km(pts[:-1, 0], pts[:-1, 1], pts[1:, 0], pts[1:, 1])
        times = self.end + np.cumsum(km) / (knots * KNOT_KMH) * 3600.0
        keep = km > 0
        self.t += times[keep].tolist()
        self.lat += pts[1:, 0][keep].tolist()
        self.lon += pts[1:, 1][keep].tolist()
        return self

    def stay(self, seconds: float) -> Timeline:
        """Stay where the timeline ends."""
        return self.wait_until(self.end + seconds)

    def wait_until(self, t: float) -> Timeline:
        if t > self.end:
            self.t.append(t)
            self.lat.append(self.lat[-1])
            self.lon.append(self.lon[-1])
        return self

    def shifted(self, seconds: float) -> Timeline:
        return Timeline([t + seconds for t in self.t], list(self.lat), list(self.lon))

    def position(self, t: float) -> tuple[float, float]:
        return float(np.interp(t, self.t, self.lat)), float(np.interp(t, self.t, self.lon))


@dataclass(frozen=True)
class Sampled:
    lat: Floats
    lon: Floats
    sog: Floats  # knots, exact (before noise)
    cog: Floats  # degrees


def sample(timeline: Timeline, times: Floats) -> Sampled:
    """Positions, speeds and courses at `times`; before the first or after the last waypoint
    the vessel is at rest there."""
    t, lat, lon = (np.asarray(v) for v in (timeline.t, timeline.lat, timeline.lon))
    if t.size < 2:
        n = times.size
        return Sampled(np.full(n, lat[0]), np.full(n, lon[0]), np.zeros(n), np.zeros(n))
    seg_km = haversine_km(lat[:-1], lon[:-1], lat[1:], lon[1:])
    dt = np.diff(t)
    knots = np.where(dt > 0, seg_km / np.maximum(dt, 1e-9) * 3600.0 / KNOT_KMH, 0.0)
    course = bearing_deg(lat[:-1], lon[:-1], lat[1:], lon[1:])
    seg = np.searchsorted(t, times, side="right") - 1
    outside = (seg < 0) | (seg >= t.size - 1)
    seg = np.clip(seg, 0, t.size - 2)
    sog = np.where(outside, 0.0, knots[seg])
    return Sampled(np.interp(times, t, lat), np.interp(times, t, lon), sog, course[seg])
