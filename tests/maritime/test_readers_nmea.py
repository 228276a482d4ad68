"""The NMEA reader on the pyais sample logs (real sentences) and hand-made junk.

Expected values were decoded by hand with pyais (`NMEASentenceFactory.produce(line).decode()`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.maritime.model import IDENTITIES, POSITIONS
from sanctionwatch.maritime.readers import nmea
from sanctionwatch.maritime.readers.nmea_lines import LineError, parse, parse_time

AIS = Path(__file__).parent.parent / "data" / "ais"
DEFAULT = datetime(2020, 1, 1, tzinfo=UTC)


def by_mmsi(table: object) -> dict[int, dict[str, object]]:
    return {row["mmsi"]: row for row in table.to_pylist()}  # type: ignore[attr-defined]


def test_plain_log_without_times_is_refused_unless_given_a_default_time() -> None:
    bare = nmea.read(AIS / "nmea" / "pyais_messages.ais")
    assert bare.positions.num_rows == 0
    assert bare.rejects.counts == {"no timestamp": 6}

    dated = nmea.read(AIS / "nmea" / "pyais_messages.ais", default_time=DEFAULT)
    assert dated.positions.schema == POSITIONS
    assert dated.rejects.counts == {"duplicate": 3}  # the file lists the same 3 reports twice
    rows = by_mmsi(dated.positions)
    assert sorted(rows) == [412764890, 413355820, 445451000]
    assert rows[413355820]["lat"] == pytest.approx(39.932017)
    assert rows[413355820]["lon"] == pytest.approx(119.698612)
    assert rows[413355820]["sog"] == 0.0
    assert rows[413355820]["cog"] == pytest.approx(342.1)
    assert rows[413355820]["heading"] == 259.0
    assert rows[445451000]["heading"] is None  # 511: not available
    assert {r["ts"] for r in rows.values()} == {DEFAULT}


def test_gatehouse_line_dates_only_the_sentence_after_it() -> None:
    result = nmea.read(AIS / "nmea" / "pyais_gatehouse.nmea")
    rows = by_mmsi(result.positions)
    assert sorted(rows) == [367309370, 445451000]
    assert rows[367309370]["ts"] == datetime(2008, 5, 9, 0, 0, 0, 10_000, tzinfo=UTC)
    assert rows[367309370]["lat"] == pytest.approx(48.177737)
    assert rows[367309370]["lon"] == pytest.approx(-122.765622)
    assert rows[367309370]["sog"] == pytest.approx(11.1)
    assert rows[445451000]["ts"] == datetime(2009, 5, 9, 0, 0, 0, 10_000, tzinfo=UTC)
    # 413355820 and 412764890 follow a comment or another sentence, not a $PGHP line
    assert result.rejects.counts == {"no timestamp": 2}
    twin = nmea.read(AIS / "nmea" / "pyais_timestamped.ais").positions  # same lines
    assert twin.drop_columns(["source"]).equals(result.positions.drop_columns(["source"]))


def test_tag_blocks_multipart_message_5_and_junk_in_the_pyais_sample() -> None:
    result = nmea.read(AIS / "nmea" / "pyais_sample.ais")
    assert result.rejects.counts == {"bad checksum": 1, "bad nmea": 2, "no timestamp": 9}
    assert result.identities.schema == IDENTITIES
    [identity] = result.identities.to_pylist()  # two !SAVDM fragments, tag block c:1428621738
    assert identity["mmsi"] == 366989380
    assert identity["ts"] == datetime(2015, 4, 9, 23, 22, 18, tzinfo=UTC)
    assert identity["name"] == "MARE ISLAND"
    assert identity["callsign"] == "WDC2198"
    assert identity["ship_type"] == 60
    assert identity["destination"] == "<> SFO VJ/FB"
    assert (identity["length"], identity["width"]) == (42.0, 10.0)
    assert identity["draught"] == pytest.approx(1.8)
    assert identity["imo"] is None  # 0 in the message
    [position] = result.positions.to_pylist()  # after the $PGHP,1,2009,... line
    assert (position["mmsi"], position["ts"].year) == (445451000, 2009)


def test_pyais_sample_with_a_default_time() -> None:
    result = nmea.read(AIS / "nmea" / "pyais_sample.ais", default_time=DEFAULT)
    expected = {227006760, 205448890, 249191000, 316013198, 366913120, 413355820, 445451000}
    assert set(result.positions["mmsi"].to_pylist()) == expected
    # 786434 has 6 digits: refused twice; 366913120 is repeated at the same (default) time
    assert result.rejects.counts == {
        "bad checksum": 1,
        "bad mmsi": 2,
        "bad nmea": 2,
        "duplicate": 1,
    }


def test_message_types_18_19_24_27_and_time_dialects() -> None:
    result = nmea.read(AIS / "nmea_types.nmea")
    assert result.rejects.counts == {}
    rows = by_mmsi(result.positions)
    assert rows[367430530]["ts"] == datetime(2023, 6, 1, 12, 0, 0, tzinfo=UTC)  # type 18
    assert rows[367430530]["lat"] == pytest.approx(37.785035)
    assert rows[367430530]["lon"] == pytest.approx(-122.26732)
    assert rows[367059850]["ts"] == datetime(2023, 6, 1, 12, 0, 5, tzinfo=UTC)  # type 19
    assert rows[367059850]["sog"] == pytest.approx(8.7)
    assert rows[206914217]["ts"] == datetime(2023, 6, 1, 12, 0, 25, tzinfo=UTC)  # type 27, ms
    assert (rows[206914217]["lat"], rows[206914217]["lon"]) == (4.84, 137.023333)
    assert rows[206914217]["heading"] is None
    ids = by_mmsi(result.identities)
    assert (ids[367059850]["name"], ids[367059850]["ship_type"]) == ("CAPT.J.RIMES", 70)
    assert (ids[367059850]["length"], ids[367059850]["width"]) == (26.0, 8.0)
    # 24 part A (leading UNIX time) + part B (trailing UNIX time) make one row at B's time
    assert ids[271041815]["name"] == "PROGUY"
    assert ids[271041815]["callsign"] == "TC6163"
    assert ids[271041815]["ship_type"] == 60
    assert ids[271041815]["ts"] == datetime(2023, 6, 1, 12, 0, 15, tzinfo=UTC)
    assert ids[338091445]["name"] is None  # a part B alone
    assert ids[338091445]["ship_type"] == 37
    assert result.identities.num_rows == 3


def test_junk_and_not_available_values_are_counted() -> None:
    result = nmea.read(AIS / "nmea_junk.nmea")
    assert result.rejects.counts == {
        "bad checksum": 1,
        "bad nmea": 4,  # text, a sentence cut mid-payload, a too-short payload, binary junk
        "bad time": 1,
        "incomplete message": 1,
        "not ais": 1,
        "position not available": 3,  # lat 91 / lon 181
    }
    [row] = result.positions.to_pylist()
    assert row["mmsi"] == 445000004
    assert (row["lat"], row["lon"]) == (39.0, 125.5)
    assert (row["sog"], row["cog"], row["heading"]) == (None, None, None)  # 102.3, 360, 511


def test_line_times() -> None:
    assert parse_time("1428621738") == 1428621738 * 1_000_000
    assert parse_time("1428621738.25") == 1428621738_250_000
    assert parse_time("1428621738250") == 1428621738_250_000
    assert parse_time("2015-04-09T23:22:18Z") == 1428621738 * 1_000_000
    assert parse_time("2015-04-10 01:22:18+02:00") == 1428621738 * 1_000_000
    with pytest.raises(LineError):
        parse_time("yesterday")
    line = parse(b"\\s:x,c:1428621738*00\\!AIVDM,1,1,,A,15MrVH0000KH<:V:NtBLoqFP2H9:,0*2F")
    assert line.time_us == 1428621738 * 1_000_000


def test_gzip_log(tmp_path: Path) -> None:
    import gzip

    target = tmp_path / "log.nmea.gz"
    target.write_bytes(gzip.compress((AIS / "nmea_types.nmea").read_bytes()))
    assert nmea.read(target).positions.num_rows == 3


_JUNK_PIECES = st.sampled_from(
    [
        "!AIVDM,",
        "!AIVDM,1,1,,A,",
        "!AIVDM,2,1,3,B,",
        "!AIVDM,2,2,3,B,",
        "\\c:1428621738*00\\",
        "\\g:1-2-1,c:",
        "$PGHP,1,2008,5,9,0,0,0,10,338,2,,1,09*17",
        "15MrVH0000KH<:V:NtBLoqFP2H9:",
        "55Mw@A7J1adAL@?;7WPl58F0U<h4pB222222220t1PN5553fN4g?`4iSp5Rc",
        ",0*2F",
        ",2*5E",
        "2016-01-12 13:02:11 ",
        "1428621738 ",
        "*",
        ",",
    ]
)
_LINES = st.lists(
    st.one_of(st.text(max_size=80), st.lists(_JUNK_PIECES, max_size=6).map("".join)),
    max_size=30,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=_LINES)
def test_reader_never_crashes_on_random_lines(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "random.nmea"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass"))
    result = nmea.read(path, default_time=DEFAULT)
    assert result.positions.schema == POSITIONS
    assert result.identities.schema == IDENTITIES
    assert all(-90 <= lat <= 90 for lat in result.positions["lat"].to_pylist())
    assert all(-180 <= lon <= 180 for lon in result.positions["lon"].to_pylist())
