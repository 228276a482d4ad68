"""OFAC's legacy CSV sets (SDN and Consolidated) on real published files."""

from __future__ import annotations

import inspect
import shutil
import tempfile
from pathlib import Path

import pytest
from followthemoney.proxy import EntityProxy
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import ParseError, UnknownFormatError
from sanctionwatch.lists.detect import detect
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.sources.ofac.files import read_table
from sanctionwatch.lists.sources.ofac.sdn_csv import FORMAT
from tests.conftest import OFAC

SDN_0503 = OFAC / "sdn-2024-05-03" / "sdn.csv"
SDN_0501 = OFAC / "sdn-2024-05-01" / "sdn.csv"
FULL = OFAC / "full-2021-07-07"
CONS = OFAC / "cons-2025-12-19"
PARTIAL = OFAC / "partial-2025-12-24"


def _parse(path: Path) -> dict[str, Record]:
    return {r.record_id: r for r in FORMAT.parse(path).records}


@pytest.fixture(scope="module")
def sdn() -> dict[str, Record]:
    return _parse(SDN_0503)


@pytest.fixture(scope="module")
def full() -> dict[str, Record]:
    return _parse(FULL / "sdn.csv")


@pytest.fixture(scope="module")
def cons() -> dict[str, Record]:
    return _parse(CONS / "cons_prim.csv")


def _others(record: Record, schema: str) -> list[EntityProxy]:
    return [e for e in record.others if e.schema.name == schema]


def _sanction(record: Record) -> dict[str, list[str]]:
    (sanc,) = _others(record, "Sanction")
    return sanc.properties


# --- detection -------------------------------------------------------------


def test_primary_files_are_detected() -> None:
    assert detect(SDN_0503).name == "ofac-csv"
    assert detect(FULL / "sdn.csv").name == "ofac-csv"
    assert detect(CONS / "cons_prim.csv").name == "ofac-csv"


