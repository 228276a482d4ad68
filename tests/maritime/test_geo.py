"""Ports gazetteer, zones and great-circle distance, on the bundled real data."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.errors import NotFoundError, ParseError
from sanctionwatch.maritime.geo import find_port, haversine_km, load_ports, zones_at
from sanctionwatch.maritime.geo.files import read_shp_polygons
from sanctionwatch.maritime.geo.ports import dprk_ports

WPI_CSV = Path(__file__).parents[1] / "data" / "geo" / "gfw_WPI_ports.csv"
NAMED_DPRK_PORTS = (
    "Nampo", "Songnim", "Haeju", "Taean", "Chongjin", "Rajin", "Najin", "Hungnam", "Wonsan",
    "Kimchaek", "Sonbong", "Hamhung", "Sinpo", "Tanchon", "Ryongampo", "Ryongamp'o", "Sinuiju",
    "Chinnampo", "Unggi",
)  # fmt: skip


@pytest.mark.parametrize("name", NAMED_DPRK_PORTS)
def test_every_named_dprk_port_is_in_the_gazetteer_with_coordinates_in_the_dprk(name: str) -> None:
    port = find_port(name)
    assert port.country == "KP"
    assert 37.5 < port.lat < 43.0 and 124.0 < port.lon < 131.0
    assert port in load_ports()


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [("Najin", "Rajin"), ("Chinnampo", "Nampo"), ("NAMP'O", "Nampo"), ("Hamhung", "Hungnam"),
     ("Unggi", "Sonbong"), ("Songjin", "Kimchaek"), ("Kyomipo", "Songnim"), ("KP-RAJIN", "Rajin")],
)  # fmt: skip
def test_aliases_resolve_to_one_port(alias: str, canonical: str) -> None:
    assert find_port(alias) is find_port(canonical)
    assert sum(1 for p in load_ports() if p.name == canonical) == 1


def test_unknown_port_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        find_port("Atlantis")


def test_wpi_sourced_dprk_ports_keep_the_wpi_coordinates() -> None:
    with WPI_CSV.open(encoding="utf-8", newline="") as handle:
        wpi = [
            (float(r["latitude"]), float(r["longitude"]))
            for r in csv.DictReader(handle)
            if r["iso3"] == "PRK"
        ]
    assert len(wpi) == 10
    for port in dprk_ports():
        if port.source == "wpi":
            assert min(abs(port.lat - a) + abs(port.lon - b) for a, b in wpi) < 1e-5, port.name
    # every WPI DPRK port is one of the curated ports, none is lost
    lats = np.array([p.lat for p in dprk_ports()])
    lons = np.array([p.lon for p in dprk_ports()])
    for lat, lon in wpi:
        assert haversine_km(lat, lon, lats, lons).min() < 0.01


def test_port_ids_are_unique_and_foreign_ports_are_there() -> None:
    ports = load_ports()
    assert len({p.id for p in ports}) == len(ports)
    assert find_port("Shanghai").country == "CN"
    assert find_port("Pusan").country == "KR"
    assert find_port("Vostochny").country == "RU"


def test_dprk_eez_contains_a_point_off_wonsan_and_not_one_off_busan() -> None:
    assert "eez:PRK" in [z.id for z in zones_at(39.35, 127.9)]
    assert zones_at(35.0, 129.2) == []


def test_sts_areas_cover_the_documented_waters() -> None:
    assert "sts:east-china-sea" in [z.id for z in zones_at(31.0, 123.5)]
    assert "sts:korea-bay" in [z.id for z in zones_at(38.9, 124.3)]
    assert {z.kind for z in zones_at(31.0, 123.5)} == {"sts_area"}


def test_haversine_across_the_antimeridian() -> None:
    assert haversine_km(0.0, 179.9, 0.0, -179.9) == pytest.approx(22.24, abs=0.05)
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.2, abs=0.1)
    out = haversine_km(
        np.zeros(3), np.array([179.9, 10.0, -179.9]), 0.0, np.array([-179.9, 10.0, 179.9])
    )
    assert out.shape == (3,) and out[1] == 0.0 and out[0] == pytest.approx(out[2])


lats = st.floats(-89.9, 89.9)
lons = st.floats(-180.0, 180.0)


@given(lats, lons, lats, lons)
def test_haversine_is_a_symmetric_bounded_distance_blind_to_360_degree_shifts(
    a: float, b: float, c: float, d: float
) -> None:
    ab = float(haversine_km(a, b, c, d))
    assert ab == pytest.approx(float(haversine_km(c, d, a, b)), abs=1e-6)
    assert 0.0 <= ab <= np.pi * 6371.0088 + 1e-6
    assert ab == pytest.approx(float(haversine_km(a, b + 360.0, c, d)), abs=1e-6)


def test_shapefile_reader_refuses_what_is_not_a_shapefile(tmp_path: Path) -> None:
    junk = tmp_path / "junk.shp"
    junk.write_bytes(WPI_CSV.read_bytes()[:500])
    with pytest.raises(ParseError):
        read_shp_polygons(junk)
