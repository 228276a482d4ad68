"""Name symbols: the same given or family name across spellings and scripts.

rigour (the name library behind followthemoney) tags each name part with the
Wikidata items of the names it can be: محمد, Mohamed and Mohammed share one,
Αλέξανδρος and Alexander another, Ted and Theodore, bin and ibn. Two tokens
that share a symbol are the same name written differently, which string
distance cannot see across scripts.
"""

from __future__ import annotations

from functools import lru_cache

from rigour.names import NameTypeTag, analyze_names, tokenize_name

MAX_SCRIPT_TOKENS = 12
MAX_SCRIPT_CHARS = 500


@lru_cache(maxsize=200_000)
def symbols(token: str) -> frozenset[str]:
    """Ids of the name symbols one token can stand for (empty when rigour knows none)."""
    found: set[str] = set()
    names = analyze_names(NameTypeTag.PER, [token], phonetics=False, consolidate=False)
    for name in names:
        found.update(str(span.symbol) for span in name.spans if len(span.parts) == 1)
    return frozenset(found)


def share_symbol(a: str, b: str) -> bool:
    """True when two tokens are spellings of one name (see module doc)."""
    first = symbols(a)
    return bool(first) and not first.isdisjoint(symbols(b))


def script_tokens(text: str) -> tuple[str, ...]:
    """The words of a non-Latin name in its own script, case-folded (marks kept)."""
    return tuple(tokenize_name(text[:MAX_SCRIPT_CHARS].casefold())[:MAX_SCRIPT_TOKENS])