@pytest.mark.parametrize(
    "path",
    [
        *sorted(PARTIAL.iterdir()),
        FULL / "add.csv",
        FULL / "alt.csv",
        FULL / "sdn_comments.csv",
        CONS / "cons_add.csv",
        CONS / "cons_alt.csv",
        CONS / "cons_comments.csv",
    ],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_companions_are_not_primary(path: Path) -> None:
    assert not FORMAT.sniff(path, path.read_bytes()[:4096])
    with pytest.raises(UnknownFormatError):
        detect(path)
    with pytest.raises(ParseError, match="not an OFAC primary file"):
        FORMAT.parse(path)


def test_sniff_needs_the_name_and_a_12_column_first_line(tmp_path: Path) -> None:
    head = SDN_0503.read_bytes()[:4096]
    assert FORMAT.sniff(SDN_0503, head)
    assert not FORMAT.sniff(tmp_path / "sdn-copy.csv", head)
    assert not FORMAT.sniff(tmp_path / "sdn.csv", b"ent_num,SDN_Name\r\n" + head)
    shifted = head.replace(b'36,"AEROCARIBBEAN AIRLINES",-0- ,', b'36,"AEROCARIBBEAN AIRLINES",', 1)
    assert not FORMAT.sniff(tmp_path / "sdn.csv", shifted)


def test_parsed_list_metadata() -> None:
    parsed = FORMAT.parse(SDN_0503)
    assert (parsed.source, parsed.format, parsed.version) == ("ofac-sdn", "ofac-csv", None)
    assert parsed.paths == (SDN_0503,)
    assert inspect.isgenerator(parsed.records)
    assert any("sdn_comments.csv not found" in note for note in parsed.notes)
    full = FORMAT.parse(FULL / "sdn.csv")
    assert {p.name for p in full.paths} == {"sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv"}
    assert full.notes == []
    assert FORMAT.parse(CONS / "cons_prim.csv").source == "ofac-cons"


# --- the SDN list of 2024-05-03 ----------------------------------------------


@pytest.mark.slow
def test_counts_and_dprk_vessels(sdn: dict[str, Record]) -> None:
    assert len(sdn) == 14_965
    dprk = [r for r in sdn.values() if any(regime_of(p) == "dprk" for p in _sanction(r)["program"])]
    assert len(dprk) == 484
    vessels = [r for r in dprk if r.main.schema.name == "Vessel"]
    assert len(vessels) == 105
    assert all(r.main.get("imoNumber") for r in vessels)
    assert all(r.main.id == f"ofac-{r.record_id}" for r in sdn.values())


def test_chong_chon_gang(sdn: dict[str, Record]) -> None:
    vessel = sdn["17069"].main
    assert vessel.schema.name == "Vessel"
    assert vessel.get("name") == ["CHONG CHON GANG"]
    assert vessel.get("imoNumber") == ["IMO7937317"]
    assert vessel.get("flag") == ["kp"]
    assert vessel.get("type") == ["General Cargo"]
    assert _sanction(sdn["17069"])["program"] == ["DPRK"]


def test_imo_number_without_the_imo_prefix(sdn: dict[str, Record]) -> None:
    # "Vessel Registration Identification 8606173": a valid IMO check digit
    assert sdn["17104"].main.get("imoNumber") == ["IMO8606173"]


def test_lazarus_group_wallets(sdn: dict[str, Record]) -> None:
    record = sdn["27307"]
    assert record.main.schema.name == "Organization"
    wallets = _others(record, "CryptoWallet")
    assert {w.first("currencySymbol") for w in wallets} == {"ETH"}
    assert [w.first("publicKey") for w in wallets] == [
        "0x098B716B8Aaf21512996dC57EB0615e2383E2f96",
        "0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B",
        "0x3Cffd56B47B7b41c56258D9C7731ABaDc360E073",
        "0x53b6936513e738f44FB50d2b9476730C0Ab3Bfc1",
        "0x35fB6f6DB4fb05e6A4cE86f2C93691425626d4b1",
        "0xF7B31119c2682c88d88D455dBb9d5932c65Cf1bE",
        "0x3e37627dEAA754090fBFbb8bd226c1CE66D255e9",
        "0x08723392Ed15743cc38513C4925f5e6be5c17243",
    ]
    assert all(w.get("holder") == ["ofac-27307"] for w in wallets)
    assert "HIDDEN COBRA" in record.main.get("weakAlias")


def test_truncated_remarks_are_noted_not_misparsed(sdn: dict[str, Record]) -> None:
    main = sdn["27307"].main
    # the remarks stop at 1,000 characters inside "a.k.a. 'WHOIS HACKING TEAM'"
    assert not [a for a in main.get("weakAlias") if a.startswith("WHOIS")]
    assert any("1,000 character limit" in n for n in main.get("notes"))
    assert any(n.endswith("a.k.a. 'WHOIS HACKIN") for n in main.get("notes"))


def test_tian_yinyin(sdn: dict[str, Record]) -> None:
    record = sdn["28263"]
    main = record.main
    assert main.schema.name == "Person"
    assert main.get("birthDate") == ["1986-07-12"]
    assert main.get("nationality") == ["cn"]
    assert main.get("email") == ["417136259@qq.com"]
    assert main.get("gender") == ["male"]
    assert main.get("phone") == ["+8613621583465"]
    assert (main.get("lastName"), main.get("firstName")) == (["TIAN"], ["Yinyin"])
    wallets = _others(record, "CryptoWallet")
    assert len(wallets) == 8
    assert {w.first("currencySymbol") for w in wallets} == {"XBT"}
    assert "134r8iHv69xdT6p5qVKTsHrcUEuBVZAYak" in [w.first("publicKey") for w in wallets]
    assert _sanction(record)["program"] == ["DPRK3", "CYBER2"]
    (ident,) = _others(record, "Identification")
    assert ident.get("number") == ["321284198607120616"]
    assert ident.get("country") == ["cn"]


def test_passport_with_issue_and_expiry(sdn: dict[str, Record]) -> None:
    record = sdn["45250"]
    (passport,) = _others(record, "Passport")
    assert passport.get("number") == ["050010216"]
    assert passport.get("country") == ["rs"]
    assert passport.get("startDate") == ["2020-03-20"]
    assert passport.get("endDate") == ["2025-03-20"]
    assert passport.get("holder") == ["ofac-45250"]
    assert record.main.get("passportNumber") == ["050010216"]
    assert record.main.get("innCode") == ["773389222811"]
    assert record.main.get("birthPlace") == ["Tuzla, Bosnia and Herzegovina"]
    assert record.main.get("citizenship") == ["rs"]


def test_sanction_provisions_and_url(sdn: dict[str, Record]) -> None:
    sanc = _sanction(sdn["17069"])
    assert sanc["authority"] == ["Office of Foreign Assets Control"]
    assert sanc["recordId"] == ["17069"]
    assert sanc["sourceUrl"] == ["https://sanctionssearch.ofac.treas.gov/Details.aspx?id=17069"]
    assert any(p.startswith("Secondary sanctions risk: North Korea") for p in sanc["provisions"])


def test_linked_to_resolves_by_name(sdn: dict[str, Record]) -> None:
    (link,) = _others(sdn["15036"], "UnknownLink")  # ARTAVIL
    assert link.get("subject") == ["ofac-15036"]
    assert link.get("object") == ["ofac-15117"]  # NATIONAL IRANIAN TANKER COMPANY
    assert link.get("role") == ["Linked To"]
    assert not link.get("description")


def test_unknown_link_target_becomes_a_stub(sdn: dict[str, Record]) -> None:
    record = sdn["27018"]  # Linked To: PRESIDENCY OF DEFENSE INDUSTRIES (not an SDN)
    (stub,) = _others(record, "LegalEntity")
    assert stub.get("name") == ["PRESIDENCY OF DEFENSE INDUSTRIES"]
    (link,) = _others(record, "UnknownLink")
    assert link.get("object") == [stub.id]
    assert "no entry of that name" in link.first("description")
    stubs = [e for r in sdn.values() for e in _others(r, "LegalEntity")]
    again = [e for e in stubs if e.caption == stub.caption]
    assert len(again) == 4  # four SDNs are linked to it: one id for them all
    assert {e.id for e in again} == {stub.id}


def test_vessel_owner_becomes_ownership(sdn: dict[str, Record], full: dict[str, Record]) -> None:
    (own,) = _others(sdn["15904"], "Ownership")  # DINO I, Vess_owner "NITC"
    assert own.get("asset") == ["ofac-15904"]
    assert own.get("role") == ["Vessel Owner"]
    assert own.get("owner") == [_others(sdn["15904"], "LegalEntity")[0].id]
    # with alt.csv beside it the acronym resolves to the company's own entry
    (own,) = _others(full["15904"], "Ownership")
    assert own.get("owner") == ["ofac-15117"]
    assert full["15904"].main.get("owner") == ["ofac-15117"]


def test_ids_are_deterministic(sdn: dict[str, Record]) -> None:
    again = _parse(SDN_0501)
    same = sdn["28263"], again["28263"]
    assert [e.id for e in same[0].entities()] == [e.id for e in same[1].entities()]


# --- the full 2021-07-07 set with companions ---------------------------------


def test_alt_csv_aliases(full: dict[str, Record]) -> None:
    assert full["306"].main.get("alias") == ["NATIONAL BANK OF CUBA"]
    assert full["306"].main.get("weakAlias") == ["BNC"]  # quoted in the remarks
    assert "CORTEZ, Oliverio Abril" in full["4307"].main.get("previousName")
    assert "NUEVO CONTINENTE S.A." in full["8244"].main.get("alias")


def test_add_csv_addresses(full: dict[str, Record]) -> None:
    record = full["306"]
    addresses = {a.first("full"): a for a in _others(record, "Address")}
    zurich = addresses["Zweierstrasse 35, Zurich CH-8022, Switzerland"]
    assert zurich.get("street") == ["Zweierstrasse 35"]
    assert zurich.get("city") == ["Zurich CH-8022"]
    assert zurich.get("country") == ["ch"]
    assert len(addresses) == 4
    assert zurich.id in record.main.get("addressEntity")
    assert set(record.main.get("country")) == {"ch", "es", "jp", "pa"}
    assert full["36"].main.get("address") == ["Havana, Cuba"]
    assert set(full["475"].main.get("country")) == {"es", "mx"}  # country only: no Address
    assert not _others(full["475"], "Address")


def test_sdn_comments_continue_the_remarks(full: dict[str, Record]) -> None:
    tian = full["28263"]
    assert "snowsjohn" in tian.main.get("weakAlias")
    (link,) = _others(tian, "UnknownLink")
    assert link.get("object") == ["ofac-27307"]  # LAZARUS GROUP, in the continuation
    # a wallet address split across the 1,000 character boundary
    keys = [w.first("publicKey") for w in _others(full["30518"], "CryptoWallet")]
    assert "1GqChmWqGtsaLrGbHfgdrV5Nkvahtjjuxr" in keys
    eth = [w for w in _others(full["29703"], "CryptoWallet") if w.first("currencySymbol") == "ETH"]
    assert "0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c" in [w.first("publicKey") for w in eth]
    objects = [link.first("object") for link in _others(full["12300"], "UnknownLink")]
    assert "ofac-12396" in objects  # PROMO RAIZ S.A.S., cut at "PROMO RAI" in sdn.csv
    assert not [n for n in tian.main.get("notes") if "1,000 character" in n]


# --- the consolidated (non-SDN) set ------------------------------------------


def test_consolidated_set(cons: dict[str, Record]) -> None:
    lines = (CONS / "cons_prim.csv").read_bytes().count(b"\n")
    assert len(cons) == lines == 442
    cccc = cons["30930"]
    assert cccc.main.schema.name == "Company"  # equity tickers: a company
    assert "601800 CN" in cccc.main.get("ticker")
    assert "CCCC" in cccc.main.get("weakAlias")  # from cons_comments.csv
    assert "CHINA COMMUNICATIONS CONSTRUCTION CO LTD" in cccc.main.get("alias")
    assert _sanction(cccc)["program"] == ["CMIC-EO13959"]
    haniya = cons["9639"].main
    assert haniya.get("birthDate") == ["1962"]
    assert "HANIYA, Ismail" in haniya.get("alias")


def test_directive_listing_dates(cons: dict[str, Record]) -> None:
    sanc = _sanction(cons["17016"])
    assert "2022-02-24" in sanc["listingDate"]
    assert "2022-03-26" in sanc["startDate"]


# --- malformed files ------------------------------------------------------------


def _copy(tmp_path: Path, edit: bytes, replacement: bytes, name: str = "sdn.csv") -> Path:
    data = SDN_0503.read_bytes()
    assert edit in data
    path = tmp_path / name
    path.write_bytes(data.replace(edit, replacement, 1))
    return path


def _line_of(marker: bytes) -> int:
    data = SDN_0503.read_bytes()
    return data[: data.index(marker)].count(b"\n") + 1


def _fails(path: Path, match: str, named: Path | None = None) -> None:
    """Parsing `path` raises a ParseError naming `named` (default `path`) and the place."""
    with pytest.raises(ParseError, match=match) as info:
        list(FORMAT.parse(path).records)
    assert str(info.value).startswith(f"{named or path}:")


def test_shifted_column(tmp_path: Path) -> None:
    marker = b'17069,"CHONG CHON GANG","vessel","DPRK",-0- ,'
    path = _copy(tmp_path, marker, b'17069,"CHONG CHON GANG","vessel","DPRK",')
    _fails(path, rf"sdn\.csv:line {_line_of(marker)}: expected 12 columns, found 11")


def test_truncated_inside_quotes(tmp_path: Path) -> None:
    data = SDN_0503.read_bytes()
    cut = data.rindex(b"Registration Number")  # inside the last line's quoted remarks
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[:cut])
    line = data[:cut].count(b"\n") + 1
    _fails(path, rf"sdn\.csv:line {line}: malformed CSV: unterminated quoted field")


