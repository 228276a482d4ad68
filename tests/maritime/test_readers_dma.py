"""The DMA aisdk reader: the real header sample (mobiml) and a hand-made file in its format."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from sanctionwatch.maritime.model import IDENTITIES, POSITIONS
from sanctionwatch.maritime.readers import dma

AIS = Path(__file__).parent.parent / "data" / "ais"


def test_real_header_sample() -> None:
    result = dma.read(AIS / "dma_aisdk_20180208_sample.csv")
    assert result.positions.schema == POSITIONS
    assert result.positions.num_rows == 10
    assert result.rejects.counts == {}
    assert result.identities.num_rows == 0  # the sample's static columns are all empty
    first = result.positions.slice(0, 1).to_pylist()[0]
    # 60,08/02/2018 00:00:00,Class A,265177000,57.602225,11.644943,...,15.7,61.4,63.0,...
    assert first["mmsi"] == 265177000
    assert first["ts"] == datetime(2018, 2, 8, tzinfo=UTC)
    assert (first["lat"], first["lon"]) == (57.602225, 11.644943)
    assert (first["sog"], first["cog"], first["heading"]) == pytest.approx((15.7, 61.4, 63.0))


def test_handmade_file_rejects_and_identity_changes() -> None:
    """dma_handmade.csv is hand-made in the real aisdk format (see tests/data/ais/README.md)."""
    result = dma.read(AIS / "dma_handmade.csv")
    assert result.rejects.counts == {
        "bad sog": 1,
        "bad time": 1,  # 31/02/2018
        "other message type": 2,  # a base station and an aid to navigation
        "position not available": 1,  # lat 91
    }
    assert result.positions["mmsi"].to_pylist() == [219000001] * 3
    assert result.identities.schema == IDENTITIES
    rows = result.identities.to_pylist()
    # 219000001 sends the same static data twice, then a new destination: two rows
    nordic = [r for r in rows if r["mmsi"] == 219000001]
    assert [r["destination"] for r in nordic] == ["GOTHENBURG", "AARHUS"]
    assert nordic[0]["imo"] == 9312345
    assert nordic[0]["ship_type"] == 70  # "Cargo"
    assert (nordic[0]["length"], nordic[0]["width"], nordic[0]["draught"]) == (140, 20, 7.5)
    # the identity of a row whose position is refused is still an identity
    sailor = next(r for r in rows if r["mmsi"] == 219000002)
    assert (sailor["name"], sailor["ship_type"]) == ("SAILOR", 37)
    assert {r["mmsi"] for r in rows} == {219000001, 219000002, 219000003}
