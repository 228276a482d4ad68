"""The rule that decides whether a fix continues a segment, and GFW's greedy assignment.

After GlobalFishingWatch/gpsdio-segment (`gpsdio_segment/core.py`, the version with
`DEFAULT_MAX_SPEED = 25`, `DEFAULT_NOISE_DIST = 100`, `MAX_SPEED_MULTIPLIER = 1600`): each fix
joins the open segment it fits with the lowest metric (hours since that segment's last fix over
the segment's duration, so long established segments win); a fix that fits none starts a new
segment, unless it lies within `noise_dist_nm` of an open segment's last fix, in which case it
is noise and forms a segment of its own that nothing joins.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sanctionwatch.maritime.distance import distance_nm, distance_nm_1

Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]
Ints = npt.NDArray[np.int64]
US_PER_HOUR = 3_600_000_000
LOOKAHEAD = 512  # fixes checked at once when skipping ahead (bounds wasted work)


@dataclass(frozen=True)
class SegmentParams:
    """Segmentation thresholds; the defaults are gpsdio-segment's."""

    max_speed_kn: float = 25.0  # implied speed allowed between fixes far apart
    max_hours: float = 24.0  # a longer silence ends every open segment
    noise_dist_nm: float = 100.0  # a misfit this close to an open segment is noise
    reported_speed_factor: float = 1.1  # a ship reporting 30 kn may go 33 kn
    near_allowance_nm2: float = 1600.0  # allowed speed x (1 + this / distance ** exponent)
    near_allowance_exponent: float = 2.0
    same_time_minutes: float = 1.0  # same-time fixes fit within max_speed x this many minutes
    #: reported speeds that are noise (51.2, 102.3 "not available"), taken as 0
    bad_speeds: tuple[tuple[float, float], ...] = ((51.0, 51.3), (102.2, 103.0))

    @classmethod
    def strict(cls, max_speed_kn: float = 25.0, max_hours: float = 24.0) -> SegmentParams:
        """No allowance: within a segment no implied speed ever exceeds `max_speed_kn`."""
        return cls(max_speed_kn, max_hours, 100.0, 0.0, 0.0, 2.0, 0.0)

    def reported(self, sog: Floats) -> Floats:
        """Reported speeds usable for the allowance: noise values and nulls become 0."""
        out = np.nan_to_num(sog, nan=0.0)
        for low, high in self.bad_speeds:
            out[(out > low) & (out < high)] = 0.0
        return out

    def fits(self, dist_nm: Floats, hours: Floats, reported_kn: Floats) -> Bools:
        """Whether a fix `dist_nm` and `hours` after a segment's last fix may continue it."""
        with np.errstate(divide="ignore", invalid="ignore"):
            cap = np.maximum(self.max_speed_kn, reported_kn * self.reported_speed_factor)
            cap = cap * (1 + self.near_allowance_nm2 / dist_nm**self.near_allowance_exponent)
            moving = (dist_nm == 0) | (dist_nm / hours <= cap)
        same_time = dist_nm <= self.max_speed_kn * self.same_time_minutes / 60
        return np.where(hours == 0, same_time, moving) & (hours <= self.max_hours)

    def fits_1(self, dist_nm: float, hours: float, reported_kn: float) -> bool:
        """`fits` for one pair of fixes (plain floats, for the greedy loop)."""
        if hours > self.max_hours:
            return False
        if hours == 0:
            return dist_nm <= self.max_speed_kn * self.same_time_minutes / 60
        if dist_nm == 0:
            return True
        cap = max(self.max_speed_kn, reported_kn * self.reported_speed_factor)
        cap *= 1 + self.near_allowance_nm2 / dist_nm**self.near_allowance_exponent
        return bool(dist_nm / hours <= cap)


@dataclass
class _Open:
    label: int
    first_us: int
    last: int  # index of the segment's last fix


@dataclass(frozen=True)
class Fixes:
    """One chunk of one MMSI's fixes in time order: plain lists for the greedy loop, and the
    same columns as arrays (lat, lon, ts_us, reported) for looking ahead."""

    lat: list[float]
    lon: list[float]
    ts_us: list[int]
    reported: list[float]
    arrays: tuple[Floats, Floats, Ints, Floats]


def _metric(fixes: Fixes, seg: _Open, i: int, params: SegmentParams) -> float | None:
    """GFW's match metric of fix i against an open segment; None when it does not fit."""
    j = seg.last
    dist = distance_nm_1(fixes.lat[j], fixes.lon[j], fixes.lat[i], fixes.lon[i])
    hours = (fixes.ts_us[i] - fixes.ts_us[j]) / US_PER_HOUR
    if not params.fits_1(dist, hours, max(fixes.reported[i], fixes.reported[j])):
        return None
    duration_h = max(1.0, (fixes.ts_us[j] - seg.first_us) / 1e6) / 3600
    return (dist if hours == 0 else hours) / duration_h


