"""The ports gazetteer: WPI and searoute ports of the region plus the curated DPRK ports."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np

from sanctionwatch.errors import NotFoundError, ParseError
from sanctionwatch.maritime.geo.distance import haversine_km
from sanctionwatch.maritime.geo.dprk_ports import DPRK_PORTS
from sanctionwatch.maritime.geo.files import SEAROUTE_PORTS, WPI_PORTS, read_geojson

#: The region the bundled data covers: (lon_min, lat_min, lon_max, lat_max).
REGION = (100.0, 15.0, 150.0, 50.0)
DUPLICATE_KM = 5.0  # a WPI port this close to a searoute port is the same port


@cache
def _iso3_to_2() -> dict[str, str]:
    """ISO 3166 alpha-3 to alpha-2 codes, from rigour's territory data (a FtM dependency)."""
    from rigour.territories import get_territories

    return {t.alpha3.upper(): t.code.upper() for t in get_territories() if t.alpha3}


@dataclass(frozen=True)
class Port:
    """A port: id, name, ISO 3166 alpha-2 country, position, and where it comes from."""

    id: str
    name: str
    country: str
    lat: float
    lon: float
    source: str  # "wpi", "searoute", "published:..."
    aliases: tuple[str, ...] = ()


def normalise_name(name: str) -> str:
    """Lower case ASCII letters and digits only: "Ch'ongjin" and "CHONGJIN" compare equal."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_name.lower())


def in_region(lat: float, lon: float) -> bool:
    return REGION[0] <= lon <= REGION[2] and REGION[1] <= lat <= REGION[3]


def load_ports() -> list[Port]:
    """Every port of the region (see `_ports`); a fresh list, the ports are shared."""
    return list(_ports())


@cache
def _ports() -> tuple[Port, ...]:
    """Every port: of the region, the curated DPRK ports, then searoute's, then WPI's; then
    WPI's ports of the rest of the world (so that real AIS from anywhere meets its ports).

    DPRK entries of WPI and searoute are folded into the curated ports (they are their
    sources); a WPI port within DUPLICATE_KM of a searoute port is dropped as a duplicate.
    """
    ports = [Port(p.id, p.name, "KP", p.lat, p.lon, p.source, p.aliases) for p in DPRK_PORTS]
    ports += [p for p in _searoute_ports() if p.country != "KP"]
    ports += _new_ports(_wpi_ports(), ports)
    ports += _wpi_ports(outside=True)  # the rest of the world: WPI only
    return tuple(ports)


def _new_ports(candidates: list[Port], known: list[Port]) -> list[Port]:
    lat = np.array([p.lat for p in known])
    lon = np.array([p.lon for p in known])
    return [
        p
        for p in candidates
        if p.country != "KP" and haversine_km(p.lat, p.lon, lat, lon).min() > DUPLICATE_KM
    ]


def _searoute_ports() -> list[Port]:
    """searoute's ports of the region; of entries sharing a LOCODE the first is kept."""
    ports: dict[str, Port] = {}
    for feature in read_geojson(SEAROUTE_PORTS):
        props, (lon, lat) = feature["properties"], feature["geometry"]["coordinates"]
        code = str(props["port"])
        if in_region(lat, lon) and code not in ports:
            ports[code] = Port(code, str(props["name"]).strip(), code[:2], lat, lon, "searoute")
    return list(ports.values())


def _wpi_ports(outside: bool = False) -> list[Port]:
    """WPI ports of the region (or, with `outside`, of the rest of the world)."""
    ports: list[Port] = []
    seen: set[str] = set()
    with WPI_PORTS.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except (KeyError, TypeError, ValueError) as exc:
                raise ParseError(WPI_PORTS, line, f"bad coordinates: {exc}") from exc
            if in_region(lat, lon) != outside:
                iso3, label = row["iso3"], row["label"].strip()
                port_id = _unique(f"WPI-{iso3}-{normalise_name(label).upper()}", seen)
                ports.append(
                    Port(port_id, label.title(), _iso3_to_2().get(iso3, iso3), lat, lon, "wpi")
                )
    return ports


def _unique(port_id: str, seen: set[str]) -> str:
    """`port_id`, or with -2, -3, ... when taken (WPI has same-named ports in one country)."""
    n, found = 1, port_id
    while found in seen:
        n += 1
        found = f"{port_id}-{n}"
    seen.add(found)
    return found


@cache
def _by_name() -> dict[str, Port]:
    index: dict[str, Port] = {}
    for port in reversed(_ports()):  # earlier (curated) entries win
        for name in (port.name, *port.aliases, port.id):
            index[normalise_name(name)] = port
    return index


def find_port(name: str) -> Port:
    """The port called `name` (or one of its aliases, or its id); NotFoundError if none."""
    try:
        return _by_name()[normalise_name(name)]
    except KeyError:
        raise NotFoundError(f"no port named {name!r}") from None


def dprk_ports() -> tuple[Port, ...]:
    """The curated DPRK ports."""
    return tuple(p for p in _ports() if p.country == "KP")
