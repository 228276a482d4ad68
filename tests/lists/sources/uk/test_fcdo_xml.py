"""The UK parsers: FCDO "UK Sanctions List" XML and OFSI ``ConList.csv``.

Both are read through `uk.fcdo_xml.FORMAT`, which hands ConList to `uk.conlist`.

Both samples under tests/data/uk/ were written by hand in the published formats
because no real UK file is available offline (the CSV cannot carry a comment,
so this docstring is its notice). Their designations are real UN 1718 (DPRK)
designations copied from the real UN list of 2026-02-27 (KPi.024, KPi.064,
KPe.001) plus the ships YU JONG 2 (IMO 8604917) and CHON MA SAN (IMO 8660313);
the UK's own identifiers in them (UniqueID, OFSIGroupID) are illustrative.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.detect import detect
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.sources.uk.fcdo_xml import FORMAT
from tests.conftest import DATA

XML = DATA / "uk" / "UK-Sanctions-List-2026-02-27.xml"
CSV = DATA / "uk" / "ConList-2026-01-27.csv"
REGIME = "The Democratic People's Republic of Korea (Sanctions) (EU Exit) Regulations 2019"


def _records(path: Path) -> dict[str, Record]:
    return {r.record_id: r for r in FORMAT.parse(path).records}


@pytest.fixture(scope="module")
def xml() -> dict[str, Record]:
    return _records(XML)


@pytest.fixture(scope="module")
def conlist() -> dict[str, Record]:
    return _records(CSV)


def _sanction(record: Record) -> dict[str, list[str]]:
    (sanc,) = [e for e in record.others if e.schema.name == "Sanction"]
    return sanc.properties


def _only(record: Record, schema: str) -> dict[str, list[str]]:
    (entity,) = [e for e in record.others if e.schema.name == schema]
    return entity.properties


def test_both_publications_detected_with_their_dates() -> None:
    assert detect(XML) is FORMAT and detect(CSV) is FORMAT
    xml, csv = FORMAT.parse(XML), FORMAT.parse(CSV)
    assert (xml.source, xml.format, xml.version) == ("uk", "uk-xml", "2026-02-27")
    assert (csv.source, csv.format, csv.version) == ("uk", "uk-conlist-csv", "2026-01-27")


def test_xml_counts_and_schemas(xml: dict[str, Record]) -> None:
    schemas = {key: r.main.schema.name for key, r in xml.items()}
    assert schemas == {
        "DPR0251": "Person", "DPR0291": "Person", "DPR0123": "Organization",
        "DPR0338": "Vessel", "DPR0330": "Vessel",
    }  # fmt: skip
    assert xml["DPR0251"].main.id == "uk-dpr0251"


def test_xml_person(xml: dict[str, Record]) -> None:
    kim = xml["DPR0251"].main
    assert kim.get("name") == ["Yong Chol KIM"]
    assert (kim.get("firstName"), kim.get("lastName")) == (["Yong Chol"], ["KIM"])
    assert kim.get("alias") == ["Kim Yong-Chol", "Kim Young-Chol", "Kim Young-Cheol", "Young-Chul"]
    assert kim.get("birthDate") == ["1962-02-18"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]
    assert kim.get("position") == ["KOMID Representative"]
    passport = _only(xml["DPR0251"], "Passport")
    assert passport["number"] == ["472310168"] and passport["holder"] == [kim.id]
    assert xml["DPR0291"].main.get("weakAlias") == ["Choe Sok Min"]


def test_xml_entity_with_address_and_original_script(xml: dict[str, Record]) -> None:
    komid = xml["DPR0123"]
    assert "KOMID" in komid.main.get("alias")
    assert "조선광업개발무역회사" in komid.main.get("alias")
    address = _only(komid, "Address")
    assert address["full"] == ["Central District, Pyongyang, North Korea"]
    assert (address["street"], address["city"], address["country"]) == (
        ["Central District"], ["Pyongyang"], ["kp"]
    )  # fmt: skip


def test_xml_ship_with_imo_flag_and_owner(xml: dict[str, Record]) -> None:
    record = xml["DPR0338"]
    ship = record.main
    assert ship.get("imoNumber") == ["IMO8604917"]
    assert (ship.get("flag"), ship.get("type")) == (["kp"], ["Tanker"])
    owner = _only(record, "LegalEntity")
    assert owner["name"] == ["Korea Yujong Shipping Co Ltd"]
    link = _only(record, "Ownership")
    assert (link["owner"], link["asset"]) == ([record.others[1].id], [ship.id])
    assert xml["DPR0330"].main.get("imoNumber") == ["IMO8660313"]


def test_xml_sanctions(xml: dict[str, Record]) -> None:
    for record in xml.values():
        sanc = _sanction(record)
        assert sanc["program"] == [REGIME] and regime_of(REGIME) == "dprk"
        assert sanc["authority"] == ["United Kingdom (FCDO/OFSI)"]
    kim = _sanction(xml["DPR0251"])
    assert kim["unscId"] == ["KPi.024"]
    assert (kim["listingDate"], kim["modifiedAt"]) == (["2016-03-02"], ["2022-07-26"])
    assert kim["provisions"] == ["Asset freeze", "Travel Ban"]
    assert "reason" not in kim  # an empty UKStatementofReasons adds nothing
    assert _sanction(xml["DPR0123"])["unscId"] == ["KPe.001"]
    assert "unscId" not in _sanction(xml["DPR0338"])


def test_conlist_groups_rows_by_group_id(conlist: dict[str, Record]) -> None:
    assert sorted(conlist) == ["DPR0123", "DPR0251", "DPR0338"]
    kim = conlist["DPR0251"]
    assert kim.main.get("name") == ["Yong Chol KIM"]
    assert len(kim.main.get("alias")) == 4
    assert kim.main.get("birthDate") == ["1962-02-18"]
    assert kim.main.get("nationality") == ["kp"]
    assert _only(kim, "Passport")["number"] == ["472310168"]
    komid = conlist["DPR0123"]
    assert komid.main.get("name") == ["KOREA MINING DEVELOPMENT TRADING CORPORATION"]
    assert _only(komid, "Address")["full"] == ["Central District, Pyongyang, North Korea"]
    assert conlist["DPR0338"].main.schema.name == "Vessel"
    assert conlist["DPR0338"].main.get("imoNumber") == ["IMO8604917"]


def test_conlist_sanctions(conlist: dict[str, Record]) -> None:
    sanc = _sanction(conlist["DPR0251"])
    assert sanc["program"] == ["Democratic People's Republic of Korea"]
    assert regime_of(sanc["program"][0]) == "dprk"
    assert sanc["unscId"] == ["KPi.024"]
    assert sanc["summary"] == ["OFSI group ID: 13352"]
    assert (sanc["listingDate"], sanc["startDate"]) == (["2016-03-04"], ["2020-12-31"])


_XML_HEAD = b'<?xml version="1.0"?>\n<Designations>'
_NAME = b"<Names><Name><Name6>KIM</Name6><NameType>Primary Name</NameType></Name></Names>"


@pytest.mark.parametrize(
    "content,where",
    [
        (XML.read_bytes()[:2500], "line"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
         b"<Designations>&b;</Designations>", "unsafe"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
         b"<Designations>&x;</Designations>", "unsafe"),
        (_XML_HEAD + b"<Designation>" + _NAME + b"</Designation></Designations>",
         "Designation #1"),
        (_XML_HEAD + b"<Designation><UniqueID>X1</UniqueID>" + _NAME
         + b"<IndividualEntityShip>Aircraft</IndividualEntityShip></Designation></Designations>",
         "Designation X1"),
        (_XML_HEAD + b"<Designation><UniqueID>X2</UniqueID><IndividualEntityShip>Entity"
         b"</IndividualEntityShip></Designation></Designations>", "no Name"),
    ],
    ids=[
        "truncated", "billion-laughs", "external-entity", "no-unique-id", "unknown-type",
        "no-name",
    ],
)  # fmt: skip
def test_bad_xml_is_one_line_parse_error(tmp_path: Path, content: bytes, where: str) -> None:
    _assert_parse_error(tmp_path / "bad.xml", content, where)


_CSV_HEAD = CSV.read_bytes().split(b"\r\n")[:2]


@pytest.mark.parametrize(
    "lines,where",
    [
        ([_CSV_HEAD[0], _CSV_HEAD[1].replace(b",Group ID", b"")], "line 2"),
        ([*_CSV_HEAD, "KIM,Yong Chol,Pyöngyang".encode("latin-1")], "line 3"),
        ([*_CSV_HEAD, b"KIM" + b"," * 35], "line 3: no Group ID"),
        ([*_CSV_HEAD, b"KIM" + b"," * 36], "line 3: 37 cells"),
        ([*_CSV_HEAD, b"KIM" + b"," * 28 + b"Aircraft" + b"," * 7 + b"99"], "line 3"),
    ],
    ids=["missing-column", "wrong-encoding", "no-group-id", "too-many-cells", "unknown-type"],
)
def test_bad_conlist_is_one_line_parse_error(
    tmp_path: Path, lines: list[bytes], where: str
) -> None:
    _assert_parse_error(tmp_path / "ConList.csv", b"\r\n".join(lines) + b"\r\n", where)


def _assert_parse_error(path: Path, content: bytes, where: str) -> None:
    path.write_bytes(content)
    with pytest.raises(ParseError) as info:
        list(FORMAT.parse(path).records)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert where in message


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    sample=st.sampled_from([XML, CSV]),
    cut=st.floats(0.0, 1.0),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255))),
)
def test_damaged_samples_parse_or_raise_parse_error(
    tmp_path_factory: pytest.TempPathFactory,
    sample: Path,
    cut: float,
    flips: list[tuple[float, int]],
) -> None:
    data = bytearray(sample.read_bytes())
    for where, mask in flips:
        data[int(where * (len(data) - 1))] ^= mask
    path = tmp_path_factory.mktemp("uk") / sample.name
    path.write_bytes(bytes(data) if flips else bytes(data[: max(1, int(cut * len(data)))]))
    try:
        list(FORMAT.parse(path).records)
    except ParseError as exc:
        assert "\n" not in str(exc)
