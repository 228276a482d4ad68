from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.detectors.base import to_events
from sanctionwatch.maritime.detectors.chain import ChainDetector, ChainParams, events_table
from sanctionwatch.maritime.detectors.engines import run_duckdb, run_spark
from sanctionwatch.maritime.model import Event

T0 = datetime(2026, 3, 1, 23, tzinfo=UTC)
TANKER, PARTNER = 445_111_000, 352_000_111


def event(kind: str, mmsi: tuple[int, ...], hours: float, length: float, **details: Any) -> Event:
    start = T0 + timedelta(hours=hours)
    return Event(
        id=f"{kind}-{hours}-{mmsi[0]}",
        type=kind,
        mmsi=mmsi,
        start=start,
        end=start + timedelta(hours=length),
        lat=39.0,
        lon=124.5,
        severity="medium",
        detector=kind,
        params={},
        version="1",
        evidence=(int(hours * 10) + mmsi[0] % 7,),
        details=details,
    )


def story(gap_at: float = 0.0, enc_at: float = 12.0, port_at: float = 30.0) -> list[Event]:
    return [
        event("gap", (TANKER,), gap_at, 8),
        event("encounter", (PARTNER, TANKER), enc_at, 3),
        event("port_visit", (TANKER,), port_at, 10, port_country="KP", port_name="Nampo"),
    ]


def chains(events: list[Event], spark: Any = None, params: ChainParams | None = None) -> Any:
    detector = ChainDetector(params or ChainParams())
    inputs = events_table(events)
    expected = to_events(detector, detector.oracle(inputs))
    assert to_events(detector, run_duckdb([detector], inputs)["chain"]) == expected
    if spark is not None:
        assert to_events(detector, run_spark([detector], inputs, spark)["chain"]) == expected
    return expected


def test_gap_encounter_dprk_port_is_one_chain(spark: Any) -> None:
    found = chains(story(), spark)
    assert len(found) == 1
    chain = found[0]
    assert chain.mmsi == (PARTNER, TANKER) and chain.severity == "high"
    assert chain.details["direction"] == "forward"
    assert chain.start == T0 and chain.end == T0 + timedelta(hours=40)
    assert {chain.details["first_id"], chain.details["last_id"]} == {
        "gap-0.0-445111000",
        "port_visit-30.0-445111000",
    }
    assert len(chain.evidence) == 3


def test_the_reverse_order_is_a_chain_too() -> None:
    found = chains(story(gap_at=30.0, enc_at=12.0, port_at=0.0))
    assert [c.details["direction"] for c in found] == ["reverse"]


def test_a_port_call_outside_the_dprk_breaks_the_chain() -> None:
    events = story()
    events[2] = event("port_visit", (TANKER,), 30, 10, port_country="CN")
    assert chains(events) == []


def test_events_too_far_apart_are_no_chain() -> None:
    assert chains(story(port_at=30.0), params=ChainParams(window_hours=12)) == []


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["gap", "encounter", "port_visit", "loitering"]),
            st.floats(0, 400, allow_nan=False),
            st.sampled_from(["KP", "CN", None]),
        ),
        max_size=8,
    )
)
def test_oracle_and_duckdb_agree(spec: list[tuple[str, float, str | None]]) -> None:
    events = [
        event(
            kind,
            (PARTNER, TANKER) if kind == "encounter" else (TANKER,),
            round(h, 2),
            5,
            port_country=c,
        )
        for kind, h, c in spec
    ]
    events = [replace(e, id=f"{e.id}-{n}") for n, e in enumerate(events)]  # ids are unique
    chains(events)