def test_unterminated_quote_in_the_middle(tmp_path: Path) -> None:
    marker = b'"CHONG CHON GANG",'
    path = _copy(tmp_path, marker, b'"CHONG CHON GANG,')
    _fails(path, rf"sdn\.csv:line {_line_of(marker)}: malformed CSV")


@pytest.mark.parametrize(
    ("replacement", "match"),
    [
        (b'"CHONG CHON GANG\x81"', "byte 0x81 is not valid cp1252"),
        (b'"CHONG CHON GANG\x00"', "control character 0x00"),
        (b'"CHONG CHON GANG\xe9"', "byte 0xE9 is not valid UTF-8"),  # + UTF-8 below
    ],
)
def test_bytes_invalid_in_the_encoding(tmp_path: Path, replacement: bytes, match: str) -> None:
    marker = b'"CHONG CHON GANG"'
    path = _copy(tmp_path, marker, replacement)
    if b"\xe9" in replacement:  # a UTF-8 file with one stray Latin-1 byte
        data = path.read_bytes().replace(b'"CUBA"', '"CUBA ñ"'.encode(), 1)
        path.write_bytes(data)
    _fails(path, rf"sdn\.csv:line {_line_of(marker)}: {match}")


def test_cp1252_file_is_read(tmp_path: Path) -> None:
    path = _copy(tmp_path, b'"CHONG CHON GANG"', '"CHONG CHÖN GANG"'.encode("cp1252"))
    rows = read_table(path, 12)
    assert "CHONG CHÖN GANG" in [row.value(1) for row in rows]


