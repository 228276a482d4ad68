"""Identity anomalies: events of type "identity", each with a `kind` detail.

One detector class per kind (so each has its own name, version and content-derived event ids):

    kind          detector               severity    module
    spoof         identity_spoof         medium      identity_spoof
    shared_mmsi   identity_shared_mmsi   high        identity_shared
    flag          identity_flag          high (DPRK: MID 445 or flag KP), else low
                                                     identity_reports
    invalid_mmsi  identity_invalid_mmsi  low         identity_reports
    invalid_imo   identity_invalid_imo   low         identity_reports
    change        identity_change        medium      identity_changes
    imo_shared    identity_imo_shared    medium      identity_changes

The modules' docstrings define each kind; `identity_sql` holds the SQL pieces they share and
their Python twins.
"""

from __future__ import annotations

from sanctionwatch.maritime.detectors.base import Detector
from sanctionwatch.maritime.detectors.identity_changes import ChangeDetector, ImoSharedDetector
from sanctionwatch.maritime.detectors.identity_reports import (
    FlagDetector,
    InvalidImoDetector,
    InvalidMmsiDetector,
)
from sanctionwatch.maritime.detectors.identity_shared import SharedMmsiDetector
from sanctionwatch.maritime.detectors.identity_spoof import SpoofDetector

__all__ = [
    "ChangeDetector",
    "FlagDetector",
    "ImoSharedDetector",
    "InvalidImoDetector",
    "InvalidMmsiDetector",
    "SharedMmsiDetector",
    "SpoofDetector",
    "identity_detectors",
]


def identity_detectors() -> list[Detector]:
    """Every identity detector with its default parameters."""
    return [
        SpoofDetector(),
        SharedMmsiDetector(),
        FlagDetector(),
        InvalidMmsiDetector(),
        InvalidImoDetector(),
        ChangeDetector(),
        ImoSharedDetector(),
    ]
