"""Tracks: each MMSI's positions cut into segments, their overlaps, and a fixed-time grid.

    segment(positions, params)  -> positions + seg_id, implied_speed_kn, noise   (segment.py)
    overlaps(segmented)         -> [Overlap]: one MMSI, two places at once        (overlaps.py)
    resample(segmented, every_s) -> RESAMPLED grid with the fixes behind each point (resample.py)

The segmentation rule and its defaults are GFW's gpsdio-segment (assign.py).
"""

from __future__ import annotations

from sanctionwatch.maritime.assign import SegmentParams
from sanctionwatch.maritime.overlaps import Overlap, overlaps
from sanctionwatch.maritime.resample import RESAMPLED, resample
from sanctionwatch.maritime.segment import segment

__all__ = ["RESAMPLED", "Overlap", "SegmentParams", "overlaps", "resample", "segment"]
