"""Program names of every authority map to one regime code; all North Korea programs to dprk."""

from __future__ import annotations

import pytest

from sanctionwatch.lists.regimes import regime_of, regimes_of


@pytest.mark.parametrize(
    "program",
    [
        "DPRK",
        "DPRK2",
        "DPRK3",
        "DPRK4",
        "DPRK-NKSPEA",
        "NKSPEA",  # OFAC
        "PRK",  # EU
        "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019",  # UK
        "Democratic People's Republic of Korea",  # UK OFSI
        "1718 (DPRK)",  # Australia
    ],
)
def test_every_north_korea_program_is_dprk(program: str) -> None:
    assert regime_of(program) == "dprk"


@pytest.mark.parametrize(
    "program,regime",
    [
        ("IRAN", "iran"),
        ("IFSR", "iran"),
        ("RUSSIA-EO14024", "russia"),
        ("UKRAINE-EO13662", "russia"),
        ("SDGT", "counter-terrorism"),
        ("Al-Qaida", "counter-terrorism"),
        ("Taliban", "counter-terrorism"),
        ("CYBER2", "cyber"),
        ("NPWMD", "non-proliferation"),
        ("SDNTK", "narcotics"),
        ("GLOMAG", "human-rights"),
        ("SouthSudan", "south-sudan"),
        ("SYRIA", "syria"),
        ("a program nobody knows", "other"),
    ],
)
def test_other_regimes(program: str, regime: str) -> None:
    assert regime_of(program) == regime


def test_multi_program_designation() -> None:
    assert regimes_of(["DPRK3", "CYBER2", " "]) == {"dprk", "cyber"}
