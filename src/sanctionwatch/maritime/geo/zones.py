"""Named sea areas: the DPRK EEZ and known ship-to-ship (STS) transfer areas."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt
import shapely  # type: ignore[import-untyped]
from shapely.geometry.base import BaseGeometry  # type: ignore[import-untyped]

from sanctionwatch.errors import ParseError
from sanctionwatch.maritime.geo.files import DPRK_EEZ, read_geojson


@dataclass(frozen=True)
class Zone:
    """A named area: kind is "eez" or "sts_area"; polygon in lon/lat degrees."""

    id: str
    name: str
    kind: str
    polygon: BaseGeometry


# Known STS transfer areas: coarse boxes drawn for this project around waters where the UN
# Panel of Experts (1718 Committee) final reports describe illicit ship-to-ship transfers of
# refined petroleum and coal with DPRK tankers (e.g. S/2018/171, S/2019/171, S/2020/151,
# S/2021/211). The boxes are not taken from the reports, which give points and narratives;
# they only say "an STS hot spot" for scoring. Corners as (lon, lat).
STS_AREAS: tuple[tuple[str, str, tuple[tuple[float, float], ...]], ...] = (
    (
        "sts:korea-bay",
        "Korea Bay / West Sea off Nampo",
        ((123.6, 38.3), (125.0, 38.3), (125.0, 38.6), (124.6, 39.4), (123.6, 39.4)),
    ),
    (
        "sts:east-china-sea",
        "East China Sea STS area (off Shanghai and Zhoushan)",
        ((122.6, 29.5), (124.5, 29.5), (124.5, 32.0), (122.6, 32.0)),
    ),
    (
        "sts:yellow-sea-shandong",
        "Yellow Sea off the Shandong peninsula",
        ((122.8, 36.6), (124.2, 36.6), (124.2, 38.0), (122.8, 38.0)),
    ),
    (
        "sts:vostochny",
        "Sea of Japan off Vostochny and Nakhodka",
        ((132.6, 42.2), (133.6, 42.2), (133.6, 42.6), (132.6, 42.6)),
    ),
)


# DPRK coastal waters of the West Sea (Korea Bay to Haeju), which the GFW EEZ file (East Sea
# side only) lacks: a coarse polygon drawn for this project around the DPRK west coast, kept
# north of the ROK islands (Baengnyeong 37.96N, Yeonpyeong 37.66N). Approximate, for scoring.
DPRK_WEST_SEA = (
    "kp:west-sea",
    "DPRK coastal waters, West Sea (approximate)",
    (
        (124.3, 39.85), (124.3, 39.3), (124.6, 38.5), (124.9, 38.15), (125.4, 37.85),
        (125.9, 37.75), (125.9, 38.3), (125.5, 39.0), (125.2, 39.6), (124.6, 40.0),
    ),
)  # fmt: skip


@cache
def load_zones() -> tuple[Zone, ...]:
    """The DPRK EEZ (GFW, East Sea side), DPRK West Sea coastal waters and the STS areas,
    each polygon prepared."""
    zones = [_dprk_eez()]
    id_, name, ring = DPRK_WEST_SEA
    zones.append(Zone(id_, name, "coastal_waters", shapely.Polygon(ring)))
    zones += [Zone(id_, name, "sts_area", shapely.Polygon(ring)) for id_, name, ring in STS_AREAS]
    for zone in zones:
        shapely.prepare(zone.polygon)
    return tuple(zones)


def _dprk_eez() -> Zone:
    features = read_geojson(DPRK_EEZ)
    if not features:
        raise ParseError(DPRK_EEZ, None, "no feature")
    polygon = shapely.geometry.shape(features[0]["geometry"])
    return Zone("eez:PRK", "DPRK claimed EEZ (East Sea)", "eez", polygon)


def zones_at(lat: float, lon: float) -> list[Zone]:
    """The zones containing the point."""
    return [z for z in load_zones() if shapely.contains_xy(z.polygon, lon, lat)]


def in_zone(zone: Zone, lat: npt.ArrayLike, lon: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """Whether each point lies in `zone`; vectorised."""
    return np.asarray(shapely.contains_xy(zone.polygon, np.asarray(lon), np.asarray(lat)))


def zone(zone_id: str) -> Zone:
    """The zone with this id (KeyError if none)."""
    return {z.id: z for z in load_zones()}[zone_id]
