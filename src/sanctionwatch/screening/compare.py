"""The explainable scorer: one query against one candidate, feature by feature.

score = name similarity, then adjusted by the other evidence:
- identifiers: the same IMO number, crypto address or passport/ID number is
  decisive (score 1.0, or at least 0.95 for documents); a vessel with a
  different IMO number is ruled out (0.0);
- birth date: the same date raises the score a little; years more than one
  apart multiply it by 0.55, so a person born decades apart falls well below
  the threshold whatever the name;
- country: disjoint nationalities/countries cost 0.1; gender mismatch 0.15;
- schema: a person never matches a vessel (0.0).
"""

from __future__ import annotations

import re
from functools import lru_cache

from followthemoney import model

from sanctionwatch.screening.analysis import Analysed
from sanctionwatch.screening.ids import norm_id, norm_imo, norm_wallet
from sanctionwatch.screening.legal import legal_classes
from sanctionwatch.screening.model import Candidate, Feature, Query, Score
from sanctionwatch.screening.names import name_forms
from sanctionwatch.screening.namesim import Alignment, align
from sanctionwatch.screening.weights import TokenWeights

DATE_MISMATCH = 0.55


def compare(
    query: Query,
    q_names: list[Analysed],
    candidate: Candidate,
    c_names: list[Analysed],
    weights: TokenWeights,
) -> Score:
    features: list[Feature] = []
    if not schemas_compatible(query.schema, candidate.schema):
        return Score(
            0.0, (Feature("schema", 0.0, f"{query.schema} never matches {candidate.schema}"),)
        )
    name = best_name(q_names, c_names, weights)
    features.append(name)
    score = name.value
    for name_rule in (_numbers, _legal_form):
        score, extra = name_rule(candidate, name, score)
        if extra is not None:
            features.append(extra)
    for rule in (_identifiers, _birth_date, _country, _gender):
        score, feature = rule(query, candidate, score)
        if feature is not None:
            features.append(feature)
    return Score(max(0.0, min(1.0, score)), tuple(features))


@lru_cache(maxsize=1024)
def schemas_compatible(query_schema: str, candidate_schema: str) -> bool:
    q, c = model.get(query_schema), model.get(candidate_schema)
    if q is None or c is None:
        return False
    return q.is_a(c) or c.is_a(q) or bool(set(q.matchable_schemata) & {c})


OWN_SCRIPT_ONLY = frozenset({"han", "cyrillic", "arabic", "greek", "other"})


def best_name(q_names: list[Analysed], c_names: list[Analysed], weights: TokenWeights) -> Feature:
    best: tuple[float, Alignment | None, str, str, str] = (0.0, None, "", "", "")
    for q in q_names:
        for q_form, q_how in q.forms:
            for c in c_names:
                for c_form, c_how in c.forms:
                    if _skip(q, q_how, c, c_how):
                        continue
                    result = align(q_form, c_form, weights)
                    if result.score > best[0]:
                        best = (result.score, result, q.original, c.original, q_how)
                        if result.score >= 1.0:
                            return _name_feature(best)
    return _name_feature(best)


def _skip(q: Analysed, q_how: str, c: Analysed, c_how: str) -> bool:
    """Two names in one script (other than Latin and Hangul) compare as written: 高市 and
    高石 read alike in pinyin but are different names."""
    same = q.script == c.script and q.script in OWN_SCRIPT_ONLY
    if not same or not (_has_own(q) and _has_own(c)):
        return False
    return q_how != "own script" or c_how != "own script"


def _has_own(name: Analysed) -> bool:
    return any(how == "own script" for _, how in name.forms)


def _name_feature(best: tuple[float, Alignment | None, str, str, str]) -> Feature:
    score, alignment, q_name, c_name, q_how = best
    if alignment is None:
        return Feature("name", 0.0, "no name in common")
    return Feature(
        "name",
        score,
        f"{q_name!r} ~ {c_name!r} ({alignment.how}, query as {q_how})",
        {
            "query_name": q_name,
            "list_name": c_name,
            "method": alignment.how,
            "query_form": q_how,
            "tokens": [[a, b, round(s, 3)] for a, b, s in alignment.pairs],
        },
    )