def _near(fixes: Fixes, segs: list[_Open], i: int, params: SegmentParams) -> bool:
    return any(
        distance_nm_1(fixes.lat[s.last], fixes.lon[s.last], fixes.lat[i], fixes.lon[i])
        < params.noise_dist_nm
        for s in segs
    )


@dataclass
class _State:
    segs: list[_Open]
    labels: Ints
    noise: Bools
    next_label: int = 1


def _step(fixes: Fixes, state: _State, i: int, params: SegmentParams) -> None:
    """GFW's greedy step: fix i joins its best-fitting open segment, or starts one, or is noise."""
    best, best_metric = None, float("inf")
    for seg in state.segs:
        metric = _metric(fixes, seg, i, params)
        if metric is not None and metric < best_metric:
            best, best_metric = seg, metric
    if best is not None:
        best.last = i
        state.labels[i] = best.label
        return
    state.labels[i] = state.next_label
    state.noise[i] = _near(fixes, state.segs, i, params)
    if not state.noise[i]:
        state.segs.append(_Open(state.next_label, fixes.ts_us[i], i))
    state.next_label += 1


def _metrics(fixes: Fixes, seg: _Open, j: Ints, prev: Ints) -> Floats:
    """GFW metrics of fixes j against `seg` were its last fix `prev` (vectorised `_metric`)."""
    lat, lon, ts, _ = fixes.arrays
    hours = (ts[j] - ts[prev]) / US_PER_HOUR
    dist = distance_nm(lat[prev], lon[prev], lat[j], lon[j])
    duration_h = np.maximum(1.0, (ts[prev] - seg.first_us) / 1e6) / 3600
    return np.asarray(np.where(hours == 0, dist, hours) / duration_h)


def _stretch(
    fixes: Fixes, segs: list[_Open], current: _Open, i: int, misfit: int, params: SegmentParams
) -> int:
    """End of the run of fixes from i that all join `current`, the segment of fix i - 1.

    Up to the next misfit each fix fits the one before, so it fits `current`; the run stops
    earlier at the first fix another open segment fits with a better metric (or an equal one,
    coming first), exactly where the greedy step would choose differently.
    """
    lat, lon, ts, reported = fixes.arrays
    stop = min(misfit, len(ts), i + LOOKAHEAD)
    j = np.arange(i, stop)
    mine = _metrics(fixes, current, j, j - 1)
    for rank, seg in enumerate(segs):
        if seg is current or stop <= i:
            continue
        duration_h = max(1.0, (ts[seg.last] - seg.first_us) / 1e6) / 3600
        if (ts[i] - ts[seg.last]) / US_PER_HOUR / duration_h > mine.max(initial=0.0):
            continue  # its metric only grows with time: it cannot beat `current` here
        k = j[: stop - i]
        last = np.full(len(k), seg.last)
        hours = (ts[k] - ts[seg.last]) / US_PER_HOUR
        dist = distance_nm(lat[last], lon[last], lat[k], lon[k])
        fit = params.fits(dist, hours, np.maximum(reported[k], reported[seg.last]))
        theirs = _metrics(fixes, seg, k, last)
        first = rank < segs.index(current)
        wins = fit & ((theirs < mine[: len(k)]) | ((theirs == mine[: len(k)]) & first))
        if wins.any():
            stop = i + int(np.argmax(wins))
    return stop


def assign(
    fixes: Fixes, first: int, params: SegmentParams, next_misfit: Ints | None = None
) -> tuple[Ints, Bools]:
    """Labels and noise flags of one chunk's fixes; fixes[:first] are segment 0 already.

    Label 0 is the segment the fixes before `first` formed; 1, 2, ... are new segments in the
    order they start. With `next_misfit` (index of the next fix that does not fit its
    predecessor, from each fix on), stretches where a single segment is open and every fix fits
    the one before are taken in one go instead of fix by fix: the result is the same.
    """
    end = len(fixes.ts_us)
    state = _State(
        [_Open(0, fixes.ts_us[0], first - 1)] if first else [],
        np.zeros(end, dtype=np.int64),
        np.zeros(end, dtype=np.bool_),
    )
    limit = params.max_hours * US_PER_HOUR
    i = first
    while i < end:
        state.segs = [s for s in state.segs if fixes.ts_us[i] - fixes.ts_us[s.last] <= limit]
        current = next((s for s in state.segs if s.last == i - 1), None)
        if next_misfit is not None and current is not None:
            stop = _stretch(fixes, state.segs, current, i, int(next_misfit[i]), params)
            if stop > i:
                state.labels[i:stop] = current.label
                current.last = stop - 1
                i = stop
                continue
        _step(fixes, state, i, params)
        i += 1
    return state.labels, state.noise
