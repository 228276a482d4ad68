"""The UN Security Council consolidated XML parser on the real list of 2026-02-27."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionwatch.errors import ParseError
from sanctionwatch.lists.detect import detect
from sanctionwatch.lists.model import Record
from sanctionwatch.lists.regimes import regime_of
from sanctionwatch.lists.sources.un import FORMAT
from tests.conftest import UN


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    parsed = FORMAT.parse(UN)
    assert parsed.version == "2026-02-27"
    return {r.record_id: r for r in parsed.records}


def _sanction(record: Record) -> dict[str, list[str]]:
    (sanc,) = [e for e in record.others if e.schema.name == "Sanction"]
    return sanc.properties


def test_detected_as_un_xml() -> None:
    assert detect(UN).name == "un-xml"


def test_counts(records: dict[str, Record]) -> None:
    assert len(records) == 1003
    dprk = [r for r in records.values() if regime_of(_sanction(r)["program"][0]) == "dprk"]
    assert len(dprk) == 155
    assert sum(r.main.schema.name == "Person" for r in dprk) == 80
    assert sum(r.main.schema.name == "Organization" for r in dprk) == 75


def test_individual_with_document_and_original_script(records: dict[str, Record]) -> None:
    with_passport = [
        r
        for r in records.values()
        if r.record_id.startswith("KPi") and any(e.schema.name == "Passport" for e in r.others)
    ]
    assert with_passport, "UN DPRK individuals carry passport numbers"
    record = with_passport[0]
    (passport,) = [e for e in record.others if e.schema.name == "Passport"][:1]
    assert passport.get("holder") == [record.main.id]
    assert passport.get("number")[0] in record.main.get("passportNumber")
    scripts = [r for r in records.values() if any(not a.isascii() for a in r.main.get("alias"))]
    assert len(scripts) > 100  # NAME_ORIGINAL_SCRIPT (Arabic, Cyrillic, Hangul...)


def test_entity_company_imo_and_sanction(records: dict[str, Record]) -> None:
    orgs = [r for r in records.values() if r.main.schema.name == "Organization"]
    omm = next(r for r in orgs if "IMO1790183" in r.main.get("imoNumber"))
    assert "OCEAN MARITIME MANAGEMENT" in omm.main.get("name")[0]
    assert sum(bool(r.main.get("imoNumber")) for r in orgs) >= 15
    assert omm.main.get("imoNumber") == ["IMO1790183"]
    sanc = _sanction(omm)
    assert sanc["authority"] == ["United Nations Security Council"]
    assert sanc["unscId"] == [omm.record_id]
    assert sanc["listingDate"][0][:4].isdigit()


def test_birth_date_range_and_alias_quality(records: dict[str, Record]) -> None:
    kim = records["KPi.066"].main
    assert kim.get("birthDate") == ["1967", "1968", "1969"]
    assert kim.get("nationality") == ["kp"]
    assert kim.get("gender") == ["male"]
    lows = [r for r in records.values() if r.main.get("weakAlias")]
    assert lows, "aliases of quality Low become weakAlias"


@pytest.mark.parametrize(
    "content,where",
    [
        (b'<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1', "line"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
            b"<CONSOLIDATED_LIST>&b;</CONSOLIDATED_LIST>",
            "unsafe",
        ),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            b"<CONSOLIDATED_LIST>&x;</CONSOLIDATED_LIST>",
            "unsafe",
        ),
        (
            '<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST>\u00e9'.encode("latin-1")
            + b"</CONSOLIDATED_LIST>",
            "line",
        ),
        (
            b'<?xml version="1.0"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID>'
            b"</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>",
            "REFERENCE_NUMBER",
        ),
    ],
    ids=["truncated", "billion-laughs", "external-entity", "wrong-encoding", "no-reference"],
)
def test_bad_input_is_one_line_parse_error(tmp_path: Path, content: bytes, where: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(ParseError) as info:
        list(FORMAT.parse(path).records)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert where in message
