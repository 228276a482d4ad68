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
from sanctionwatch.screening.model import Candidate, Feature, Query, Score
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
    score, numbers = _numbers(candidate, name, score)
    if numbers is not None:
        features.append(numbers)
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


def best_name(q_names: list[Analysed], c_names: list[Analysed], weights: TokenWeights) -> Feature:
    best: tuple[float, Alignment | None, str, str, str] = (0.0, None, "", "", "")
    for q in q_names:
        for q_form, q_how in q.forms:
            for c in c_names:
                for c_form, _ in c.forms:
                    result = align(q_form, c_form, weights)
                    if result.score > best[0]:
                        best = (result.score, result, q.original, c.original, q_how)
                        if result.score >= 1.0:
                            return _name_feature(best)
    return _name_feature(best)


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
    """Numbers in vessel and company names are part of the identity: KUM SONG 3 is not
    KUM SONG 7 (different numbers halve the score; a number on one side only costs 0.15)."""
    if cand.schema == "Person" or not name.evidence:
        return score, None
    q = set(re.findall(r"\d+", str(name.evidence["query_name"])))
    c = set(re.findall(r"\d+", str(name.evidence["list_name"])))
    if q == c:
        return score, None
    if q and c:
        return score * 0.5, Feature("numbers", -0.5, f"numbers differ: {sorted(q)} vs {sorted(c)}")
    return score - 0.15, Feature("numbers", -0.15, f"number on one side only: {sorted(q | c)}")


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
