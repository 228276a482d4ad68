"""OFAC XML parsers: classic ``sdn.xml`` and ``sdn_advanced.xml``.

The samples under tests/data/ofac-xml/sdn-2024-05-03/ are HAND-WRITTEN: no real
OFAC XML file was available offline. They are written in exactly the published
formats (element names and order of the classic ``sdnList`` XSD; the Advanced
Sanctions List Standard layout with ReferenceValueSets, Locations,
IDRegDocuments, DistinctParties, ProfileRelationships, SanctionsEntries) and
carry the real entries of the OFAC CSV of 2024-05-03
(tests/data/ofac/sdn-2024-05-03/sdn.csv; addresses and aka uids from
tests/data/ofac/full-2021-07-07): uids 36, 4238, 17067, 17069, 17618, 18668,
20540, 27307, 28263. Other uids and the advanced file's reference ids are
illustrative, and so are its two ProfileRelationships (the CSV only says
"Linked To"). See tests/data/ofac-xml/README.md.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.detect import detect
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.sources.ofac import sdn_csv
from sanctionwatch.lists.sources.ofac.sdn_xml import FORMAT
from tests.conftest import DATA, OFAC

SAMPLES = DATA / "ofac-xml" / "sdn-2024-05-03"
CLASSIC = SAMPLES / "sdn.xml"
ADVANCED = SAMPLES / "sdn_advanced.xml"
UIDS = {"36", "4238", "17067", "17069", "17618", "18668", "20540", "27307", "28263"}


def _records(path: Path) -> dict[str, Record]:
    return {r.record_id: r for r in FORMAT.parse(path).records}


@pytest.fixture(scope="module")
def classic() -> dict[str, Record]:
    return _records(CLASSIC)


@pytest.fixture(scope="module")
def advanced() -> dict[str, Record]:
    return _records(ADVANCED)


def _of(record: Record, schema: str) -> list[EntityProxy]:
    return [e for e in record.others if e.schema.name == schema]


def _sanction(record: Record) -> EntityProxy:
    (sanc,) = _of(record, "Sanction")
    return sanc


def test_detected_versions_and_sources() -> None:
    assert detect(CLASSIC).name == "ofac-xml"
    assert detect(ADVANCED).name == "ofac-xml"  # the registry's module dispatches both
    parsed = FORMAT.parse(CLASSIC)
    assert (parsed.source, parsed.format, parsed.version) == ("ofac-sdn", "ofac-xml", "2024-05-03")
    parsed = FORMAT.parse(ADVANCED)
    assert (parsed.source, parsed.format) == ("ofac-sdn", "ofac-advanced-xml")
    assert parsed.version == "2024-05-03"


def test_counts_and_schemas(classic: dict[str, Record], advanced: dict[str, Record]) -> None:
    assert set(classic) == UIDS
    schemas = sorted(r.main.schema.name for r in classic.values())
    assert schemas == ["Airplane"] + ["Organization"] * 3 + ["Person"] * 3 + ["Vessel"] * 2
    assert set(advanced) == UIDS - {"36", "4238", "18668"}
    assert all(len(_of(r, "Sanction")) == 1 for r in [*classic.values(), *advanced.values()])


def test_ids_follow_the_csv_convention(classic: dict[str, Record]) -> None:
    with (OFAC / "sdn-2024-05-03" / "sdn.csv").open(encoding="utf-8", errors="replace") as fh:
        csv_uids = {row[0] for row in csv.reader(fh) if row}
    assert csv_uids >= UIDS
    for uid, record in classic.items():
        assert record.main.id == f"ofac-{uid}"
        assert _sanction(record).get("entity") == [f"ofac-{uid}"]
        assert _sanction(record).get("recordId") == [uid]
    again = _records(CLASSIC)
    assert [e.id for r in again.values() for e in r.entities()] == [
        e.id for r in classic.values() for e in r.entities()
    ]


def test_same_ids_and_programs_as_the_csv_parser(classic: dict[str, Record]) -> None:
    parsed = sdn_csv.FORMAT.parse(OFAC / "sdn-2024-05-03" / "sdn.csv")
    from_csv = {r.record_id: r for r in parsed.records if r.record_id in UIDS}
    assert set(from_csv) == UIDS
    for uid, record in classic.items():
        assert from_csv[uid].main.id == record.main.id
        assert sorted(_sanction(from_csv[uid]).get("program")) == sorted(
            _sanction(record).get("program")
        )


def test_programs_one_value_each(classic: dict[str, Record]) -> None:
    tian = _sanction(classic["28263"])
    assert tian.get("program") == ["DPRK3", "CYBER2"]
    assert [regime_of(p) for p in tian.get("program")] == ["dprk", "cyber"]
    assert _sanction(classic["17618"]).get("program") == ["DPRK2"]
    assert _sanction(classic["36"]).get("program") == ["CUBA"]
    assert tian.get("authority") == ["Office of Foreign Assets Control"]
    summary = " ".join(tian.get("summary"))
    assert "Secondary sanctions risk: North Korea Sanctions Regulations" in summary


def test_vessels_imo_flag_and_owner(classic: dict[str, Record]) -> None:
    ship = classic["17069"].main
    assert ship.get("name") == ["CHONG CHON GANG"]
    assert ship.get("imoNumber") == ["IMO7937317"]
    assert (ship.get("flag"), ship.get("type")) == (["kp"], ["General Cargo"])
    tug = classic["4238"]
    assert (tug.main.get("callSign"), tug.main.get("grossRegisteredTonnage")) == (
        ["CL2192"],
        ["212"],
    )
    (owner,) = _of(tug, "LegalEntity")
    (ownership,) = _of(tug, "Ownership")
    assert owner.get("name") == ["Samir de Navegacion S.A."]
    assert ownership.get("owner") == [owner.id] and ownership.get("asset") == [tug.main.id]
    company = classic["17067"].main  # an IMO company number given as "Identification Number"
    assert company.get("imoNumber") == ["IMO5342883"]
    assert len(_of(classic["17067"], "Address")) == 2


def test_lazarus_wallets_aliases_and_address(classic: dict[str, Record]) -> None:
    lazarus = classic["27307"]
    wallets = _of(lazarus, "CryptoWallet")
    assert len(wallets) == 8
    assert {w.first("currencySymbol") for w in wallets} == {"ETH"}
    assert all(w.get("holder") == ["ofac-27307"] for w in wallets)
    keys = {w.first("publicKey") for w in wallets}
    assert "0x098B716B8Aaf21512996dC57EB0615e2383E2f96" in keys
    assert len(lazarus.main.get("weakAlias")) == 11
    assert "HIDDEN COBRA" in lazarus.main.get("weakAlias")
    assert not lazarus.main.get("alias")
    (address,) = _of(lazarus, "Address")
    assert address.get("city") == ["Pyongyang"] and address.get("country") == ["kp"]
    assert lazarus.main.get("addressEntity") == [address.id]


def test_person_dob_documents_contacts_and_link(classic: dict[str, Record]) -> None:
    tian = classic["28263"]
    person = tian.main
    assert person.get("name") == ["Yinyin TIAN"]
    assert (person.get("firstName"), person.get("lastName")) == (["Yinyin"], ["TIAN"])
    assert person.get("birthDate") == ["1986-07-12"]
    assert (person.get("nationality"), person.get("gender")) == (["cn"], ["male"])
    assert person.get("email") == ["417136259@qq.com"]
    assert person.get("phone") == ["+8613621583465"]
    assert person.get("weakAlias") == ["tianyinyin0404", "snowsjohn"]
    assert len([w for w in _of(tian, "CryptoWallet") if w.first("currencySymbol") == "XBT"]) == 8
    (ident,) = _of(tian, "Identification")
    assert (ident.get("number"), ident.get("country")) == (["321284198607120616"], ["cn"])
    (link,) = _of(tian, "UnknownLink")  # "Linked To: LAZARUS GROUP." resolved by name
    assert (link.get("subject"), link.get("object")) == (["ofac-28263"], ["ofac-27307"])
    ri = classic["18668"]  # linked to an entry not in the file: kept as a note only
    assert not _of(ri, "UnknownLink")
    assert "KOREA MINING DEVELOPMENT" in (ri.main.first("notes") or "")


def test_passports_with_country_and_expiry(classic: dict[str, Record]) -> None:
    ri = classic["18668"]
    passports = _of(ri, "Passport")
    assert [p.first("number") for p in passports] == ["199110092", "472220503", "654220197"]
    assert {p.first("country") for p in passports} == {"kp"}
    assert passports[0].get("endDate") == ["2014-03-17"]
    assert ri.main.get("passportNumber") == ["199110092", "472220503", "654220197"]
    assert ri.main.get("alias") == ["Jong Chol RI"]
    assert classic["17618"].main.get("birthDate") == ["1966-07-30"]


def test_aircraft_model_build_date_and_operator(classic: dict[str, Record]) -> None:
    plane = classic["20540"]
    assert plane.main.schema.name == "Airplane"
    assert (plane.main.get("model"), plane.main.get("buildDate")) == (["AN24-RV"], ["1974"])
    (operator,) = _of(plane, "LegalEntity")
    assert operator.get("name") == ["Air Koryo"]


def test_advanced_agrees_with_classic(
    classic: dict[str, Record], advanced: dict[str, Record]
) -> None:
    for uid, record in advanced.items():
        twin = classic[uid]
        assert (record.main.id, record.main.schema) == (twin.main.id, twin.main.schema)
        assert record.main.get("name") == twin.main.get("name")
        assert _sanction(record).get("program") == _sanction(twin).get("program")
        assert _sanction(record).id == _sanction(twin).id
    wallets = {w.id for w in _of(advanced["28263"], "CryptoWallet")}
    assert wallets <= {w.id for w in _of(classic["28263"], "CryptoWallet")}
    assert advanced["17069"].main.get("imoNumber") == ["IMO7937317"]
    assert advanced["17069"].main.get("flag") == ["kp"]
    assert _of(advanced["17618"], "Passport")[0].id == _of(classic["17618"], "Passport")[0].id


def test_advanced_features_entries_and_relations(advanced: dict[str, Record]) -> None:
    tian = advanced["28263"]
    assert tian.main.get("birthDate") == ["1986-07-12"]
    assert (tian.main.get("nationality"), tian.main.get("gender")) == (["cn"], ["male"])
    assert tian.main.get("weakAlias") == ["tianyinyin0404"]
    sanc = _sanction(tian)
    assert sanc.get("listingDate") == ["2020-03-02"]
    assert sanc.get("reason") == ["Executive Order 13722 (North Korea)"]
    (link,) = _of(tian, "UnknownLink")
    assert (link.get("object"), link.get("role")) == (["ofac-27307"], ["Associate Of"])
    (owned,) = _of(advanced["17069"], "Ownership")
    assert (owned.get("owner"), owned.get("asset")) == (["ofac-17067"], ["ofac-17069"])
    assert _sanction(advanced["17067"]).get("provisions") == ["Block"]
    assert advanced["27307"].main.get("weakAlias") == ["HIDDEN COBRA", "OFFICE 91"]


def test_consolidated_and_old_namespace(tmp_path: Path) -> None:
    text = CLASSIC.read_text(encoding="utf-8").replace(
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
        "http://tempuri.org/sdnList.xsd",
    )
    path = tmp_path / "consolidated.xml"
    path.write_text(text, encoding="utf-8")
    parsed = FORMAT.parse(path)
    assert parsed.source == "ofac-cons"
    assert {r.record_id for r in parsed.records} == UIDS


def _entry_xml(body: str) -> bytes:
    return (
        '<?xml version="1.0" standalone="yes"?><sdnList xmlns="http://tempuri.org/sdnList.xsd">'
        f"<publshInformation><Publish_Date>12/19/2025</Publish_Date></publshInformation>{body}"
        "</sdnList>"
    ).encode()


def test_birth_date_spellings(tmp_path: Path) -> None:
    items = "".join(
        f"<dateOfBirthItem><uid>{i}</uid><dateOfBirth>{d}</dateOfBirth></dateOfBirthItem>"
        for i, d in enumerate(["1958 to 1960", "circa 1947", "Feb 1962", "1960s"])
    )
    path = tmp_path / "sdn.xml"
    path.write_bytes(
        _entry_xml(
            "<sdnEntry><uid>1</uid><lastName>X</lastName><sdnType>Individual</sdnType>"
            f"<programList><program>SDGT</program></programList><dateOfBirthList>{items}"
            "</dateOfBirthList></sdnEntry>"
        )
    )
    parsed = FORMAT.parse(path)
    assert parsed.version == "2025-12-19"
    (record,) = parsed.records
    assert record.main.get("birthDate") == ["1958", "1959", "1960", "1947", "1962-02"]
    assert record.main.get("notes") == ["birthDate: 1960s"]  # kept, not dropped


BAD_CLASSIC = {
    "truncated": (CLASSIC.read_bytes()[:5000], "line"),
    "billion-laughs": (
        b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
        b"<sdnList>&b;</sdnList>",
        "unsafe",
    ),
    "external-entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b"<sdnList>&x;</sdnList>",
        "unsafe",
    ),
    "wrong-encoding": (
        _entry_xml("<sdnEntry><lastName>\u00e9</lastName></sdnEntry>").replace(
            b"\xc3\xa9", b"\xe9"
        ),
        "line",
    ),
    "no-uid": (
        _entry_xml("<sdnEntry><lastName>X</lastName><sdnType>Entity</sdnType></sdnEntry>"),
        "sdnEntry #1",
    ),
    "unknown-type": (
        _entry_xml(
            "<sdnEntry><uid>5</uid><lastName>X</lastName><sdnType>Ship</sdnType></sdnEntry>"
        ),
        "sdnEntry #1 (uid 5)",
    ),
}
_ADV = ADVANCED.read_bytes()
BAD_ADVANCED = {
    "adv-truncated": (_ADV[: len(_ADV) // 2], "line"),
    "adv-unknown-feature-type": (
        _ADV.replace(b'FeatureTypeID="224"', b'FeatureTypeID="999"'),
        "DistinctParty 28263",
    ),
    "adv-unknown-location": (
        _ADV.replace(b'LocationID="41656"', b'LocationID="1"'),
        "DistinctParty 27307",
    ),
    "adv-no-fixedref": (
        _ADV.replace(b'<DistinctParty FixedRef="17069">', b"<DistinctParty>"),
        "DistinctParty None",
    ),
    "adv-unknown-measure": (
        _ADV.replace(b'SanctionsTypeID="2"', b'SanctionsTypeID="7"'),
        "SanctionsEntry 17067",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_CLASSIC) + sorted(BAD_ADVANCED))
def test_bad_input_is_one_line_parse_error(tmp_path: Path, name: str) -> None:
    content, where = {**BAD_CLASSIC, **BAD_ADVANCED}[name]
    path = tmp_path / ("sdn_advanced.xml" if name.startswith("adv") else "sdn.xml")
    path.write_bytes(content)
    with pytest.raises(ParseError) as info:
        list(FORMAT.parse(path).records)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert where in message


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(sample=st.sampled_from([CLASSIC, ADVANCED]), cut=st.floats(0, 1), flip=st.integers(0, 255))
def test_damaged_samples_parse_or_raise_parse_error(
    tmp_path_factory: pytest.TempPathFactory, sample: Path, cut: float, flip: int
) -> None:
    data = bytearray(sample.read_bytes())
    at = int(cut * (len(data) - 1))
    data[at] = flip
    path = tmp_path_factory.mktemp("damaged") / sample.name
    path.write_bytes(bytes(data))
    try:
        list(FORMAT.parse(path).records)
    except ParseError as exc:
        assert str(exc).startswith(str(path))
