"""Curated DPRK ports: one entry per port, with its other names, so that aliases resolve.

Coordinates come from the bundled World Port Index subset (gfw_WPI_ports.csv, "WPI") or the
bundled searoute ports (UN/LOCODE, "searoute") wherever either has the port; the five that
neither has use published coordinates named on each line. Those are city or district
coordinates, good to a few km, not berths.
"""

from __future__ import annotations

from typing import NamedTuple


class CuratedPort(NamedTuple):
    id: str
    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    source: str


DPRK_PORTS: tuple[CuratedPort, ...] = (
    # WPI "NAMPO" (searoute KPNAM is 2 km away at 38.733333, 125.416667)
    CuratedPort("KP-NAMPO", "Nampo", ("Chinnampo", "Namp'o", "Nampho"), 38.716667, 125.4, "wpi"),
    # WPI "KYOMIP'O": Kyomipo is the former name of Songnim, the port of the Hwanghae works
    CuratedPort("KP-SONGNIM", "Songnim", ("Kyomipo", "Songrim"), 38.733333, 125.616667, "wpi"),
    # WPI "HAEJU HANG" (searoute KPHAE has the same point)
    CuratedPort("KP-HAEJU", "Haeju", ("Haeju Hang",), 38.0, 125.7, "wpi"),
    # not in WPI or searoute: approximate, Taean-guyok of Nampo on the north bank of the
    # Taedong, upstream (east) of Nampo harbour, placed from the published description of the
    # district (Wikipedia "Taean-guyok"); no gazetteer coordinate available here
    CuratedPort("KP-TAEAN", "Taean", (), 38.80, 125.47, "published:approximate"),
    # WPI "CH'ONGJIN" (searoute KPCHO has the same point)
    CuratedPort("KP-CHONGJIN", "Chongjin", ("Ch'ongjin",), 41.766667, 129.816667, "wpi"),
    # WPI "NAJIN" (searoute KPNJN 42.2333, 130.3)
    CuratedPort("KP-RAJIN", "Rajin", ("Najin", "Rason"), 42.233333, 130.3, "wpi"),
    # WPI "HUNGNAM" (searoute KPHGM 39.8, 127.666667): the port of Hamhung
    CuratedPort("KP-HUNGNAM", "Hungnam", ("Hamhung",), 39.833333, 127.616667, "wpi"),
    # WPI "WONSAN" (searoute KPWON 39.166667, 127.433333)
    CuratedPort("KP-WONSAN", "Wonsan", (), 39.166667, 127.45, "wpi"),
    # WPI "KIMCH'AEK"; searoute KPSON "Songjin", the former name of Kimchaek, same point
    CuratedPort("KP-KIMCHAEK", "Kimchaek", ("Kimch'aek", "Songjin"), 40.666667, 129.2, "wpi"),
    # WPI "SENBONG": Sonbong was called Unggi until 1981
    CuratedPort("KP-SONBONG", "Sonbong", ("Senbong", "Unggi"), 42.333333, 130.4, "wpi"),
    # WPI "CH'AHO"
    CuratedPort("KP-CHAHO", "Chaho", ("Ch'aho",), 40.2, 128.65, "wpi"),
    # not in WPI or searoute: Wikipedia "Sinpo" city coordinates, 40.0347N 128.1856E
    CuratedPort(
        "KP-SINPO", "Sinpo", ("Sinp'o", "Sinpho"), 40.0347, 128.1856, "published:wikipedia"
    ),
    # not in WPI or searoute: Tanchon port 40.46N 128.90E as published by worldports.org
    # ("Tanchon Port"), consistent with Wikipedia's 40 27'N 128 54'E for the city
    CuratedPort("KP-TANCHON", "Tanchon", ("Tanch'on",), 40.46, 128.90, "published:worldports"),
    # not in WPI or searoute: Ryongamp'o workers' district lies in Ryongchon county at the
    # Yalu mouth; Wikipedia "Ryongchon County" gives 39 57'36"N 124 26'06"E (county seat)
    CuratedPort(
        "KP-RYONGAMPO",
        "Ryongampo",
        ("Ryongamp'o", "Yongampo"),
        39.96,
        124.435,
        "published:wikipedia",
    ),
    # not in WPI or searoute: Wikipedia "Sinuiju" city coordinates, 40 06'N 124 24'E
    CuratedPort("KP-SINUIJU", "Sinuiju", ("Sinŭiju",), 40.1, 124.4, "published:wikipedia"),
)
