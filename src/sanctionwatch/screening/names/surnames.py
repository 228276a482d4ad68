"""Korean surnames and their common Latin spellings.

Each entry maps the Hangul surname to its spellings: the North Korean (and
sanctions-list) spelling first, the usual South Korean one second (the same
when they agree), then the rest. North and South write some surnames with
different Hangul (the South drops an initial ㄹ: 리/이, 류/유, 림/임, 로/노,
량/양, 라/나, 렴/염): both forms are listed with the same spellings so that
either Hangul input yields every Latin form.
"""

from __future__ import annotations

_ROWS: tuple[tuple[str, str], ...] = (
    ("김", "KIM KIM GIM"),
    ("리 이", "RI LEE YI I RHEE LI"),
    ("박", "PAK PARK BAK"),
    ("최", "CHOE CHOI CHOY"),
    ("정", "JONG JEONG CHONG CHUNG JUNG"),
    ("강", "KANG KANG GANG"),
    ("조", "JO CHO"),
    ("한", "HAN"),
    ("류 유", "RYU YU YOO"),
    ("윤", "YUN YOON YOUN"),
    ("장", "JANG CHANG"),
    ("황", "HWANG"),
    ("오", "O OH"),
    ("서", "SO SEO SUH"),
    ("고", "KO KO GO"),
    ("문", "MUN MOON"),
    ("손", "SON SOHN"),
    ("주", "JU JOO CHU"),
    ("권", "KWON KWON GWON"),
    ("백", "PAEK BAEK PAIK"),
    ("로 노", "RO ROH NO NOH"),
    ("량 양", "RYANG YANG"),
    ("배", "PAE BAE"),
    ("신", "SIN SHIN"),
    ("현", "HYON HYUN HYEON"),
    ("태", "THAE TAE"),
    ("안", "AN AHN"),
    ("송", "SONG"),
    ("전", "JON JEON CHON CHUN"),
    ("채", "CHAE"),
    ("계", "KYE KYE GYE"),
    ("길", "KIL KIL GIL"),
    ("림 임", "RIM LIM IM"),
    ("홍", "HONG"),
    ("허", "HO HEO HUH"),
    ("남", "NAM"),
    ("심", "SIM SHIM"),
    ("하", "HA"),
    ("곽", "KWAK KWAK GWAK"),
    ("성", "SONG SUNG SEONG"),
    ("차", "CHA"),
    ("구", "KU KOO GU"),
    ("우", "U WOO"),
    ("민", "MIN"),
    ("라 나", "RA NA"),
    ("렴 염", "RYOM YEOM YOM"),
    ("방", "PANG BANG"),
    ("지", "JI JI CHI"),
    ("변", "PYON BYUN BYEON"),
    ("원", "WON"),
    ("천", "CHON CHEON"),
    ("석", "SOK SEOK"),
    ("선", "SON SUN SEON"),
    ("진", "JIN JIN CHIN"),
    ("표", "PYO PYO PHYO"),
    ("편", "PYON PYEON PHYON"),
    ("엄", "OM EOM UM"),
    ("탁", "THAK TAK"),
    ("함", "HAM"),
    ("명", "MYONG MYUNG MYEONG"),
    ("용", "YONG"),
    ("마", "MA"),
    ("국", "KUK KUK GUK"),
    ("공", "KONG KONG GONG"),
    ("왕", "WANG"),
    ("금", "KUM KEUM"),
    ("여", "YO YEO"),
    ("남궁", "NAMGUNG NAMGOONG NAMKUNG"),
    ("선우", "SONU SUNWOO SEONU"),
    ("황보", "HWANGBO"),
    ("제갈", "JEGAL CHEGAL"),
    ("사공", "SAGONG"),
    ("독고", "TOKKO DOKGO"),
    ("서문", "SOMUN SEOMUN"),
)


def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for hanguls, spellings in _ROWS:
        for hangul in hanguls.split():
            table[hangul] = tuple(spellings.split())
    return table


SURNAMES: dict[str, tuple[str, ...]] = _table()
"""Hangul surname -> Latin spellings (North Korean first, South Korean second)."""

COMPOUND: frozenset[str] = frozenset(s for s in SURNAMES if len(s) == 2)
"""Two-syllable surnames (남궁, 선우, 황보, ...)."""

SPELLINGS: dict[str, str] = {
    spelling.lower(): spellings[0].lower()
    for spellings in SURNAMES.values()
    for spelling in spellings
}
"""Every known surname spelling (lower case) -> its North Korean spelling."""
