"""Everything a name is compared by, computed once per name when the index is built."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rigour.names import replace_org_types_compare

from sanctionwatch.screening.names.normalize import tokenize
from sanctionwatch.screening.names.numbers import digits
from sanctionwatch.screening.names.orgforms import ORG_WORDS, org_tokens, strip_vessel_prefix
from sanctionwatch.screening.names.romanize import (
    is_korean_token,
    korean_keys,
    looks_korean,
    token_keys,
)
from sanctionwatch.screening.names.translit import to_latin

MAX_NAME = 500  # characters of a name that are read: longer input is cut, never an error
PERSONS = frozenset({"Person"})
VESSELS = frozenset({"Vessel"})


@dataclass(frozen=True)
class NameForms:
    """The comparison forms of one name.

    ``tokens`` are the normalized words of the first Latin rendering with
    legal forms in canonical spelling; ``core`` leaves the legal forms out
    (they are in ``legal``); ``key`` is the sorted core, for order-free exact
    lookups. ``latin`` holds every Latin rendering, normalized (a Hangul name
    has up to 16, a Latin name one), and ``korean`` the distinct Korean
    romanization keys of the renderings that read as Korean names.
    """

    original: str
    schema: str
    tokens: tuple[str, ...]
    core: tuple[str, ...]
    key: str
    legal: tuple[str, ...]
    latin: tuple[str, ...]
    korean: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=300_000)
def name_forms(name: str, schema: str = "Thing") -> NameForms:
    """The comparison forms of ``name`` for an entity of FollowTheMoney ``schema``."""
    variants = _variants(name[:MAX_NAME], schema)
    primary = variants[0] if variants else ()
    org = org_tokens(primary) if schema not in PERSONS else None
    core = org.core if org else primary
    korean = (_korean(v, schema) for v in variants)
    return NameForms(
        original=name,
        schema=schema,
        tokens=org.tokens if org else primary,
        core=core,
        key=" ".join(sorted(core)),
        legal=org.legal if org else (),
        latin=tuple(" ".join(v) for v in variants),
        korean=tuple(dict.fromkeys(k for k in korean if k)),
    )


def _variants(text: str, schema: str) -> list[tuple[str, ...]]:
    vessel = schema in VESSELS or text.lstrip().upper().startswith(("M/V ", "M/T "))
    org = not vessel and schema not in PERSONS and schema != "Thing"
    out: list[tuple[str, ...]] = []
    # rigour's legal-form table: Aktiengesellschaft -> ag, Sp. z o.o. -> spzoo, ...
    for rendering in to_latin(replace_org_types_compare(text.lower()) if org else text):
        tokens = tokenize(rendering)
        tokens = strip_vessel_prefix(tokens) if vessel else tokens
        tokens = digits(tokens) if org or vessel else tokens
        if tokens and tokens not in out:
            out.append(tokens)
    return out


def _korean(tokens: tuple[str, ...], schema: str) -> tuple[str, ...]:
    if schema in PERSONS or schema == "Thing":
        return korean_keys(tokens) if looks_korean(tokens) else ()
    core = org_tokens(tokens).core
    keyed = [t not in ORG_WORDS and not t.isdigit() and is_korean_token(t) for t in core]
    if not any(keyed):
        return ()
    return tuple(k for t, key in zip(core, keyed, strict=True) for k in _keys(t, key))


def _keys(token: str, keyed: bool) -> tuple[str, ...]:
    return token_keys(token) if keyed else (token,)
