"""Build `dprk_pairs.csv`: labelled name pairs for North Korea screening.

    .venv/bin/python tests/data/matching/make_dprk_pairs.py [--out PATH]

Every pair is built from a real DPRK designation: UN consolidated list 2026-02-27
(KPi.*, KPe.*) and OFAC SDN 2024-05-03 (programs DPRK*). The candidate is the list
entry, name as printed; the query is that entry's name written another way
(Hangul, RR, MR, southern spelling, hyphenation, order, typos, truncation, legal
forms, vessel prefixes), or, for negatives, another designee's name, or the same
name with a birth date 30+ years off. Output is deterministic (fixed seed).

The Hangul of each name is written from the romanized syllables with the table
below (hand-written; where a syllable has several readings the common name
reading is used, and a few well-known officials are spelled as in DPRK media).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from pathlib import Path

import org_pairs
import person_pairs as pp
from dprk_lists import Designee, read_ofac, read_un
from pair import COLUMNS, Pair, Person, fold

SEED = 20260227
OUT = Path(__file__).resolve().parent / "dprk_pairs.csv"

# Romanized as on the lists (DPRK usage, apostrophes dropped) -> Hangul.
SURNAMES = {
    "CHOE": "최", "CHA": "차", "CHANG": "장", "CHO": "조", "CHU": "주", "HAN": "한",
    "HO": "허", "HWANG": "황", "HYON": "현", "IM": "임", "JANG": "장", "JI": "지",
    "JO": "조", "JON": "전", "JONG": "정", "KANG": "강", "KIL": "길", "KIM": "김",
    "KO": "고", "KU": "구", "KWAK": "곽", "MIN": "민", "MUN": "문", "O": "오",
    "PAE": "배", "PAEK": "백", "PAK": "박", "PARK": "박", "PANG": "방", "RA": "라",
    "RI": "리", "RYANG": "량", "RYOM": "렴", "RYU": "류", "SIN": "신", "SON": "손",
    "YON": "연", "YU": "유", "YUN": "윤",
}  # fmt: skip
SYLLABLES = {
    "BOK": "복", "BOM": "범", "BONG": "봉", "BYONG": "병", "CHAE": "재", "CHAN": "찬",
    "CHANG": "창", "CHIN": "진", "CHOL": "철", "CHON": "천", "CHONG": "정", "CHUL": "철",
    "CHUN": "춘", "GIL": "길", "GON": "건", "GUK": "국", "GUN": "근", "GWANG": "광",
    "GWON": "권", "GYU": "규", "HA": "하", "HAE": "해", "HAK": "학", "HAN": "한",
    "HO": "호", "HONG": "홍", "HUI": "희", "HUN": "훈", "HUNG": "흥", "HWA": "화",
    "HWAN": "환", "HWI": "휘", "HYOK": "혁", "HYONG": "형", "IL": "일", "IN": "인",
    "JA": "자", "JAE": "재", "JANG": "장", "JE": "제", "JIN": "진", "JONG": "정",
    "JU": "주", "JUN": "준", "JUNG": "중", "KANG": "강", "KI": "기", "KIL": "길",
    "KUK": "국", "KWANG": "광", "KWON": "권", "KYONG": "경", "KYU": "규", "MAN": "만",
    "MIN": "민", "MU": "무", "MUN": "문", "MYONG": "명", "NAM": "남", "OK": "옥",
    "PHYONG": "평", "PIL": "필", "PONG": "봉", "PU": "부", "PYONG": "병", "RI": "리",
    "RO": "로", "RYOL": "렬", "RYONG": "룡", "SAM": "삼", "SAN": "산", "SANG": "상",
    "SE": "세", "SIK": "식", "SO": "서", "SOK": "석", "SON": "선", "SONG": "성",
    "SOP": "섭", "SU": "수", "SUN": "순", "SUNG": "승", "TAE": "대", "THAE": "태",
    "THAEK": "택", "TO": "도", "TOK": "덕", "TONG": "동", "U": "우", "UK": "욱",
    "UN": "은", "UNG": "웅", "WON": "원", "YO": "여", "YON": "연", "YONG": "영",
    "YU": "유", "YUN": "윤",
}  # fmt: skip
# Whole names whose Hangul the syllable table gets wrong (YONG is 용 here, CHUN 준, KUK 극).
NAMES = {
    "RISUYONG": "리수용", "RIYONGMU": "리용무", "JOYONGWON": "조용원",
    "CHOYONCHUN": "조연준", "OKUKRYOL": "오극렬",
}  # fmt: skip
# Pairs per category (sampled from all that can be built; see README.md).
COUNTS = {
    "hangul": 48, "hangul_negative": 22, "rr": 25, "mr": 25, "dprk": 25,
    "hyphenation": 20, "order": 20, "typo": 25, "truncation": 20,
    "negative_similar": 30, "negative_dob": 20,
    "company_cross-list": 8, "company_acronym": 6, "company_alias": 10, "company_legal": 8,
    "company_negative": 15, "vessel": 20, "vessel_negative": 12,
}  # fmt: skip


def korean(record: Designee) -> tuple[str, tuple[str, ...]] | None:
    """(surname, given syllables) when every part is in the table, else None."""
    surname = re.sub(r"['’]", "", record.surname.upper())
    given = tuple(re.sub(r"['’]", "", s) for s in re.split(r"[\s-]+", record.given.upper()) if s)
    if surname not in SURNAMES or not given or not all(s in SYLLABLES for s in given):
        return None
    return (surname, given) if record.country in ("kp", "") else None


def people(records: list[Designee]) -> tuple[list[Person], list[Designee]]:
    """Korean-named designees, one Person per human (UN and OFAC entries merged)."""
    groups: list[list[Designee]] = []
    skipped = []
    for record in records:
        if korean(record) is None:
            skipped.append(record)
            continue
        hit = next((g for g in groups if any(_same(record, r) for r in g)), None)
        if hit is None:
            groups.append([record])
        else:
            hit.append(record)
    return [_person(g) for g in groups], skipped


def _same(a: Designee, b: Designee) -> bool:
    if not {fold(n) for n in (a.name, *a.aliases)} & {fold(n) for n in (b.name, *b.aliases)}:
        return False
    years = [abs(x - y) for x in a.birth_years for y in b.birth_years]
    return not years or min(years) <= 2


def _person(records: list[Designee]) -> Person:
    surname, given = korean(records[0]) or ("", ())
    whole = NAMES.get(surname + "".join(given))
    hangul_given = tuple(whole[1:]) if whole else tuple(SYLLABLES[s] for s in given)
    return Person(tuple(records), surname, given, SURNAMES[surname], hangul_given)


def build() -> list[Pair]:
    records = sorted(read_un() + read_ofac(), key=lambda r: r.source)
    persons, skipped = people([r for r in records if r.kind == "person"])
    print(f"{len(persons)} Korean-named designees; {len(skipped)} other person entries left out:")
    print("  " + "; ".join(f"{r.source} {r.name}" for r in skipped), file=sys.stderr)
    groups = org_pairs.group([r for r in records if r.kind == "entity"])
    vessels = [r for r in records if r.kind == "vessel"]
    pairs = _people_pairs(persons) + _org_pairs(groups, vessels)
    seen: set[tuple[str, ...]] = set()
    unique = []
    for p in pairs:  # one pair may come out of two generators (a listed alias is a legal form)
        key = (p.schema, p.query_name, p.query_birth_date, p.candidate.name)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _people_pairs(persons: list[Person]) -> list[Pair]:
    out: list[Pair] = []
    for category, variant in [
        ("hangul", pp.hangul),
        ("rr", pp.revised),
        ("mr", pp.mccune),
        ("dprk", pp.south),
        ("hyphenation", pp.hyphenation),
        ("order", pp.order),
        ("typo", pp.typo),
        ("truncation", pp.truncation),
    ]:
        rng = random.Random(f"{SEED}-{category}")
        out += pp.positives(persons, rng, COUNTS[category], category, variant)
    rng = random.Random(f"{SEED}-negatives")
    similar = rng.sample(
        pp.similar(persons), COUNTS["hangul_negative"] + COUNTS["negative_similar"]
    )
    out += pp.negatives(similar[: COUNTS["hangul_negative"]], rng, "hangul", hangul=True)
    out += pp.negatives(similar[COUNTS["hangul_negative"] :], rng, "negative_similar", hangul=False)
    out += pp.shifted_birth(persons, rng, COUNTS["negative_dob"])
    return out + list(pp.namesakes(persons))


def _org_pairs(groups: list[list[Designee]], vessels: list[Designee]) -> list[Pair]:
    rng = random.Random(f"{SEED}-organizations")
    out: list[Pair] = []
    for kind, found in org_pairs.company_positives(groups, rng).items():
        out += _sample(rng, found, COUNTS[f"company_{kind}"])
    out += org_pairs.company_negatives(groups, rng)[: COUNTS["company_negative"]]
    out += _sample(rng, list(org_pairs.vessel_positives(vessels, rng)), COUNTS["vessel"])
    negatives = list(org_pairs.vessel_negatives(vessels, rng))
    return out + _sample(rng, negatives, COUNTS["vessel_negative"])


def _sample(rng: random.Random, pairs: list[Pair], n: int) -> list[Pair]:
    return rng.sample(pairs, min(n, len(pairs)))


def write(pairs: list[Pair], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(p.row() for p in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    pairs = build()
    write(pairs, args.out)
    counts = Counter((p.category, p.is_match) for p in pairs)
    print(f"{len(pairs)} pairs -> {args.out}")
    for (category, label), n in sorted(counts.items()):
        print(f"  {category:<18} {'match' if label else 'non-match':<10} {n:>4}")


if __name__ == "__main__":
    main()
