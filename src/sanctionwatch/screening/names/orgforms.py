"""Company legal forms, common organisation words and vessel prefixes in token form.

Legal forms (Co, Company, Ltd, Limited, Corp, Inc, LLC, JSC, OOO...) are
rewritten to one canonical token each and left out of a name's core tokens,
which names compare on, with the forms kept beside them as a flag. Common
organisation words are only rewritten to one spelling (International, Intl
-> intl; Trdg -> trading; Shpg -> shipping; Gen. Bureau -> general bureau):
they distinguish DPRK entities ("Reconnaissance General Bureau") and get low
rarity weights instead. Short forms that are also words or Korean syllables
(SA, AG, AS, AB, NV, BV, KK, OY, AO) count only as a name's last token.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# fmt: off
_AS_WRITTEN = frozenset({
    "ltd", "llc", "llp", "corp", "inc", "jsc", "ojsc", "pjsc", "cjsc", "ooo", "oao", "zao",
    "pao", "gmbh", "plc", "pte", "pvt", "pty", "sarl", "srl", "fze", "fzco", "fzc", "fzllc",
    "dmcc", "sdn", "bhd", "tov", "co", "kg", "mbh", "ug", "lda", "sl", "cia", "ano", "spzoo",
})
_LAST_ONLY = frozenset({
    "sa", "ag", "as", "ab", "nv", "bv", "kk", "oy", "ao", "spa", "sas", "doo", "dd", "kft", "lp",
})
# fmt: on
_PHRASES: dict[tuple[str, ...], tuple[str, ...]] = {
    **{(form,): (form,) for form in _AS_WRITTEN},
    ("company",): ("co",),
    ("limited",): ("ltd",),
    ("corporation",): ("corp",),
    ("incorporated",): ("inc",),
    ("private", "limited"): ("pvt", "ltd"),
    ("joint", "stock", "company"): ("jsc",),
    ("limited", "liability", "company"): ("llc",),
    ("public", "limited", "company"): ("plc",),
    ("obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"): ("ooo",),
    ("ооо",): ("ooo",),
    ("оао",): ("oao",),
    ("зао",): ("zao",),
    ("пао",): ("pao",),
    ("тов",): ("tov",),
}
_TERMS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("international",): ("intl",),
    ("internatl",): ("intl",),
    ("trdg",): ("trading",),
    ("shpg",): ("shipping",),
    ("gen", "bureau"): ("general", "bureau"),
    ("genl", "bureau"): ("general", "bureau"),
}
LEGAL_FORMS: frozenset[str] = _AS_WRITTEN | _LAST_ONLY
"""Every canonical legal form."""
# fmt: off
ORG_WORDS: frozenset[str] = frozenset({
    "intl", "trading", "shipping", "general", "bureau", "group", "holding", "holdings",
    "and", "of", "the", "korea", "korean", "national", "marine", "maritime", "natural",
    "mining", "bank", "banking", "united", "operation", "machine", "leader", "asia", "ship",
    "tool", "sea", "unit", "union", "line", "lines", "agency", "store", "center", "centre",
})
# fmt: on
"""Common organisation words (canonical spelling), some of which read as Korean syllables."""
_LONGEST = max(map(len, (*_PHRASES, *_TERMS)))
_VESSEL_PREFIXES = {("m", "v"), ("m", "t"), ("m", "s"), ("mv",), ("mt",), ("ms",)}


@dataclass(frozen=True)
class OrgTokens:
    tokens: tuple[str, ...]  # canonical spellings
    core: tuple[str, ...]  # without legal forms (all tokens if nothing else is left)
    legal: tuple[str, ...]  # the legal forms found, canonical


def org_tokens(tokens: Sequence[str]) -> OrgTokens:
    """Canonical legal forms and organisation words; the core without legal forms."""
    out: list[str] = []
    core: list[str] = []
    legal: list[str] = []
    i = 0
    while i < len(tokens):
        size, canonical, is_legal = _match(tokens, i)
        out.extend(canonical)
        (legal if is_legal else core).extend(canonical)
        i += size
    return OrgTokens(tuple(out), tuple(core) or tuple(out), tuple(legal))


def _match(tokens: Sequence[str], i: int) -> tuple[int, tuple[str, ...], bool]:
    for size in range(min(_LONGEST, len(tokens) - i), 0, -1):
        phrase = tuple(tokens[i : i + size])
        if phrase in _PHRASES:
            return size, _PHRASES[phrase], True
        if phrase in _TERMS:
            return size, _TERMS[phrase], False
    token = tokens[i]
    return 1, (token,), token in _LAST_ONLY and i == len(tokens) - 1 and i > 0


def strip_vessel_prefix(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A vessel name without its M/V, MV, M/T, MT or M/S prefix."""
    for size in (2, 1):
        if tokens[:size] in _VESSEL_PREFIXES and len(tokens) > size:
            return tokens[size:]
    return tokens
