"""GFW NDJSON reader, on GlobalFishingWatch/gpsdio-segment's own test tracks."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pyarrow.compute as pc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.model import IDENTITIES, POSITIONS
from sanctionwatch.maritime.readers import gfw

GFW = Path(__file__).parent.parent / "data" / "ais" / "gfw"


def _lines(name: str) -> list[str]:
    return (GFW / name).read_text().splitlines()


def test_impossible_position_is_refused_and_counted() -> None:
    result = gfw.read(GFW / "263576000.ndjson")
    # the 11:35:06 report says lat 91, lon 181: AIS's "position not available"
    assert result.rejects.counts == {
        "position not available": 1,
        "no position": 19,
        "duplicate": 233,
    }
    assert result.positions.num_rows + result.rejects.total == len(_lines("263576000.ndjson"))
    assert result.positions.schema == POSITIONS
    assert pc.max(pc.abs(result.positions["lat"])).as_py() <= 90
    assert pc.max(pc.abs(result.positions["lon"])).as_py() <= 180
    stamp = datetime(2015, 10, 15, 11, 35, 6, tzinfo=UTC)
    assert stamp not in result.positions["ts"].to_pylist()


def test_positions_keep_gfw_fields() -> None:
    result = gfw.read(GFW / "338013000.ndjson")
    first = result.positions.slice(0, 1).to_pylist()[0]
    assert first["mmsi"] == 338013000
    assert first["ts"] == datetime(2017, 7, 18, 0, 7, 20, tzinfo=UTC)
    assert (first["lat"], first["lon"]) == (-14.3350553513, -170.6182098389)
    assert abs(first["sog"] - 10.8) < 1e-5
    assert first["source"] == "338013000.ndjson"
    assert result.rejects.counts == {"no position": 60, "duplicate": 170}


def test_space_separated_times_without_zone_are_utc() -> None:
    result = gfw.read(GFW / "416000000.ndjson")
    assert result.positions["ts"][0].as_py() == datetime(2014, 1, 1, 1, 14, 25, tzinfo=UTC)
    assert result.rejects.counts == {"duplicate": 107}


def test_expected_segment_of_every_position() -> None:
    expected = gfw.read_expected(GFW / "338013000.ndjson")
    positions = gfw.read(GFW / "338013000.ndjson").positions
    assert set(expected) == set(positions["row_id"].to_pylist())
    assert len(set(expected.values())) == 24
    assert gfw.read_expected(GFW / "263576000.ndjson") == {}


def test_bad_lines_and_bad_mmsi_are_counted(tmp_path: Path) -> None:
    good = _lines("338013000.ndjson")[:5]
    bad_mmsi = json.loads(good[0]) | {"ssvid": "not-a-number", "timestamp": "2017-07-18T00:00:00Z"}
    path = tmp_path / "mixed.ndjson"
    path.write_text("\n".join([*good, "{not json", "[1, 2]", json.dumps(bad_mmsi), ""]))
    result = gfw.read(path)
    clean = gfw.read(GFW / "338013000.ndjson")  # the same 5 lines hold one duplicate
    assert result.rejects.counts == {"bad line": 2, "bad mmsi": 1, "duplicate": 1}
    assert result.positions.num_rows == 4
    assert result.positions["row_id"].to_pylist() == clean.positions["row_id"].to_pylist()[:4]


def test_identity_fields_become_identities(tmp_path: Path) -> None:
    line = json.loads(_lines("338013000.ndjson")[0])
    line |= {"shipname": "FRIESLAND", "callsign": "WDE6789", "imo": 9310953}
    path = tmp_path / "ident.ndjson"
    path.write_text(json.dumps(line) + "\n")
    identities = gfw.read(path).identities
    assert identities.schema == IDENTITIES
    row = identities.to_pylist()[0]
    assert (row["name"], row["callsign"], row["imo"]) == ("FRIESLAND", "WDE6789", 9310953)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.lists(st.text(max_size=40), max_size=8))
def test_junk_never_crashes_and_every_line_is_accounted(tmp_path: Path, junk: list[str]) -> None:
    lines = _lines("263576000.ndjson")[:20] + [j.replace("\n", " ") for j in junk]
    path = tmp_path / "junk.ndjson"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", errors="surrogatepass"))
    result = gfw.read(path)
    nonblank = sum(1 for line in lines if line.strip())  # a "\r" inside a line does not split it
    assert result.positions.num_rows + result.rejects.total == nonblank
