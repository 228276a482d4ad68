"""FollowTheMoney JSON lines (OpenSanctions export format).

tests/data/ftm/sample.ftm.json is HAND-WRITTEN in the OpenSanctions
``entities.ftm.json`` export format (one entity per line with id, caption,
schema, properties, referents, datasets, first_seen, last_seen, last_change,
target), carrying real OFAC designations of the DPRK program (UIDs 28263,
17618, 17069, 17067, 27307, as in tests/data/ofac/sdn-2024-05-03/sdn.csv).
No OpenSanctions export was available offline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.detect import detect
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.sources.ftm import FORMAT
from tests.conftest import DATA

SAMPLE = DATA / "ftm" / "sample.ftm.json"
LINES = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return {r.record_id: r for r in FORMAT.parse(SAMPLE).records}


def _of(record: Record, schema: str) -> list[EntityProxy]:
    return [e for e in record.others if e.schema.name == schema]


def _write(tmp_path: Path, rows: list[dict[str, object]], name: str = "export.ftm.json") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_detected_source_and_version() -> None:
    assert detect(SAMPLE).name == "ftm"
    parsed = FORMAT.parse(SAMPLE)
    assert (parsed.source, parsed.format, parsed.version) == ("us_ofac_sdn", "ftm", "2024-05-03")


def test_sniff_refuses_other_json(tmp_path: Path) -> None:
    other = tmp_path / "data.json"
    other.write_text('[{"a": 1}]', encoding="utf-8")
    assert not FORMAT.sniff(other, other.read_bytes())
    assert not FORMAT.sniff(tmp_path / "x.csv", SAMPLE.read_bytes()[:4096])


def test_grouping_into_records(records: dict[str, Record]) -> None:
    assert len(LINES) == 17
    assert list(records)[:4] == ["ofac-28263", "ofac-17618", "ofac-17069", "ofac-17067"]
    assert len(records) == 5
    assert sum(1 + len(r.others) for r in records.values()) == 17  # nothing dropped
    tian = records["ofac-28263"]
    assert sorted(e.schema.name for e in tian.others) == [
        "Address",
        "CryptoWallet",
        "CryptoWallet",
        "Identification",
        "Sanction",
        "UnknownLink",
    ]
    (orphan,) = [r for r in records.values() if r.main.schema.name == "Sanction"]
    assert orphan.main.get("entity") == ["ofac-27307"]  # Lazarus Group is not in the file
    assert orphan.record_id == orphan.main.id


def test_ids_kept_as_given(records: dict[str, Record]) -> None:
    given_ids = {row["id"] for row in LINES}
    assert {e.id for r in records.values() for e in r.entities()} == given_ids
    assert records["ofac-17069"].main.id == "ofac-17069"


def test_person_dob_passport_and_programs(records: dict[str, Record]) -> None:
    tian = records["ofac-28263"].main
    assert tian.get("name") == ["Yinyin TIAN"]
    assert tian.get("birthDate") == ["1986-07-12"]
    assert tian.get("weakAlias") == ["tianyinyin0404", "snowsjohn"]
    (sanction,) = _of(records["ofac-28263"], "Sanction")
    assert sanction.get("program") == ["DPRK3", "CYBER2"]
    assert sanction.get("listingDate") == ["2020-03-02"]
    wallets = _of(records["ofac-28263"], "CryptoWallet")
    assert {w.first("publicKey") for w in wallets} == {
        "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak",
        "15YK647qtoZQDzNrvY6HJL6QwXduLHfT28",
    }
    (passport,) = _of(records["ofac-17618"], "Passport")
    assert (passport.get("number"), passport.get("holder")) == (["563210059"], ["ofac-17618"])


def test_vessel_imo_and_ownership(records: dict[str, Record]) -> None:
    vessel = records["ofac-17069"]
    assert vessel.main.get("imoNumber") == ["IMO7937317"]
    assert vessel.main.get("flag") == ["kp"]
    (ownership,) = _of(vessel, "Ownership")  # goes to the asset, not to the owner
    assert ownership.get("owner") == ["ofac-17067"]
    assert not _of(records["ofac-17067"], "Ownership")
    assert [a.first("city") for a in _of(records["ofac-17067"], "Address")] == [
        "Central District, Pyongyang"
    ]


def test_mixed_datasets_use_file_name_and_no_dates(tmp_path: Path) -> None:
    rows = [dict(LINES[0]), {**LINES[11], "datasets": ["un_sc_sanctions"]}]
    for row in rows:
        row.pop("last_seen"), row.pop("last_change")
    parsed = FORMAT.parse(_write(tmp_path, rows, "mixed.ftm.json"))
    assert (parsed.source, parsed.version) == ("mixed", None)


def test_unknown_property_kept_and_duplicates_merged(tmp_path: Path) -> None:
    person = {**LINES[0], "properties": {**LINES[0]["properties"], "shoeSize": ["44"]}}
    again: dict[str, object] = {
        "id": "ofac-28263",
        "schema": "Person",
        "properties": {"alias": ["TIAN Yin Yin"]},
    }
    (record,) = FORMAT.parse(_write(tmp_path, [person, again])).records
    assert "shoeSize: 44" in record.main.get("notes")
    assert record.main.get("alias") == ["TIAN Yin Yin"]


@pytest.mark.parametrize(
    "lines,where,message",
    [
        ([LINES[0], "{not json"], "line 2", "not JSON"),
        ([LINES[0], {"id": "x", "properties": {}}], "line 2", "without schema"),
        ([{"schema": "Person", "properties": {}}], "line 1", "without id"),
        ([{"id": "x", "schema": "Spaceship", "properties": {}}], "line 1", "unknown schema"),
        ([{"id": "x", "schema": "Thing", "properties": {}}], "line 1", "unknown schema"),
        ([LINES[0], [1, 2]], "line 2", "not a JSON object"),
        ([{"id": "x", "schema": "Person", "properties": []}], "line 1", "not an object"),
        ([LINES[0], {**LINES[0], "schema": "Vessel"}], "line 2", "cannot merge"),
        ([LINES[0], "[" * 100_000], "line 2", "nested too deeply"),
        ([{"id": "x", "schema": "Ownership", "properties": {"owner": ["x"]}}], "line 1", "owner"),
    ],
    ids=[
        "not-json",
        "no-schema",
        "no-id",
        "unknown-schema",
        "abstract",
        "array",
        "props",
        "merge",
        "deep",
        "self-reference",
    ],
)
def test_bad_lines_are_parse_errors(
    tmp_path: Path, lines: list[object], where: str, message: str
) -> None:
    path = tmp_path / "bad.ftm.json"
    path.write_text(
        "".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines), "utf-8"
    )
    with pytest.raises(ParseError) as info:
        list(FORMAT.parse(path).records)
    text = str(info.value)
    assert text.startswith(f"{path}:{where}:") and message in text and "\n" not in text


def test_wrong_encoding_and_truncation(tmp_path: Path) -> None:
    path = tmp_path / "latin.ftm.json"
    path.write_bytes(SAMPLE.read_bytes().replace(b"Yinyin", "Y\u00efnyin".encode("latin-1")))
    with pytest.raises(ParseError, match=r"latin\.ftm\.json:line 1: not UTF-8"):
        FORMAT.parse(path)
    path.write_bytes(SAMPLE.read_bytes()[:3000])
    with pytest.raises(ParseError, match=r":line \d+: not JSON"):
        FORMAT.parse(path)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(junk=st.text(max_size=300) | st.binary(max_size=300), at=st.integers(0, 16))
def test_junk_lines_parse_or_raise_parse_error(
    tmp_path_factory: pytest.TempPathFactory, junk: str | bytes, at: int
) -> None:
    raw = SAMPLE.read_bytes().splitlines(keepends=True)
    raw.insert(at, (junk.encode() if isinstance(junk, str) else junk) + b"\n")
    path = tmp_path_factory.mktemp("junk") / "junk.ftm.json"
    path.write_bytes(b"".join(raw))
    try:
        list(FORMAT.parse(path).records)
    except ParseError as exc:
        assert str(exc).startswith(str(path))
