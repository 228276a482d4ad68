"""The EU FSF XML parser on tests/data/eu/sample-2026-02-27.xml.

That sample was written by hand in the published ``xmlFullSanctionsList_1_1``
format because no real EU file is available offline; its designations are real
UN 1718 (DPRK) designations copied from the real UN list of 2026-02-27 (KPi.024,
KPi.064, KPi.066, KPe.001, KPe.066) plus the vessel YU JONG 2 (IMO 8604917). The
EU's own identifiers in it (logicalId, euReferenceNumber) are illustrative.
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
from sanctionwatch.lists.sources.eu import FORMAT
from tests.conftest import DATA

EU = DATA / "eu" / "sample-2026-02-27.xml"


@pytest.fixture(scope="module")
def records() -> dict[str, Record]:
    return {r.record_id: r for r in FORMAT.parse(EU).records}


def _sanction(record: Record) -> dict[str, list[str]]:
    (sanc,) = [e for e in record.others if e.schema.name == "Sanction"]
    return sanc.properties


def test_detected_with_version_from_generation_date() -> None:
    assert detect(EU).name == "eu-xml"
    parsed = FORMAT.parse(EU)
    assert (parsed.source, parsed.version) == ("eu", "2026-02-27")


def test_counts_and_schemas(records: dict[str, Record]) -> None:
    schemas = sorted(r.main.schema.name for r in records.values())
    assert schemas == ["Organization", "Organization", "Person", "Person", "Person", "Vessel"]
    assert all(r.main.id == f"eu-{r.record_id}" for r in records.values())


def test_person_with_aliases_birth_nationality_passport(records: dict[str, Record]) -> None:
    kim = records["101201"]
    assert kim.main.get("name") == ["Kim Yong Chol"]
    assert kim.main.get("alias") == [
        "Kim Yong-Chol", "Kim Young-Chol", "Kim Young-Cheol", "Young-Chul"
    ]  # fmt: skip
    assert kim.main.get("birthDate") == ["1962-02-18"]
    assert kim.main.get("nationality") == ["kp"]
    assert kim.main.get("gender") == ["male"]
    assert kim.main.get("position") == ["KOMID Representative"]
    (passport,) = [e for e in kim.others if e.schema.name == "Passport"]
    assert passport.get("number") == ["472310168"]
    assert passport.get("holder") == [kim.main.id]
    assert passport.get("country") == ["kp"]
    assert kim.main.get("passportNumber") == ["472310168"]


def test_weak_alias_and_year_only_births(records: dict[str, Record]) -> None:
    assert records["101288"].main.get("weakAlias") == ["Choe Sok Min"]
    assert records["101288"].main.get("alias") == []
    assert records["101290"].main.get("birthDate") == ["1967", "1968", "1969"]


def test_entity_with_address(records: dict[str, Record]) -> None:
    komid = records["101003"]
    assert komid.main.schema.name == "Organization"
    assert "KOMID" in komid.main.get("alias")
    (address,) = [e for e in komid.others if e.schema.name == "Address"]
    assert address.get("full") == ["Central District, Pyongyang, NORTH KOREA"]
    assert address.get("city") == ["Pyongyang"]
    assert address.get("country") == ["kp"]
    assert komid.main.get("addressEntity") == [address.id]
    owner = records["101403"].main
    assert owner.get("registrationNumber") == ["5434358"]
    assert "5434358: IMO company number" in owner.get("notes")


def test_enterprise_with_imo_is_a_vessel(records: dict[str, Record]) -> None:
    ship = records["101402"].main
    assert ship.schema.name == "Vessel"
    assert ship.get("imoNumber") == ["IMO8604917"]
    assert ship.get("name") == ["YU JONG 2"]


def test_sanction_program_unsc_id_and_dates(records: dict[str, Record]) -> None:
    for record in records.values():
        sanc = _sanction(record)
        assert sanc["program"] == ["PRK"]
        assert regime_of(sanc["program"][0]) == "dprk"
        assert sanc["authority"] == ["European Union"]
        assert sanc["recordId"] == [record.record_id]
    kim = _sanction(records["101201"])
    assert kim["unscId"] == ["KPi.024"]
    assert kim["authorityId"] == ["EU.4031.72"]
    assert (kim["listingDate"], kim["startDate"]) == (["2017-08-31"], ["2017-09-01"])
    assert kim["summary"] == ["2017/1509 (OJ L224)"]
    assert kim["sourceUrl"][0].startswith("http://eur-lex.europa.eu/")
    assert _sanction(records["101003"])["unscId"] == ["KPe.001"]
    assert "unscId" not in _sanction(records["101402"])


def test_ids_are_deterministic() -> None:
    first = [e.id for r in FORMAT.parse(EU).records for e in r.entities()]
    second = [e.id for r in FORMAT.parse(EU).records for e in r.entities()]
    assert first == second and len(set(first)) == len(first)


_HEAD = b'<?xml version="1.0"?>\n<export xmlns="http://eu.europa.ec/fpi/fsd/export">'
_PERSON = b'<subjectType code="person"/><nameAlias wholeName="Kim Yong Chol" strong="true"/>'


@pytest.mark.parametrize(
    "content,where",
    [
        (EU.read_bytes()[:3000], "line"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
         b'<export xmlns="http://eu.europa.ec/fpi/fsd/export">&b;</export>', "unsafe"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
         b'<export xmlns="http://eu.europa.ec/fpi/fsd/export">&x;</export>', "unsafe"),
        ('<?xml version="1.0" encoding="UTF-8"?><export>\u00e9'.encode("latin-1")
         + b"</export>", "line"),
        (_HEAD + b"<sanctionEntity>" + _PERSON + b"</sanctionEntity></export>",
         "sanctionEntity #1"),
        (_HEAD + b'<sanctionEntity logicalId="7"><subjectType code="vessel"/>'
         b"</sanctionEntity></export>", "sanctionEntity 7"),
        (_HEAD + b'<sanctionEntity logicalId="8"><subjectType code="person"/>'
         b"</sanctionEntity></export>", "nameAlias"),
        (b'<other><sanctionEntity logicalId="9">' + _PERSON + b"</sanctionEntity></other>",
         "root is other"),
    ],
    ids=[
        "truncated", "billion-laughs", "external-entity", "wrong-encoding", "no-logical-id",
        "unknown-subject", "no-name", "wrong-root",
    ],
)  # fmt: skip
def test_bad_input_is_one_line_parse_error(tmp_path: Path, content: bytes, where: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(content)
    with pytest.raises(ParseError) as info:
        list(FORMAT.parse(path).records)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message
    assert where in message


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(cut=st.floats(0.0, 1.0), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(1, 255))))
def test_damaged_sample_parses_or_raises_parse_error(
    tmp_path_factory: pytest.TempPathFactory, cut: float, flips: list[tuple[float, int]]
) -> None:
    data = bytearray(EU.read_bytes())
    for where, mask in flips:
        data[int(where * (len(data) - 1))] ^= mask
    path = tmp_path_factory.mktemp("eu") / "damaged.xml"
    path.write_bytes(bytes(data[: max(1, int(cut * len(data)))] if not flips else data))
    try:
        list(FORMAT.parse(path).records)
    except ParseError as exc:
        assert "\n" not in str(exc)
