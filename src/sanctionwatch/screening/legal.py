"""Classes of company legal forms: which forms name the same kind of company."""

from __future__ import annotations

from functools import lru_cache

from sanctionwatch.screening.names import name_forms

# Canonical legal-form tokens (see names.orgforms) by kind; forms absent here (co, corp,
# trading words) name no particular kind and never count as a difference.
# fmt: off
KINDS: dict[str, str] = {
    **dict.fromkeys(("ag", "sa", "jsc", "ojsc", "pjsc", "cjsc", "oao", "zao", "pao", "ao", "plc",
                     "spa", "nv", "ab", "as", "oy", "kk"), "joint-stock"),
    **dict.fromkeys(("gmbh", "llc", "ltd", "ooo", "tov", "srl", "sarl", "spzoo", "bv", "pvt",
                     "pty", "lda", "sl", "doo", "kft", "mbh", "ug", "fzco", "fzllc"),
                    "limited-liability"),
    **dict.fromkeys(("kg", "lp", "llp"), "partnership"),
    "ano": "non-profit",
}
# fmt: on


@lru_cache(maxsize=100_000)
def legal_classes(name: str, schema: str) -> frozenset[str]:
    """The kinds of company the legal forms in ``name`` stand for."""
    return frozenset(KINDS[t] for t in name_forms(name, schema).legal if t in KINDS)