def test_companion_for_an_unknown_entry(tmp_path: Path) -> None:
    shutil.copy(FULL / "sdn.csv", tmp_path / "sdn.csv")
    (tmp_path / "alt.csv").write_bytes(b'99999999,1,"aka","NOBODY",-0- \r\n\x1a')
    _fails(
        tmp_path / "sdn.csv",
        r"alt\.csv:line 1: ent_num 99999999 is not listed in sdn\.csv",
        named=tmp_path / "alt.csv",
    )


def test_unknown_type_and_duplicate_and_bad_id(tmp_path: Path) -> None:
    marker = b'17069,"CHONG CHON GANG","vessel"'
    path = _copy(tmp_path, marker, b'17069,"CHONG CHON GANG","submarine"')
    _fails(path, rf"line {_line_of(marker)}: unknown SDN_Type 'submarine'")
    path = _copy(tmp_path, marker, b'36,"CHONG CHON GANG","vessel"')
    _fails(path, rf"line {_line_of(marker)}: duplicate ent_num 36")
    path = _copy(tmp_path, marker, b'17O69,"CHONG CHON GANG","vessel"')
    _fails(path, rf"line {_line_of(marker)}: ent_num '17O69' is not a number")


def test_missing_file(tmp_path: Path) -> None:
    _fails(tmp_path / "sdn.csv", "cannot read file")


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "sdn.csv").write_bytes(b"\x1a")
    _fails(tmp_path / "sdn.csv", "sdn\\.csv: no records")


def test_file_cut_at_a_line_end_is_flagged(tmp_path: Path) -> None:
    data = SDN_0503.read_bytes()
    assert not any("truncated" in note for note in FORMAT.parse(SDN_0503).notes)
    cut = data.index(b"\n", len(data) // 2) + 1
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[:cut])
    parsed = FORMAT.parse(path)
    assert any("may be truncated" in note for note in parsed.notes)
    assert len(list(parsed.records)) == data[:cut].count(b"\n")


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "cons_prim.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (CONS / "cons_prim.csv").read_bytes())
    assert FORMAT.sniff(path, path.read_bytes()[:4096])
    assert len(list(FORMAT.parse(path).records)) == 442


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_junk_bytes_raise_parse_error_only(junk: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sdn.csv"
        path.write_bytes(junk)
        try:
            records = list(FORMAT.parse(path).records)
        except ParseError:
            return
        assert all(r.main.id == f"ofac-{r.record_id}" for r in records)
