"""The DFAT consolidated list parser on tests/data/au/regulation8_consolidated-2026-02-27.xlsx.

That workbook was written by hand (by tests/data/au/make_sample.py) in DFAT's
published layout because no real DFAT file is available offline; its
designations are real UN 1718 (DPRK) designations copied from the real UN list
of 2026-02-27 (KPi.024, KPi.064, KPe.001) plus the ship YU JONG 2 (IMO 8604917).
DFAT's own reference numbers in it are illustrative.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.detect import detect
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.sources.au import FORMAT
from tests.conftest import DATA

AU = DATA / "au" / "regulation8_consolidated-2026-02-27.xlsx"
_SPEC = importlib.util.spec_from_file_location("make_sample", AU.parent / "make_sample.py")
assert _SPEC is not None and _SPEC.loader is not None
make_sample = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(make_sample)


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return {r.record_id: r for r in FORMAT.parse(AU).records}


def _sanction(record: Record) -> dict[str, list[str]]:
    (sanc,) = [e for e in record.others if e.schema.name == "Sanction"]
    return sanc.properties


def _cells(data: bytes) -> tuple[str | None, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    rows = [tuple(row) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    return book.properties.description, rows


def test_checked_in_workbook_is_what_the_script_builds() -> None:
    # compare content, not bytes: openpyxl writes XML differently with and without lxml
    assert _cells(AU.read_bytes()) == _cells(make_sample.build())


def test_detected_with_version_from_workbook_date(tmp_path: Path) -> None:
    assert detect(AU).name == "au-xlsx"
    parsed = FORMAT.parse(AU)
    assert (parsed.source, parsed.version) == ("au", "2026-02-27")
    renamed = tmp_path / "consolidated.bin"
    renamed.write_bytes(AU.read_bytes())
    assert not FORMAT.sniff(renamed, renamed.read_bytes()[:4096])  # only .xlsx is opened


def test_rows_grouped_by_reference(records: dict[str, Record]) -> None:
    schemas = {key: r.main.schema.name for key, r in records.items()}
    assert schemas == {"5770": "Organization", "5801": "Person", "5812": "Person", "5890": "Vessel"}
    assert records["5801"].main.id == "au-5801"


def test_person_with_aliases_birth_citizenship_passport(records: dict[str, Record]) -> None:
    kim = records["5801"]
    assert kim.main.get("name") == ["KIM YONG CHOL"]
    assert kim.main.get("alias") == [
        "Kim Yong-Chol", "Kim Young-Chol", "Kim Young-Cheol", "Young-Chul"
    ]  # fmt: skip
    assert kim.main.get("birthDate") == ["1962-02-18"]  # a date cell
    assert kim.main.get("citizenship") == ["kp"]
    (passport,) = [e for e in kim.others if e.schema.name == "Passport"]
    assert passport.get("number") == ["472310168"]
    assert passport.get("holder") == [kim.main.id]
    choe = records["5812"].main
    assert choe.get("weakAlias") == ["Choe Sok Min"]
    assert choe.get("birthDate") == ["1978-07-25"]  # a dd/mm/yyyy text cell


def test_entity_with_address(records: dict[str, Record]) -> None:
    komid = records["5770"]
    assert komid.main.get("name") == ["Korea Mining Development Trading Corporation"]
    assert "KOMID" in komid.main.get("alias")
    (address,) = [e for e in komid.others if e.schema.name == "Address"]
    assert address.get("full") == [
        "Central District, Pyongyang, Democratic People's Republic of Korea"
    ]
    assert address.get("country") == ["kp"]
    assert komid.main.get("country") == ["kp"]


def test_entity_with_imo_is_a_vessel(records: dict[str, Record]) -> None:
    ship = records["5890"].main
    assert ship.schema.name == "Vessel"
    assert ship.get("imoNumber") == ["IMO8604917"]


def test_sanctions(records: dict[str, Record]) -> None:
    for record in records.values():
        sanc = _sanction(record)
        assert sanc["program"] == ["1718 (DPRK)"] and regime_of("1718 (DPRK)") == "dprk"
        assert sanc["authority"] == ["Australia (DFAT)"]
    kim = _sanction(records["5801"])
    assert kim["unscId"] == ["KPi.024"]
    assert (kim["listingDate"], kim["modifiedAt"]) == (["2016-03-02"], ["2022-07-26"])
    assert kim["provisions"] == ["Targeted Financial Sanction", "Travel Ban"]
    assert _sanction(records["5812"])["provisions"] == ["Targeted Financial Sanction", "Travel Ban"]
    assert _sanction(records["5770"])["unscId"] == ["KPe.001"]
    assert "unscId" not in _sanction(records["5890"])


def _workbook(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _row(
    reference: str, name: str | None, kind: str = "Individual", name_type: str = "Primary Name"
) -> list[object]:
    return [reference, name, kind, name_type, None, None, None, None, None, None, None, None,
            "1718 (DPRK)"]  # fmt: skip


def test_reused_reference_starts_a_new_record(tmp_path: Path) -> None:
    rows = [_row("101", "KIM YONG CHOL"), _row("102", "CH'OE SO'K MIN"),
            _row("101", "RI WON HO"), _row("101a", "Ri Won-ho", name_type="aka")]  # fmt: skip
    path = _workbook(tmp_path / "list.xlsx", make_sample.HEADER[:13], rows)
    found = {r.record_id: r.main.get("name") for r in FORMAT.parse(path).records}
    assert found == {"101": ["KIM YONG CHOL"], "102": ["CH'OE SO'K MIN"], "101-2": ["RI WON HO"]}


@pytest.mark.parametrize(
    "header,rows,where",
    [
        (make_sample.HEADER[:12], [_row("1", "KIM")[:12]], "row 1: header lacks column"),
        (make_sample.HEADER, [_row("A1", "KIM")], "row 2: Reference 'A1'"),
        (make_sample.HEADER, [_row("7", "KIM"), _row("8", "X", kind="Aircraft")], "row 3: Type"),
        (make_sample.HEADER, [_row("9", None)], "row 2: Reference 9 has no name"),
    ],
    ids=["missing-column", "bad-reference", "unknown-type", "no-name"],
)  # fmt: skip
def test_bad_sheet_is_one_line_parse_error(
    tmp_path: Path, header: list[str], rows: list[list[object]], where: str
) -> None:
    path = _workbook(tmp_path / "bad.xlsx", header, rows)
    _assert_parse_error(path, where)


@pytest.mark.parametrize(
    "content,where",
    [
        (b"Reference,Name of Individual or Entity\n1,KIM\n", "not an xlsx workbook"),
        (AU.read_bytes()[:3000], "bad.xlsx"),
        (b"PK\x03\x04" + b"\x00" * 200, "not an xlsx workbook"),
    ],
    ids=["not-a-zip", "truncated-zip", "zip-header-only"],
)
def test_not_a_workbook_is_one_line_parse_error(tmp_path: Path, content: bytes, where: str) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    assert not FORMAT.sniff(path, content[:4096])
    _assert_parse_error(path, where)


def _assert_parse_error(path: Path, where: str) -> None:
    with pytest.raises(ParseError) as info:
        list(FORMAT.parse(path).records)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert where in message


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(cut=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255))))
def test_damaged_workbook_parses_or_raises_parse_error(
    tmp_path_factory: pytest.TempPathFactory, cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(AU.read_bytes())
    for where, mask in flips:
        data[int(where * (len(data) - 1))] ^= mask
    path = tmp_path_factory.mktemp("au") / AU.name
    path.write_bytes(bytes(data) if flips else bytes(data[: max(1, int(cut * len(data)))]))
    FORMAT.sniff(path, bytes(data[:4096]))  # never raises
    try:
        list(FORMAT.parse(path).records)
    except ParseError as exc:
        assert "\n" not in str(exc)
