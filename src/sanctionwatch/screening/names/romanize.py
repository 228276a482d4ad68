"""Latin-script Korean names: one key per syllable so that spelling variants collide.

A token is read as Korean syllables (initial + vowel + final, each from the
spellings of Revised Romanization, McCune-Reischauer with its breves and
apostrophes already folded away, North Korean list usage and common South
Korean habits) and every part is mapped to a class:

- initials: k/g/kk/kh -> k, t/d/tt/th -> t, p/b/pp/ph -> p, s/ss/sh -> s,
  j/ch/jj/tch -> j (ㅈ and ㅊ merge: without MR's apostrophe CH is either),
  r/l -> r;
- vowels: eo/o -> o, yeo/yo -> yo, eu/u/oo -> u, ee/i/yi -> i, ai/ae -> ae,
  oe/oi/oy/we/wae -> oe, weo/wo -> wo;
- finals: k/g, t/d, p/b, l/r merge.

So KIM/GIM, PAK/BAK, JONG/JEONG/CHONG, CHOL/CHEOL, HYOK/HYEOK, UN/EUN,
SONG/SEONG, KWANG/GWANG, RYONG/RYEONG each share a key, while RYONG and YONG
stay apart (the North keeps the initial R). The South's habit of writing ㅓ
as U is folded in for HYUK, HYUN, CHUL, KYUNG, MYUNG, HYUNG, RYUNG and BUM (so
the rare syllables 휵 휸 줄 귱 뮹 흉 륭 붐 share the keys of 혁 현 철 경 명 형 룡 범),
and a few whole-token spellings are mapped by hand (YOUNG, YOUN, WOO, PARK,
OH, AHN, SOHN, ROH...). A person's surname (the first token if it is a
known surname spelling, else the last) takes the surname's key, which also
merges the South's dropped initial R (LEE/YI/I -> RI, YU -> RYU, LIM/IM -> RIM, YANG -> RYANG,
NO/ROH -> RO) and CHUNG/JUNG -> JONG.

Joined given names are split when the whole token is a sequence of valid
syllables (JONGUN -> JONG UN), longest syllable first with backtracking; the
finals t, d, r and b, rare in names, are not used for splitting (TAEDONG is TAE
DONG, not TAED ONG).
Tokens that do not read as Korean are passed through unchanged.

Known ambiguity: SUNG, JUNG and CHUN keep their North Korean reading (승, 중,
춘) in given names, so a South Korean SUNG for 성 does not meet SONG.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import product

from sanctionwatch.screening.names.surnames import SPELLINGS

MAX_SPLIT = 40  # longer tokens are never split into syllables
_INITIALS = {
    **dict.fromkeys(["", "h", "m", "n"], None),
    **dict.fromkeys(["k", "g", "kk", "gg", "kh"], "k"),
    **dict.fromkeys(["t", "d", "tt", "th"], "t"),
    **dict.fromkeys(["p", "b", "pp", "ph"], "p"),
    **dict.fromkeys(["s", "ss", "sh"], "s"),
    **dict.fromkeys(["j", "ch", "jj", "tch"], "j"),
    **dict.fromkeys(["r", "l"], "r"),
}
_VOWELS = {
    **dict.fromkeys(["a", "ya", "yae", "e", "ye", "wa", "wi", "yu", "ui"], None),
    **dict.fromkeys(["ae", "ai"], "ae"),
    **dict.fromkeys(["eo", "o"], "o"),
    **dict.fromkeys(["yeo", "yo"], "yo"),
    **dict.fromkeys(["oe", "oi", "oy", "we", "wae"], "oe"),
    **dict.fromkeys(["u", "oo", "eu"], "u"),
    **dict.fromkeys(["wo", "weo"], "wo"),
    **dict.fromkeys(["i", "ee", "yi"], "i"),
    "wee": "wi",
    "yoo": "yu",
    "eui": "ui",
}
_FINALS = {
    **dict.fromkeys(["", "m", "n", "ng"], None),
    **dict.fromkeys(["k", "g", "kk"], "k"),
    **dict.fromkeys(["t", "d"], "t"),
    **dict.fromkeys(["p", "b"], "p"),
    **dict.fromkeys(["l", "r"], "l"),
}
_SOUTHERN_KEYS = {  # South Korean U for ㅓ, folded at the cost of rare syllables (휵 휸 줄 귱...)
    "hyuk": "hyok",
    "hyun": "hyon",
    "jul": "jol",
    "kyung": "kyong",
    "myung": "myong",
    "hyung": "hyong",
    "ryung": "ryong",
    "pum": "pom",
}
_SOUTHERN = {"young": "yong", "youn": "yun", "woo": "u"}  # spellings outside the grammar
_RARE_FINALS = frozenset({"t", "d", "r", "b"})  # not used to split joined tokens (TAEDONG, KOREA)
_WHOLE_ONLY = {"park": "pak", "rhee": "ri", "oh": "o", "ahn": "an", "sohn": "son"}
_WHOLE_ONLY |= {"roh": "ro", "noh": "no", "suh": "so", "huh": "ho"}


def _part(table: Mapping[str, str | None], spelling: str) -> str:
    return table[spelling] or spelling


def _inventory(finals: Iterable[str]) -> dict[str, str]:
    keys: dict[str, str] = {}
    for i, v, f in product(_INITIALS, _VOWELS, finals):
        key = _part(_INITIALS, i) + _part(_VOWELS, v) + _part(_FINALS, f)
        keys.setdefault(i + v + f, _SOUTHERN_KEYS.get(key, key))
    return keys | _SOUTHERN


SYLLABLES: dict[str, str] = _inventory(_FINALS)
"""Every accepted Latin spelling of one Korean syllable -> its key."""
_INNER = frozenset(_inventory(f for f in _FINALS if f not in _RARE_FINALS))
_LONGEST = max(map(len, _INNER))


@lru_cache(maxsize=200_000)
def split_syllables(token: str) -> tuple[str, ...] | None:
    """The token as Korean syllable spellings, or None when it does not split cleanly."""
    if token in SYLLABLES or token in _WHOLE_ONLY:
        return (token,)
    if not token or len(token) > MAX_SPLIT or not token.isascii():
        return None
    return _split_from(token, 0, {})


def _split_from(token: str, start: int, dead: dict[int, bool]) -> tuple[str, ...] | None:
    if start == len(token):
        return ()
    if dead.get(start):
        return None
    for end in range(min(len(token), start + _LONGEST), start, -1):
        head = token[start:end]
        if head in _INNER:
            rest = _split_from(token, end, dead)
            if rest is not None:
                return (head, *rest)
    dead[start] = True
    return None


def syllable_key(spelling: str) -> str:
    """The key of one syllable spelling (the spelling itself if it is not one)."""
    return _WHOLE_ONLY.get(spelling) or SYLLABLES.get(spelling, spelling)


@lru_cache(maxsize=200_000)
def token_keys(token: str, surname: bool = False) -> tuple[str, ...]:
    """Keys of one token: the surname's key if it is a surname, else one per syllable."""
    token = _clean(token)
    if surname and token in SPELLINGS:
        return tuple(map(syllable_key, split_syllables(SPELLINGS[token]) or (token,)))
    syllables = split_syllables(token)
    return tuple(map(syllable_key, syllables)) if syllables else (token,)


