"""Every detector, in the order they run; the chain runs after them on their events."""

from __future__ import annotations

from sanctionwatch.maritime.detectors.base import Detector
from sanctionwatch.maritime.detectors.designated import DesignatedDetector
from sanctionwatch.maritime.detectors.encounter import EncounterDetector
from sanctionwatch.maritime.detectors.gap import GapDetector
from sanctionwatch.maritime.detectors.identity import identity_detectors
from sanctionwatch.maritime.detectors.loitering import LoiteringDetector
from sanctionwatch.maritime.detectors.port_visit import PortVisitDetector


def detectors() -> list[Detector]:
    return [
        GapDetector(),
        EncounterDetector(),
        LoiteringDetector(),
        PortVisitDetector(),
        DesignatedDetector(),
        *identity_detectors(),
    ]


def names() -> list[str]:
    return [d.name for d in detectors()] + ["chain"]