def _numbers(cand: Candidate, name: Feature, score: float) -> tuple[float, Feature | None]:
    """Numbers in vessel names are part of the identity: KUM SONG 3 is not KUM SONG 7
    (different numbers halve the score). In other names (series of funds and trusts)
    different numbers, or a number on one side only, cost 0.15."""
    if cand.schema == "Person" or not name.evidence:
        return score, None
    q = _digits(str(name.evidence["query_name"]), cand.schema)
    c = _digits(str(name.evidence["list_name"]), cand.schema)
    if q == c:
        return score, None
    if q and c and cand.schema == "Vessel":
        return score * 0.5, Feature("numbers", -0.5, f"numbers differ: {sorted(q)} vs {sorted(c)}")
    return score - 0.15, Feature("numbers", -0.15, f"numbers differ: {sorted(q)} vs {sorted(c)}")


def _digits(name: str, schema: str) -> set[str]:
    return {n for token in name_forms(name, schema).tokens for n in re.findall(r"\d+", token)}


def _legal_form(cand: Candidate, name: Feature, score: float) -> tuple[float, Feature | None]:
    """A joint-stock company is not a limited-liability one (AG vs GmbH): -0.15."""
    if cand.schema in ("Person", "Vessel") or not name.evidence:
        return score, None
    q = legal_classes(str(name.evidence["query_name"]), cand.schema)
    c = legal_classes(str(name.evidence["list_name"]), cand.schema)
    if not q or not c or q & c:
        return score, None
    return score - 0.15, Feature(
        "legal_form", -0.15, f"legal forms differ: {sorted(q)} vs {sorted(c)}"
    )


def _identifiers(query: Query, cand: Candidate, score: float) -> tuple[float, Feature | None]:
    q_imo, c_imo = {norm_imo(i) for i in query.imo}, {norm_imo(i) for i in cand.imo}
    if q_imo & c_imo:
        return 1.0, Feature("imo", 1.0, f"same IMO number {sorted(q_imo & c_imo)[0]}")
    if q_imo and c_imo and cand.schema == "Vessel":
        return 0.0, Feature(
            "imo", -1.0, f"different IMO numbers {sorted(q_imo)} vs {sorted(c_imo)}"
        )
    q_w, c_w = {norm_wallet(w) for w in query.wallets}, {norm_wallet(w) for w in cand.wallets}
    if q_w & c_w:
        return 1.0, Feature("wallet", 1.0, f"same crypto address {sorted(q_w & c_w)[0]}")
    q_id, c_id = {norm_id(i) for i in query.identifiers}, {norm_id(i) for i in cand.identifiers}
    if q_id & c_id:
        return max(score, 0.95), Feature(
            "identifier", 0.95, f"same document {sorted(q_id & c_id)[0]}"
        )
    return score, None


def _birth_date(query: Query, cand: Candidate, score: float) -> tuple[float, Feature | None]:
    if not query.birth_dates or not cand.birth_dates:
        return score, None
    if set(query.birth_dates) & set(cand.birth_dates):
        return min(1.0, score + 0.05), Feature("birth_date", 0.05, "same birth date")
    q_years = {int(d[:4]) for d in query.birth_dates if d[:4].isdigit()}
    c_years = {int(d[:4]) for d in cand.birth_dates if d[:4].isdigit()}
    gap = min((abs(a - b) for a in q_years for b in c_years), default=0)
    if gap <= 1:
        return score, Feature("birth_date", 0.0, f"birth years within {gap} year")
    return score * DATE_MISMATCH, Feature(
        "birth_date",
        DATE_MISMATCH - 1.0,
        f"birth dates {gap} years apart",
        {"query": list(query.birth_dates), "list": list(cand.birth_dates)},
    )


def _country(query: Query, cand: Candidate, score: float) -> tuple[float, Feature | None]:
    q, c = {x.lower() for x in query.countries}, {x.lower() for x in cand.countries}
    if not q or not c:
        return score, None
    if q & c:
        return min(1.0, score + 0.02), Feature("country", 0.02, f"same country {sorted(q & c)[0]}")
    return score - 0.1, Feature("country", -0.1, f"countries differ: {sorted(q)} vs {sorted(c)}")


def _gender(query: Query, cand: Candidate, score: float) -> tuple[float, Feature | None]:
    if query.gender and cand.gender and query.gender.lower() != cand.gender.lower():
        return score - 0.15, Feature("gender", -0.15, f"gender {query.gender} vs {cand.gender}")
    return score, None
