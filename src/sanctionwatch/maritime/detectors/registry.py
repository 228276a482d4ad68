"""Every detector, in the order they run; the chain runs after them on their events."""

from __future__ import annotations

from sanctionwatch.maritime.detectors.base import Detector
from sanctionwatch.maritime.detectors.gap import GapDetector


def detectors() -> list[Detector]:
    return [GapDetector()]


def names() -> list[str]:
    return [d.name for d in detectors()] + ["chain"]
