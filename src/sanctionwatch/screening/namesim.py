"""Name similarity: align query tokens with list-name tokens, weighted by rarity.

The score is a weighted Dice coefficient over the best token alignment: each
aligned pair contributes its similarity times the weights of both tokens; the
denominator is the weight of every token on both sides, so a missing or extra
rare token costs a lot and a missing "kim" little. Token similarity is 1 for
equal tokens, rapidfuzz's normalized OSA similarity for near ones (typos and
transpositions, 0 below `NEAR`), and 0.9 for two spellings of one name across
scripts or nicknames (`names.symbols`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from sanctionwatch.screening.names.symbols import share_symbol
from sanctionwatch.screening.weights import TokenWeights

NEAR = 0.75
SYMBOL = 0.9  # two spellings of one name (rigour name symbols)
SHORT = 5  # tokens shorter than this only match exactly
JOINED_DISCOUNT = 0.95
ACRONYM = 0.9  # PLA ~ People's Liberation Army, J C ~ Jean Claude


@dataclass(frozen=True)
class Alignment:
    score: float
    pairs: tuple[tuple[str, str, float], ...]
    how: str


@lru_cache(maxsize=1_000_000)
def token_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    sim = _spelling(a, b)
    if sim < SYMBOL and share_symbol(a, b):
        return SYMBOL
    return sim


def _spelling(a: str, b: str) -> float:
    if min(len(a), len(b)) < 3:
        return 0.0
    if min(len(a), len(b)) < SHORT and a[0] != b[0]:
        return 0.0  # a short token with another first letter is another word (song/yong)
    sim = OSA.normalized_similarity(a, b)  # a transposition is one edit
    return sim if sim >= NEAR else 0.0


def align(query: tuple[str, ...], candidate: tuple[str, ...], weights: TokenWeights) -> Alignment:
    """Best weighted alignment of two token tuples (order-free), with a joined-token check."""
    tokens = _aligned(query, candidate, weights)
    joined = _joined(query, candidate)
    if joined > tokens.score:
        return Alignment(joined, (("".join(query), "".join(candidate), joined),), "joined")
    return tokens


def _aligned(query: tuple[str, ...], candidate: tuple[str, ...], w: TokenWeights) -> Alignment:
    options = [
        (sim, i, j)
        for i, q in enumerate(query)
        for j, c in enumerate(candidate)
        if (sim := token_similarity(q, c)) > 0.0
    ]
    options.sort(reverse=True)
    used_q: set[int] = set()
    used_c: set[int] = set()
    pairs: list[tuple[str, str, float]] = []
    gained = 0.0
    for sim, i, j in options:
        if i in used_q or j in used_c:
            continue
        used_q.add(i)
        used_c.add(j)
        pairs.append((query[i], candidate[j], sim))
        gained += sim * (w.weight(query[i]) + w.weight(candidate[j]))
    free_q, free_c = len(query) - len(used_q), len(candidate) - len(used_c)
    possible = (free_q >= 1 and free_c >= 2) or (free_c >= 1 and free_q >= 2)
    for q_run, c_run in _acronyms(query, candidate, used_q, used_c) if possible else ():
        pairs.append(
            (" ".join(query[k] for k in q_run), " ".join(candidate[k] for k in c_run), ACRONYM)
        )
        weight = sum(w.weight(query[k]) for k in q_run) + sum(w.weight(candidate[k]) for k in c_run)
        gained += ACRONYM * weight
    total = sum(map(w.weight, query)) + sum(map(w.weight, candidate))
    score = round(gained / total, 9) if total else 0.0
    exact = all(s == 1.0 for _, _, s in pairs)
    if exact and len(pairs) == len(query) == len(candidate):
        score = 1.0  # every token on both sides matched exactly
    return Alignment(min(score, 1.0), tuple(pairs), "tokens" if exact else "tokens-fuzzy")


Run = tuple[int, ...]


def _acronyms(
    query: tuple[str, ...], candidate: tuple[str, ...], used_q: set[int], used_c: set[int]
) -> list[tuple[Run, Run]]:
    """Unaligned acronyms (one token, or single letters in a row) against the initials of
    unaligned words in a row on the other side; marks what it aligns as used."""
    found: list[tuple[Run, Run]] = []
    for short, long, used_s, used_l, flip in (
        (query, candidate, used_q, used_c, False),
        (candidate, query, used_c, used_q, True),
    ):
        initials = _free_initials(long, used_l)
        if len(initials) < 2:
            continue
        for run in _short_forms(short, used_s):
            letters = "".join(short[k] for k in run)
            if len(letters) > len(initials) or not set(letters) <= set(initials):
                continue  # cheap exact test: some letter is no free word's initial
            words = _initials_run(long, used_l, letters)
            if words:
                used_s.update(run)
                used_l.update(words)
                initials = _free_initials(long, used_l)
                found.append((words, run) if flip else (run, words))
    return found


def _free_initials(tokens: tuple[str, ...], used: set[int]) -> str:
    """First letters of the unaligned words that are not stop words."""
    return "".join(
        tokens[k][0] for k in range(len(tokens)) if k not in used and tokens[k] not in STOPWORDS
    )


def _short_forms(tokens: tuple[str, ...], used: set[int]) -> list[Run]:
    free = [k for k in range(len(tokens)) if k not in used]
    runs: list[Run] = [(k,) for k in free if 2 <= len(tokens[k]) <= 6 and tokens[k].isalpha()]
    letters = [k for k in free if len(tokens[k]) == 1 and tokens[k].isalpha()]
    start = 0
    for end in range(1, len(letters) + 1):
        if end == len(letters) or letters[end] != letters[end - 1] + 1:
            if end - start >= 2:
                runs.append(tuple(letters[start:end]))
            start = end
    return runs


STOPWORDS = frozenset({"and", "of", "the", "for", "de", "du", "la"})


def _initials_run(tokens: tuple[str, ...], used: set[int], letters: str) -> Run:
    """Words in a row whose initials spell ``letters`` (stop words in between skipped)."""
    for start in range(len(tokens)):
        run: list[int] = []
        for k in range(start, len(tokens)):
            if k in used or _spelled(tokens, run) == len(letters):
                break
            if (run and tokens[k] in STOPWORDS) or (
                len(tokens[k]) >= 2 and tokens[k][0] == letters[_spelled(tokens, run)]
            ):
                run.append(k)
            else:
                break
        if run and _spelled(tokens, run) == len(letters) and tokens[run[-1]] not in STOPWORDS:
            return tuple(run)
    return ()


def _spelled(tokens: tuple[str, ...], run: list[int]) -> int:
    return sum(1 for k in run if tokens[k] not in STOPWORDS)


def _joined(query: tuple[str, ...], candidate: tuple[str, ...]) -> float:
    """Spacing and hyphenation differences: 'jongun kim' vs 'jong un kim'."""
    if len(query) == len(candidate):
        return 0.0
    q, c = "".join(query), "".join(candidate)
    best = max(
        Levenshtein.normalized_similarity(q, c),
        Levenshtein.normalized_similarity("".join(reversed(query)), c),
    )
    return best * JOINED_DISCOUNT if best >= 0.9 else 0.0
