"""Maritime detection quality: precision and recall per event type on SYNTHETIC scenarios.

    .venv/bin/python bench/maritime_quality.py [--seeds 1 2 3 4 5] [--hours 72] [--vessels 300]

Each seed simulates a scenario (synthetic AIS around Korea with injected evasion and benign
traps, and its ground truth), runs every detector on DuckDB with the designated vessels of the
bundled real lists, and matches detected events to injected ones of the same kind: a detected
event matches a truth event when they share a vessel (MMSI) and their times overlap (with
`--slack-min` minutes of slack). Recall = truth events matched / truth events; precision =
detected events matched / detected events of that kind (port visits: DPRK ports only, as the
truth only injects DPRK port calls). A few detections rightly stem from another injected
behaviour and count as correct, not as recall: loitering by the tankers of an STS meeting,
alternating names on an MMSI two ships share (see KINDS). Benign traps (moored pairs, fishing
inside ports) are not in the truth, so any event they raise counts against precision.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402

from sanctionwatch.db import make_engine  # noqa: E402
from sanctionwatch.lists import bundled  # noqa: E402
from sanctionwatch.lists.load import load_path  # noqa: E402
from sanctionwatch.maritime.detection import detect_inputs  # noqa: E402
from sanctionwatch.maritime.detectors import registry_vessels  # noqa: E402
from sanctionwatch.maritime.detectors.inputs import prepare  # noqa: E402
from sanctionwatch.maritime.model import Event  # noqa: E402
from sanctionwatch.maritime.simulate import TruthEvent, simulate  # noqa: E402

START = datetime(2026, 3, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Kind:
    truth: str  # truth event type
    event: str  # detected event type
    keep: Callable[[Event], bool] = lambda e: True  # which detected events to count
    also: tuple[str, ...] = ()  # other truth types that a detection may rightly stem from


def _identity(*kinds: str) -> Callable[[Event], bool]:
    return lambda e: e.details.get("kind") in kinds


KINDS = [
    Kind("sts", "encounter"),
    Kind("gap", "gap"),
    # tankers of an STS meeting drift slowly for hours: loitering too
    Kind("loitering", "loitering", also=("sts", "chain")),
    Kind("port_visit", "port_visit", lambda e: e.details.get("port_country") == "KP"),
    # the second hull on a shared MMSI jumps hundreds of km from the first: a spoof-like jump
    Kind("spoof", "identity", _identity("spoof"), also=("mmsi_shared",)),
    Kind("mmsi_shared", "identity", _identity("shared_mmsi")),
    # a renamed hull: a change under its MMSI, or its IMO under a new MMSI; two ships sharing
    # one MMSI also alternate names, which the change detector reports
    Kind("identity_change", "identity", _identity("change", "imo_shared"), also=("mmsi_shared",)),
    Kind("designated", "designated"),
    Kind("chain", "chain"),
]


def matches(event: Event, truth: TruthEvent, slack: timedelta) -> bool:
    shared = set(event.mmsi) & set(truth.mmsi)
    return bool(shared) and event.start <= truth.end + slack and truth.start <= event.end + slack


def designated_table() -> pa.Table:
    """Designated vessels of the bundled real lists (UN, OFAC SDN), loaded into a scratch
    SQLite store."""
    engine = make_engine(f"sqlite:///{Path(tempfile.mkdtemp()) / 'lists.db'}")
    for path in bundled.paths():
        load_path(engine, path)
    return registry_vessels.designated_table(engine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--hours", type=int, default=72)
    parser.add_argument("--vessels", type=int, default=300)
    parser.add_argument("--events", type=int, default=4, help="injected events of each kind")
    parser.add_argument("--slack-min", type=float, default=30.0)
    args = parser.parse_args()
    slack = timedelta(minutes=args.slack_min)
    designated = designated_table()
    tally = {k.truth: [0, 0, 0, 0] for k in KINDS}  # truth, found, detected, correct
    began = time.perf_counter()
    for seed in args.seeds:
        scenario = simulate(seed, START, args.hours, args.vessels, events=args.events)
        inputs = prepare(scenario.positions, scenario.identities, designated)
        found = detect_inputs(inputs)
        for kind in KINDS:
            truths = [t for t in scenario.truth if t.type == kind.truth]
            detected = [e for e in found if e.type == kind.event and kind.keep(e)]
            t = tally[kind.truth]
            t[0] += len(truths)
            t[1] += sum(any(matches(e, tr, slack) for e in detected) for tr in truths)
            t[2] += len(detected)
            allowed = truths + [t for t in scenario.truth if t.type in kind.also]
            t[3] += sum(any(matches(e, tr, slack) for tr in allowed) for e in detected)
    print(
        f"SYNTHETIC scenarios: seeds {args.seeds}, {args.hours} h, {args.vessels} vessels, "
        f"{args.events} injected events of each kind per seed ({time.perf_counter() - began:.0f} s)"
    )
    print(
        f"{'truth type':<16} {'event':<11} {'truth':>6} {'found':>6} {'recall':>7} "
        f"{'detected':>9} {'precision':>10}"
    )
    for kind in KINDS:
        truth, hit, detected, correct = tally[kind.truth]
        recall = hit / truth if truth else float("nan")
        precision = correct / detected if detected else float("nan")
        print(
            f"{kind.truth:<16} {kind.event:<11} {truth:>6} {hit:>6} {recall:>7.3f} "
            f"{detected:>9} {precision:>10.3f}"
        )


if __name__ == "__main__":
    main()
