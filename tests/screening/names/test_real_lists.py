"""The name layer on the real lists: Hangul against list spellings, aliases, speed.

The UN list of 2026-02-27 carries no Hangul at all (its NAME_ORIGINAL_SCRIPT
holds 366 Arabic, 11 Cyrillic and 1 Latin name; Chinese appears in 5
aliases), and OFAC's CSV none either. So the Hangul side below is written by
hand, for designated North Koreans whose Hangul names are public; the Latin
side is looked up verbatim in the real files, so the test checks our
romanization against the spellings the lists actually use.
"""

from __future__ import annotations

import pytest

from sanctionwatch.screening.names.forms import name_forms
from sanctionwatch.screening.names.normalize import normalize
from tests.screening.names.conftest import UnEntry, ofac_sdn_rows

HANGUL_OFAC = {
    "김정은": "KIM, Jong Un",
    "김여정": "KIM, Yo Jong",
    "최룡해": "CHOE, Ryong Hae",
    "리영길": "RI, Yong Gil",
    "리병철": "RI, Pyong Chol",
    "정경택": "JONG, Kyong Thaek",
    "조용원": "JO, Yong-Won",
    "최휘": "CHOE, Hwi",
    "김수길": "KIM, Su Gil",
    "김영철": "KIM, Yong Chol",
    "오극렬": "O, Kuk-Ryol",
    "황병서": "HWANG, Pyong So",
    "김기남": "KIM, Ki Nam",
    "리만건": "RI, Man Gon",
    "김원홍": "KIM, Won Hong",
    "최부일": "CHOE, Pu Il",
    "박진혁": "PARK, Jin Hyok",
    "장창하": "CHANG, Chang-ha",
    "김경옥": "KIM, Kyong Ok",
}
HANGUL_UN = {
    "김정식": "KPi.066",  # KIM JONG SIK
    "리수용": "KPi.052",  # RI SU YONG
    "조일우": "KPi.040",  # CHO IL U
    "리용무": "KPi.053",  # RI YONG MU
    "박도춘": "KPi.050",  # PAK TO CHUN
    "백세봉": "KPi.048",  # PAEK SE BONG
    "현광일": "KPi.015",  # HYON KWANG IL
    "최춘식": "KPi.013",  # CHOE CHUN SIK
    "리은성": "KPi.078",  # RI U'N SO'NG
    "김동명": "KPi.023",  # KIM TONG MY'ONG
    "라경수": "KPi.008",  # RA KY'ONG-SU
}
# UN KPi aliases that are other names, not other spellings (checked by hand)
OTHER_NAMES = {
    "Chang Myong Ho", "Chang Myo’ng-Ho", "Chang Myong-Ho", "Jang Hyon U", "Jon Yong Sang",
    "Jiang Wen-ji", "Jian Wenji", "Kim Chin-So’k", "Kim Jin-Sok", "Kim Hyok-Chol",
    "Kim Hyok Chol", "Kim Myong Gi", "Kim Hak Song", "Son Min", "Jin Tiesan (金铁三)",
    "Cho Ch’o’l", "Jo Chol", "Min Byong Chun", "Kang Myong Chol", "Lui Wai Ming",
    "Li Cheng He", "Neil Tsang", "Yun Yuan Tsang", "Young-Chul",
}  # fmt: skip


def sorted_keys(name: str, schema: str = "Person") -> set[tuple[str, ...]]:
    return {tuple(sorted(k)) for k in name_forms(name, schema).korean}


def hangul_meets(hangul: str, latin: str) -> bool:
    return bool(sorted_keys(hangul) & sorted_keys(latin))


def test_hangul_names_meet_ofac_spellings() -> None:
    listed = {row[1] for row in ofac_sdn_rows()}
    assert set(HANGUL_OFAC.values()) <= listed
    met = [h for h, latin in HANGUL_OFAC.items() if hangul_meets(h, latin)]
    print(f"Hangul -> OFAC Latin name, same Korean key: {len(met)}/{len(HANGUL_OFAC)}")
    assert len(met) == len(HANGUL_OFAC)


def test_hangul_names_meet_un_spellings(un_entries: list[UnEntry]) -> None:
    by_reference = {e.reference: e for e in un_entries}
    met = 0
    for hangul, reference in HANGUL_UN.items():
        entry = by_reference[reference]
        met += any(hangul_meets(hangul, n) for n in (entry.name, *entry.aliases))
    print(f"Hangul -> UN Latin name, same Korean key: {met}/{len(HANGUL_UN)}")
    assert met == len(HANGUL_UN)


def test_un_hangul_original_script_is_absent(un_entries: list[UnEntry]) -> None:
    hangul = [e for e in un_entries if e.original_script and "가" <= e.original_script[0] <= "힣"]
    assert hangul == []  # if the UN starts publishing Hangul, test it here


def test_un_kpi_alias_spellings_share_the_key(un_entries: list[UnEntry]) -> None:
    """Aliases of DPRK individuals that respell the primary name meet it on the Korean key."""
    pairs = [
        (e.name, alias)
        for e in un_entries
        if e.reference.startswith("KPi")
        for alias in e.aliases
        if alias not in OTHER_NAMES
    ]
    missed = [(n, a) for n, a in pairs if not sorted_keys(n) & sorted_keys(a)]
    print(f"UN KPi respelt aliases sharing the key: {len(pairs) - len(missed)}/{len(pairs)}")
    # the two misses are real differences of one letter: PAEK/Pak, SOK-HWA/SOK HA
    assert missed == [("HWANG SOK-HWA", "HWANG SOK HA"), ("PAEK CHANG-HO", "Pak Chang-Ho")]


@pytest.mark.slow
def test_every_real_name_is_analysed(all_names: list[tuple[str, str]]) -> None:
    """Every name on the real lists yields comparison tokens (speed: bench/screening_speed.py)."""
    name_forms.cache_clear()
    empty = [
        (name, schema)
        for name, schema in all_names
        if normalize(name) and not name_forms(name, schema).tokens
    ]
    assert len(all_names) > 60_000
    assert empty == []
