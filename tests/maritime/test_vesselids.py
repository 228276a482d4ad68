"""MMSI kinds and flags, IMO check digits, against real designated vessels."""

from __future__ import annotations

import csv
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.maritime.vesselids import (
    MID_COUNTRY,
    mid,
    mmsi_country,
    mmsi_kind,
    valid_imo,
    valid_mmsi,
)
from tests.conftest import OFAC

SDN = OFAC / "sdn-2024-05-03" / "sdn.csv"


def _vessel_imos(dprk_only: bool) -> list[tuple[str, str]]:
    """(name, IMO) of every vessel in the OFAC SDN extract, from remarks "IMO 1234567"."""
    with SDN.open(encoding="latin-1", newline="") as handle:
        rows = [r for r in csv.reader(handle) if len(r) > 11 and r[2].strip() == "vessel"]
    return [
        (r[1], imo)
        for r in rows
        if not dprk_only or "DPRK" in r[3]
        for imo in re.findall(r"IMO (\d{7})", r[11])
    ]


def test_every_designated_dprk_vessel_imo_passes_the_check_digit() -> None:
    vessels = _vessel_imos(dprk_only=True)
    assert len(vessels) >= 50
    assert ("CHONG CHON GANG", "7937317") in vessels
    assert [v for v in vessels if not valid_imo(v[1])] == []


def test_every_sdn_vessel_imo_passes_the_check_digit() -> None:
    vessels = _vessel_imos(dprk_only=False)
    assert len(vessels) > 300
    assert [v for v in vessels if not valid_imo(v[1])] == []


@pytest.mark.parametrize("imo", ["7937317", "IMO 8829555", 9310953, "imo 7632955"])
def test_real_imo_numbers_are_valid(imo: str | int) -> None:
    assert valid_imo(imo)


@pytest.mark.parametrize("imo", ["7937318", "793731", "79373170", "", "IMO", "0000000", "abcdefg"])
def test_malformed_imo_numbers_are_invalid(imo: str) -> None:
    assert not valid_imo(imo)


@given(st.integers(1_000_000, 9_999_999))
def test_one_changed_digit_breaks_the_check(imo: int) -> None:
    text = str(imo)
    if valid_imo(text):
        flipped = text[:-1] + str((int(text[-1]) + 1) % 10)
        assert not valid_imo(flipped)


@pytest.mark.parametrize(
    ("mmsi", "country"),
    [
        (445123000, "KP"),
        (440123456, "KR"),
        (441123456, "KR"),
        (412000001, "CN"),
        (413000001, "CN"),
        (414000001, "CN"),
        (431000001, "JP"),
        (432000001, "JP"),
        (273000001, "RU"),
        (351000001, "PA"),
        (357000001, "PA"),
        (370000001, "PA"),
        (373000001, "PA"),
        (667000001, "SL"),
        (671000001, "TG"),
        (511000001, "PW"),
        (341000001, "KN"),
        (620000001, "KM"),
        (338013000, "US"),
        (263576000, "PT"),
        (416000000, "TW"),
        (477000001, "HK"),
    ],
)
def test_mmsi_country(mmsi: int, country: str) -> None:
    assert mmsi_country(mmsi) == country
    assert mmsi_country(str(mmsi)) == country


@pytest.mark.parametrize(
    ("mmsi", "kind", "country"),
    [
        (445123000, "ship", "KP"),
        (4451234, "coast", "KP"),  # 004451234 as an integer
        ("004451234", "coast", "KP"),
        ("044512345", "group", "KP"),
        (111445123, "sar", "KP"),
        (994451234, "aton", "KP"),
        (984451234, "craft", "KP"),
        (844512345, "handheld", "KP"),
        (970123456, "sart", None),
        (972123456, "mob", None),
        (974123456, "epirb", None),
        (123456789, "invalid", None),  # MID 123 is not allocated
        (0, "invalid", None),
        (1_000_000_000, "invalid", None),
        (-445123000, "invalid", None),
        ("44512300", "invalid", None),  # eight digits as text
        ("abc", "invalid", None),
    ],
)
def test_mmsi_kind(mmsi: int | str, kind: str, country: str | None) -> None:
    assert mmsi_kind(mmsi) == kind
    assert valid_mmsi(mmsi) == (kind != "invalid")
    if kind != "invalid":
        assert mmsi_country(mmsi) == country


def test_mid_table_is_itu_shaped() -> None:
    assert len(MID_COUNTRY) > 280
    assert all(201 <= k <= 775 for k in MID_COUNTRY)
    assert all(re.fullmatch(r"[A-Z]{2}", v) for v in MID_COUNTRY.values())
    assert mid(445123000) == 445
    assert mid(970123456) is None


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_kind_never_crashes_and_agrees_with_validity(mmsi: int) -> None:
    kind = mmsi_kind(mmsi)
    assert valid_mmsi(mmsi) == (kind != "invalid")
    if not 0 < mmsi <= 999_999_999:
        assert kind == "invalid"
