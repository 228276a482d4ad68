"""Who sails: MMSIs by flag, ship names, and designated DPRK vessels from the bundled OFAC list."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from sanctionwatch.errors import ParseError

OFAC_SDN = Path(str(resources.files("sanctionwatch") / "data" / "lists"))
OFAC_SDN = OFAC_SDN / "ofac-sdn-2024-05-03" / "sdn.csv"

#: Maritime identification digits (first three of an MMSI) and the flag they stand for.
MIDS: dict[int, str] = {
    445: "KP", 412: "CN", 413: "CN", 414: "CN", 440: "KR", 441: "KR", 431: "JP", 432: "JP",
    351: "PA", 352: "PA", 353: "PA", 354: "PA", 355: "PA", 356: "PA", 357: "PA",
    370: "PA", 371: "PA", 372: "PA", 373: "PA", 667: "SL", 671: "TG", 273: "RU",
    477: "HK", 416: "TW", 636: "LR", 538: "MH",
}  # fmt: skip
# weights of the MIDs above in ordinary traffic
_WEIGHTS = [2, 10, 10, 6, 8, 4, 6, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 3, 4, 2, 2, 2]
_STEMS = (
    "HAI", "XIN", "HUA", "JIN", "FU", "KUM", "SEA", "OCEAN", "STAR", "PACIFIC",
    "HANA", "DONG", "MARU", "ORIENT", "GOLDEN", "SHUN", "YONG", "NAM", "BLUE", "GRACE",
)  # fmt: skip
_TAILS = (
    "FENG", "YANG", "SHENG", "BRIDGE", "GLORY", "WAY", "PIONEER", "LUCK", "HOPE", "DA",
    "CHANG", "RO", "SAN", "RIVER", "VENTURE", "PEARL", "WIND", "TRADER", "ACE", "LIGHT",
)  # fmt: skip
_OFAC_FLAGS = {
    "Korea, North": "KP", "Democratic People's Republic of Korea": "KP", "Panama": "PA",
    "Sierra Leone": "SL", "Togo": "TG", "Mongolia": "MN", "Cambodia": "KH", "Vietnam": "VN",
    "Comoros": "KM", "Tanzania": "TZ", "Belize": "BZ", "Hong Kong": "HK", "China": "CN",
}  # fmt: skip

SHIP_TYPES = {"cargo": 70, "tanker": 80, "fishing": 30}


@dataclass(frozen=True)
class Vessel:
    """A hull and what it broadcasts about itself."""

    mmsi: int
    name: str
    callsign: str
    imo: int | None
    kind: str  # cargo, tanker, fishing
    flag: str
    length: float
    width: float
    designated: bool = False


@dataclass(frozen=True)
class Designated:
    """A DPRK-programme vessel of the OFAC SDN list."""

    name: str
    imo: int
    callsign: str | None
    flag: str
    kind: str


def designated_vessels(path: Path = OFAC_SDN) -> list[Designated]:
    """Vessels of DPRK programmes with an IMO number (remarks "IMO 1234567")."""
    out = []
    with path.open(encoding="latin-1", newline="") as handle:
        for line, row in enumerate(csv.reader(handle), start=1):
            if len(row) < 12:
                if row and row[0].strip() not in ("", "\x1a"):
                    raise ParseError(path, line, f"{len(row)} columns, expected 12")
                continue
            if "DPRK" not in row[3] or row[2].strip().lower() != "vessel":
                continue
            imo = re.search(r"IMO (\d{7})", row[11])
            if imo:
                callsign = row[5].strip()
                kind = "tanker" if "tanker" in row[6].lower() else "cargo"
                flag = _OFAC_FLAGS.get(row[9].strip(), "KP")
                sign = None if callsign in ("", "-0-") else callsign
                out.append(Designated(row[1].strip(), int(imo.group(1)), sign, flag, kind))
    return out


@cache
def listed_imos(path: Path = OFAC_SDN) -> frozenset[int]:
    """Every IMO number the bundled OFAC SDN file mentions."""
    text = path.read_text(encoding="latin-1")
    return frozenset(int(m) for m in re.findall(r"IMO (\d{7})", text))


class Registry:
    """Draws unique MMSIs, names and call signs from one random generator."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self._used: set[int] = set()
        self._mids = np.array(list(MIDS))
        self._p = np.array(_WEIGHTS, dtype=float) / sum(_WEIGHTS)

    def mmsi(self, mid: int | None = None) -> int:
        while True:
            prefix = int(mid if mid is not None else self.rng.choice(self._mids, p=self._p))
            value = prefix * 1_000_000 + int(self.rng.integers(0, 1_000_000))
            if value not in self._used:
                self._used.add(value)
                return value

    def imo(self) -> int:
        """A valid IMO number that no vessel of the bundled OFAC list has (so benign traffic
        never matches a designation by chance)."""
        while True:
            value = _with_check_digit(int(self.rng.integers(800_000, 990_000)))
            if value not in listed_imos():
                return value

    def name(self) -> str:
        stem, tail = self.rng.choice(_STEMS), self.rng.choice(_TAILS)
        return f"{stem} {tail} {int(self.rng.integers(1, 99))}"

    def callsign(self, flag: str) -> str:
        letters = "".join(self.rng.choice(list("ABCDEFGHJKLMNPQRSTUVWXYZ"), 3))
        return f"{flag[:1]}{letters}{int(self.rng.integers(1, 9))}"

    def vessel(self, kind: str, mid: int | None = None) -> Vessel:
        mmsi = self.mmsi(mid)
        flag = MIDS[mmsi // 1_000_000]
        length = {"fishing": 25.0, "cargo": 110.0, "tanker": 120.0}[kind]
        length *= float(self.rng.uniform(0.6, 1.6))
        imo = None if kind == "fishing" else self.imo()
        name, sign = self.name(), self.callsign(flag)
        return Vessel(mmsi, name, sign, imo, kind, flag, round(length, 1), round(length / 6.5, 1))

    def designated(self, entry: Designated) -> Vessel:
        vessel = self.vessel(entry.kind, mid=445 if entry.flag == "KP" else None)
        sign = entry.callsign or vessel.callsign
        return replace(vessel, name=entry.name, imo=entry.imo, callsign=sign, designated=True)


def _with_check_digit(six: int) -> int:
    """A valid IMO number from its first six digits (weights 7..2, last digit = sum mod 10)."""
    digits = [int(c) for c in f"{six:06d}"]
    check = sum(d * w for d, w in zip(digits, range(7, 1, -1), strict=True)) % 10
    return six * 10 + check
