"""Format sniffing: every fixture goes to its reader; anything else is refused by name."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sanctionwatch.errors import UnknownFormatError
from sanctionwatch.maritime.readers import detect, solent

AIS = Path(__file__).parent.parent / "data" / "ais"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("solent.csv", "solent"),
        ("dma_aisdk_20180208_sample.csv", "dma"),
        ("dma_handmade.csv", "dma"),
        ("noaa_sample.csv", "noaa"),
        ("nmea/pyais_sample.ais", "nmea"),
        ("nmea/pyais_gatehouse.nmea", "nmea"),
        ("nmea/pyais_messages.ais", "nmea"),
        ("nmea_types.nmea", "nmea"),
        ("nmea_junk.nmea", "nmea"),
    ],
)
def test_fixtures(name: str, expected: str) -> None:
    assert detect.detect(AIS / name) == expected


def test_parquet_gzip_and_ndjson(tmp_path: Path) -> None:
    pq.write_table(solent.read(AIS / "solent.csv").positions, tmp_path / "x.bin")
    assert detect.detect(tmp_path / "x.bin") == "parquet"
    (tmp_path / "log.gz").write_bytes(gzip.compress((AIS / "nmea_types.nmea").read_bytes()))
    assert detect.detect(tmp_path / "log.gz") == "nmea"
    (tmp_path / "x.ndjson").write_text('{"ssvid": "263576000", "lat": 1.0}\n')
    assert detect.detect(tmp_path / "x.ndjson") == "gfw"


def test_read_dispatches_to_the_reader() -> None:
    assert detect.read(AIS / "noaa_sample.csv").positions.num_rows == 7
    assert detect.read(AIS / "nmea_types.nmea").identities.num_rows == 3


def test_unknown_format_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(UnknownFormatError, match=r"notes\.csv"):
        detect.detect(path)
    with pytest.raises(UnknownFormatError, match="nowhere"):
        detect.detect(tmp_path / "nowhere.csv")