def korean_keys(tokens: Sequence[str], *, person: bool = True) -> tuple[str, ...]:
    """The Korean romanization key of a name's tokens, one entry per syllable.

    ``("Jongun", "Kim")`` and ``("gim", "jeong", "eun")`` give ``jong un kim``
    and ``kim jong un`` (order is kept: compare sorted). In a ``person``'s
    name the surname (the first token if it is a surname spelling, else the
    last) takes the surname's key: ``("Yi", "Yong", "Gil")`` -> ``ri yong kil``.
    """
    at = _surname_at(tokens) if person else None
    keys: list[str] = []
    for i, token in enumerate(tokens):
        keys.extend(token_keys(token, i == at))
    return tuple(keys)


def _surname_at(tokens: Sequence[str]) -> int | None:
    """The surname's position: the first token if it is a surname spelling, else the last."""
    if tokens and is_surname(tokens[0]):
        return 0
    if tokens and is_surname(tokens[-1]):
        return len(tokens) - 1
    return None


def is_korean_token(token: str) -> bool:
    return split_syllables(_clean(token)) is not None


def is_surname(token: str) -> bool:
    return _clean(token) in SPELLINGS


def looks_korean(tokens: Sequence[str]) -> bool:
    """Every token reads as Korean syllables and one end is a known surname."""
    if not tokens or not all(map(is_korean_token, tokens)):
        return False
    return is_surname(tokens[0]) or is_surname(tokens[-1])


def _clean(token: str) -> str:
    return token.lower().replace("'", "").replace("’", "")
