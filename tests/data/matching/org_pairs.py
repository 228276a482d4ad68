"""Pairs about designated companies, organizations and vessels."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from dprk_lists import Designee
from pair import Pair, fold

LEGAL = {"CO", "COMPANY", "CORP", "CORPORATION", "LTD", "LIMITED", "LLC", "INC", "PTE", "JV"}
SPELLING = {"KOREAN": "KOREA", "SHPG": "SHIPPING", "TRDG": "TRADING", "&": "AND"}
BUSINESS = LEGAL | {"BANK", "TRADING", "SHIPPING", "TRADE", "INDUSTRIES", "INTERNATIONAL"}
# The same legal form, written another way.
FORMS = [
    ("CO LTD", "Co., Ltd."),
    ("CO., LTD.", "COMPANY LIMITED"),
    ("COMPANY LIMITED", "Co. Ltd"),
    ("CORPORATION", "Corp."),
    ("CORP", "Corporation"),
    ("COMPANY", "Co."),
    ("CO", "Company"),
    ("LIMITED", "Ltd"),
    ("LTD", "Limited"),
]


def org_key(name: str) -> tuple[str, ...]:
    """Name tokens without legal forms, bracketed acronyms and punctuation."""
    text = re.sub(r"\([^)]*\)", " ", name.upper()).replace("&", " & ")
    tokens = [SPELLING.get(t, t) for t in re.findall(r"[A-Z0-9&]+", text)]
    return tuple(t for t in tokens if t not in LEGAL)


def schema_of(name: str) -> str:
    return "Company" if BUSINESS & set(re.findall(r"[A-Z]+", name.upper())) else "Organization"


def group(entities: list[Designee]) -> list[list[Designee]]:
    """UN and OFAC entries that name the same organization (a shared name key).

    Two entries of the same list are never merged: the list keeps them apart.
    """
    groups: list[list[Designee]] = []
    for ent in entities:
        keys = _keys(ent)
        hit = next((g for g in groups if _joins(ent, keys, g)), None)
        if hit is None:
            groups.append([ent])
        else:
            hit.append(ent)
    return groups


def _keys(ent: Designee) -> set[tuple[str, ...]]:
    return {k for k in (org_key(n) for n in (ent.name, *ent.aliases)) if k}


def _joins(ent: Designee, keys: set[tuple[str, ...]], members: list[Designee]) -> bool:
    lists = {m.source.split()[0] for m in members}
    return ent.source.split()[0] not in lists and any(keys & _keys(m) for m in members)


def company_positives(groups: list[list[Designee]], rng: random.Random) -> dict[str, list[Pair]]:
    """By kind: the other list's name, listed acronyms and spellings, legal forms."""
    out: dict[str, list[Pair]] = {"cross-list": [], "acronym": [], "alias": [], "legal": []}
    for members in groups:
        schema = schema_of(members[0].name)
        for a, b in itertools.pairwise(members):
            if fold(a.name) != fold(b.name):
                notes = f"same entity, name on {a.source}; candidate {b.source}"
                out["cross-list"].append(Pair(schema, a.name, b, True, "company", notes))
        for ent in members:
            for alias in ent.aliases:
                kind = _alias_kind(alias, ent.name)
                if kind:
                    notes = f"{kind} listed on {ent.source}"
                    out[kind].append(Pair(schema, alias, ent, True, "company", notes))
            form = _legal_variant(ent.name, rng)
            if form:
                notes = f"legal form rewritten; candidate {ent.source}"
                out["legal"].append(Pair(schema, form, ent, True, "company", notes))
    return out


def _alias_kind(alias: str, name: str) -> str | None:
    if re.fullmatch(r"[A-Z]{3,6}", alias) and alias not in name:
        return "acronym"
    ratio = SequenceMatcher(None, "".join(org_key(alias)), "".join(org_key(name))).ratio()
    return "alias" if ratio >= 0.8 and fold(alias) != fold(name) else None


def _legal_variant(name: str, rng: random.Random) -> str | None:
    for old, new in FORMS:
        if name.upper().endswith(" " + old):
            text = name[: -len(old)].rstrip(" ,") + " " + new
            return text.title() if rng.random() < 0.5 else text
    return None


def company_negatives(groups: list[list[Designee]], rng: random.Random) -> list[Pair]:
    """Distinct organizations whose names differ in one clearly different word.

    Hardest first: sorted by how alike the differing words are.
    """
    found = []
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            differ = _one_word_apart(org_key(a[0].name), org_key(b[0].name))
            if differ:
                query, cand = rng.choice(a), rng.choice(b)
                notes = f"distinct entities {query.source} and {cand.source}: {differ[1]}"
                pair = Pair(schema_of(cand.name), query.name, cand, False, "company", notes)
                found.append((-differ[0], query.source, cand.source, pair))
    return [f[-1] for f in sorted(found, key=lambda f: f[:3])]


def _one_word_apart(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[float, str] | None:
    if len(x) != len(y) or len(x) < 2:
        return None
    diff = [(p, q) for p, q in zip(x, y, strict=True) if p != q]
    ratio = SequenceMatcher(None, *diff[0]).ratio() if len(diff) == 1 else 1.0
    return None if ratio >= 0.75 else (ratio, f"{diff[0][0]} vs {diff[0][1]}")


def vessel_positives(vessels: list[Designee], rng: random.Random) -> Iterator[Pair]:
    for ship in vessels:
        query, how = vessel_variant(ship.name, rng)
        yield Pair("Vessel", query, ship, True, "vessel", f"{how}; candidate {ship.source}")


def vessel_variant(name: str, rng: random.Random) -> tuple[str, str]:
    words = name.split()
    letters = [w for w in words if w.isalpha()]
    forms = {"M/V prefix": f"M/V {name}", "MV prefix, title case": f"MV {name.title()}"}
    if len(letters) > 1 and all(len(w) <= 5 for w in letters):
        joined = "".join(letters) + "".join(f" {w}" for w in words if not w.isalpha())
        forms["syllables joined"] = joined
        forms["M/V prefix, syllables joined"] = f"M/V {joined}"
    how = rng.choice(sorted(forms))
    return forms[how], how


def vessel_negatives(vessels: list[Designee], rng: random.Random) -> Iterator[Pair]:
    """Sister ships: the same name with another (or no) hull number."""
    for a in vessels:
        for b in vessels:
            if a.source < b.source and _base(a.name) == _base(b.name) and a.name != b.name:
                query, how = vessel_variant(a.name, rng)
                notes = f"distinct vessels {a.source} ({a.name}) and {b.source}; query {how}"
                yield Pair("Vessel", query, b, False, "vessel", notes)


def _base(name: str) -> str:
    return re.sub(r"[\s\d-]+$", "", name)
