"""Normalized sanctions regimes: every authority's program names -> one code.

All North Korea programs of every authority map to ``dprk`` (OFAC ``DPRK``,
``DPRK2``..``DPRK4``, ``DPRK-NKSPEA``, ``NKSPEA``; UN ``DPRK`` / 1718; EU
``PRK``; UK and AU "Democratic People's Republic of Korea"). A program no rule
knows maps to ``other`` so counts never silently lose a designation.
"""

from __future__ import annotations

import re

# (regime, pattern) in priority order; patterns match the upper-cased program.
_RULES: tuple[tuple[str, str], ...] = (
    (
        "dprk",
        r"DPRK|NKSPEA|NORTH\s*KOREA|KOREA,?\s*NORTH|DEMOCRATIC PEOPLE.S REPUBLIC OF KOREA"
        r"|^PRK\b|\b1718\b|\bKP[IE]?\b",
    ),
    ("iran", r"IRAN|IFSR|IRGC|NPWMD-IR|^IRN\b|\b2231\b|\b1737\b|HRIT-IR|^IFCA\b|^ISA\b"),
    (
        "russia",
        r"RUSSIA|RUSSIAN|UKRAINE|\bRUS\b|EO\s*14024|CAATSA\s*-\s*RUSSIA|^UKR\b|CRIMEA"
        r"|^PEESA\b",
    ),
    ("belarus", r"BELARUS|^BLR\b"),
    ("syria", r"SYRIA|^SYR\b"),
    (
        "counter-terrorism",
        r"SDGT|^NS-PLC\b|^HIFPAA\b|\bSDT\b|\bFTO\b|TERROR|ISIL|DA.ESH|AL-QA.IDA|TALIBAN|\b1267\b"
        r"|\b1988\b|^TAQA\b|^AQ\b|\bTL\b",
    ),
    ("cyber", r"CYBER"),
    ("non-proliferation", r"NPWMD|PROLIFERATION|WMD"),
    ("narcotics", r"SDNTK?|NARCOTIC|KINGPIN|ILLICIT-DRUGS|FTOSDNTK"),
    ("human-rights", r"GLOMAG|MAGNIT|HUMAN.RIGHTS|HRIT|^UHRPA\b"),
    ("organized-crime", r"^TCO\b|TRANSNATIONAL CRIMINAL"),
    ("election-interference", r"ELECTION"),
    ("hostage-taking", r"HOSTAGE"),
    ("nicaragua", r"NICARAGUA|^NIC\b"),
    ("hong-kong", r"^HK-|HONG KONG AUTONOMY"),
    ("west-bank", r"WEST-BANK|WEST BANK"),
    ("ethiopia", r"ETHIOPIA"),
    ("venezuela", r"VENEZUELA|^VEN\b"),
    ("cuba", r"CUBA"),
    ("myanmar", r"BURMA|MYANMAR|^MMR\b"),
    ("iraq", r"IRAQ|^IRQ\b|\b1518\b"),
    ("libya", r"LIBYA|^LBY\b|\b1970\b"),
    ("sudan", r"SUDAN|DARFUR|^SDN\b|\b1591\b"),
    ("somalia", r"SOMALIA|^SOM\b|\b751\b"),
    ("yemen", r"YEMEN|^YEM\b|\b2140\b"),
    ("drc", r"CONGO|^DRC\b|^COD\b|\b1533\b"),
    ("car", r"CENTRAL AFRICAN|^CAR\b|^CAF\b|\b2127\b"),
    ("mali", r"MALI|\b2374\b"),
    ("south-sudan", r"SOUTH SUDAN|^SSD\b|\b2206\b"),
    ("haiti", r"HAITI|^HTI\b|\b2653\b"),
    ("lebanon", r"LEBANON|^LBN\b|\b1636\b"),
    ("balkans", r"BALKANS|WESTERN BALKANS"),
)
_COMPILED = tuple((regime, re.compile(pattern)) for regime, pattern in _RULES)

# UN list types (UN_LIST_TYPE in the consolidated XML) -> regime.
_UN_LIST_TYPES = {
    "DPRK": "dprk",
    "AL-QAIDA": "counter-terrorism",
    "TALIBAN": "counter-terrorism",
    "ISIL (DA'ESH) AND AL-QAIDA": "counter-terrorism",
    "1988": "counter-terrorism",
    "IRAQ": "iraq",
    "LIBYA": "libya",
    "SUDAN": "sudan",
    "SOUTH SUDAN": "south-sudan",
    "SOUTHSUDAN": "south-sudan",
    "SOMALIA": "somalia",
    "AL-SHABAAB": "somalia",
    "DRC": "drc",
    "CAR": "car",
    "MALI": "mali",
    "YEMEN": "yemen",
    "HAITI": "haiti",
    "LEBANON": "lebanon",
    "GB": "drc",
}


def regime_of(program: str) -> str:
    """The normalized regime code of one program name, ``other`` when unknown."""
    text = " ".join(program.upper().split())
    if text in _UN_LIST_TYPES:
        return _UN_LIST_TYPES[text]
    for regime, pattern in _COMPILED:
        if pattern.search(text):
            return regime
    return "other"


def regimes_of(programs: list[str]) -> set[str]:
    """Every regime a set of program names falls under."""
    return {regime_of(p) for p in programs if p.strip()}
