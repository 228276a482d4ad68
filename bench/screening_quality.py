"""Screening quality: precision, recall and F1 of sanctionwatch and of the peer, same pairs.

    .venv/bin/python bench/screening_quality.py [--split dev|test] [--errors N]

Scores every labelled pair with `sanctionwatch.screening.pairs.score_entities`
(match at 0.7, the engine's default) and with nomenklatura's logic-v2 (match at
0.7, the cut nomenklatura's name benchmark and yente use), in one run:

  (a) tests/data/matching/nomenklatura_name_bench_cases.csv: 826 name pairs
      (OpenSanctions' own checks, unit-test cases, synthetic deviations);
  (b) tests/data/matching/watchman_cross_script_pairs.csv: 22 cross-script
      pairs, all matches, so precision is 1 whenever anything is found;
  (c) alias recall@1 on the loaded lists: the `alias_recall_at_1()` hook below;
  (d) tests/data/matching/dprk_pairs.csv: North Korea pairs built from the real
      UN and OFAC designations (see its README), overall, its Hangul part, and
      recall (or false positives) per category.

Exits 1 when sanctionwatch's scorer cannot be imported; the peer is optional
(`pip install -e '.[bench]'`) and is reported as not run when missing.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.peer_nomenklatura import THRESHOLD as PEER_THRESHOLD  # noqa: E402
from bench.peer_nomenklatura import PeerMissing, logic_v2_scorer, peer_version  # noqa: E402

MATCHING = ROOT / "tests" / "data" / "matching"
THRESHOLD = 0.7  # sanctionwatch's default match threshold
COUNTRY_PROP = {"Person": "nationality", "Vessel": "flag"}  # others: "country"
Entity = Mapping[str, Any]
Scorer = Callable[[Entity, Entity], float]


@dataclass(frozen=True)
class Case:
    query: Entity
    candidate: Entity
    is_match: bool
    category: str = ""
    split: str = ""


@dataclass(frozen=True)
class Metrics:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None


def entity(schema: str, name: str, birth_date: str = "", country: str = "") -> dict[str, Any]:
    props: dict[str, list[str]] = {"name": [name]}
    if birth_date:
        props["birthDate"] = [birth_date]
    if country:
        props[COUNTRY_PROP.get(schema, "country")] = [country]
    return {"schema": schema, "properties": props}


def load_nomenklatura(path: Path = MATCHING / "nomenklatura_name_bench_cases.csv") -> list[Case]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Case(
            entity(r["schema"], r["name1"]),
            entity(r["schema"], r["name2"]),
            r["is_match"] == "true",
            r["case_group"],
        )
        for r in rows
    ]


def load_watchman(path: Path = MATCHING / "watchman_cross_script_pairs.csv") -> list[Case]:
    """`Query,Expected Match,Min Score,Description` rows under `# <Script> to Latin` headings."""
    cases, script = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"#\s*(.+?) to Latin", line)
        if heading:
            script = heading.group(1)
        if not line.strip() or line.startswith("#"):
            continue
        query, expected, _min_score, _description = next(csv.reader([line]))
        cases.append(Case(entity("Person", query), entity("Person", expected), True, script))
    return cases


def load_dprk(path: Path = MATCHING / "dprk_pairs.csv") -> list[Case]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Case(
            entity(r["schema"], r["query_name"], r["query_birth_date"], r["query_country"]),
            entity(
                r["schema"], r["candidate_name"], r["candidate_birth_date"], r["candidate_country"]
            ),
            r["is_match"] == "true",
            r["category"],
            r["set"],
        )
        for r in rows
    ]


def alias_recall_at_1(peer_scorer: Scorer | None) -> tuple[int, float, float | None]:
    """Set (c): (alias queries, our recall@1, logic-v2's recall@1) of screening every alias
    on the loaded lists.

    Loads the bundled real lists (UN 2026-02-27, OFAC SDN 2024-05-03) into a
    temporary SQLite store, screens each unambiguous alias with the full engine
    and counts how often its own entity ranks first. logic-v2 has no retrieval of
    its own here (yente uses Elasticsearch): it re-ranks the same candidates our
    index retrieves for each alias (up to 12, all the entity's names compared),
    ties going to the earlier candidate.
    """
    import tempfile

    from sanctionwatch.db import make_engine
    from sanctionwatch.lists import bundled
    from sanctionwatch.lists.load import load_paths
    from sanctionwatch.screening.evaluate import alias_recall_at_1 as evaluate
    from sanctionwatch.screening.service import Screener

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/quality.db")
        list(load_paths(engine, bundled.paths()))
        index = Screener(engine).index()
        result = evaluate(index)
        theirs = None if peer_scorer is None else peer_alias_recall(index, peer_scorer)
        engine.dispose()
    return result.queries, result.recall, theirs


def peer_alias_recall(index: Any, scorer: Scorer) -> float:
    """logic-v2's recall@1 on the same alias queries, re-ranking our candidates."""
    from collections import Counter

    from sanctionwatch.screening.analysis import analyse
    from sanctionwatch.screening.model import Query

    def fold(name: str) -> str:
        return " ".join(name.casefold().split())

    owners: Counter[str] = Counter()
    for cand in index.candidates:
        owners.update({fold(n) for n in cand.names})
    hits = total = 0
    for cand in index.candidates:
        for alias in cand.names:
            if alias == cand.caption or owners[fold(alias)] > 1:
                continue
            total += 1
            query = Query((alias,), cand.schema)
            found = index.candidates_for(query, [analyse(alias, cand.schema)], 12)
            best, best_id = -1.0, None
            for i in found:
                other = index.candidates[i]
                score = scorer(
                    {"schema": cand.schema, "properties": {"name": [alias]}},
                    {"schema": other.schema, "properties": {"name": list(other.names)}},
                )
                if score > best:
                    best, best_id = score, other.id
            hits += best_id == cand.id
    return hits / total if total else 0.0


def scores(scorer: Scorer, cases: Iterable[Case]) -> list[float]:
    return [scorer(c.query, c.candidate) for c in cases]


def metrics(cases: list[Case], found: list[float], threshold: float) -> Metrics:
    hits = [s >= threshold for s in found]
    pairs = list(zip((c.is_match for c in cases), hits, strict=True))
    return Metrics(
        tp=pairs.count((True, True)),
        fp=pairs.count((False, True)),
        fn=pairs.count((True, False)),
        tn=pairs.count((False, False)),
    )


def ours() -> Scorer:
    try:
        from sanctionwatch.screening.pairs import score_entities
    except ImportError as exc:
        raise SystemExit(
            f"sanctionwatch: cannot import sanctionwatch.screening.pairs.score_entities ({exc}).\n"
            "The screening engine must expose score_entities(query, candidate) -> float."
        ) from exc
    return score_entities


def peer() -> tuple[Scorer | None, str]:
    try:
        label = f"{peer_version()}, match at >= {PEER_THRESHOLD} (its name_bench and yente default)"
        return logic_v2_scorer(), label
    except PeerMissing as exc:
        return None, f"peer not run: {exc}"


def fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def row(label: str, cases: list[Case], mine: list[float], theirs: list[float] | None) -> str:
    m = metrics(cases, mine, THRESHOLD)
    cells = f"{label:<28} {len(cases):>5} {sum(c.is_match for c in cases):>5}"
    cells += f"   {fmt(m.precision)} {fmt(m.recall)} {fmt(m.f1)}"
    if theirs is not None:
        p = metrics(cases, theirs, PEER_THRESHOLD)
        cells += f"   {fmt(p.precision)} {fmt(p.recall)} {fmt(p.f1)}"
    return cells


def per_category(cases: list[Case], mine: list[float], theirs: list[float] | None) -> None:
    print("\n(d) by category: recall on matches, false positives on non-matches")
    print(f"{'category':<18} {'pairs':>5} {'match':>5}   recall sw  peer   {'non':>4}  FP sw peer")
    for category in sorted({c.category for c in cases}):
        idx = [i for i, c in enumerate(cases) if c.category == category]
        part = [cases[i] for i in idx]
        m = metrics(part, [mine[i] for i in idx], THRESHOLD)
        p = None if theirs is None else metrics(part, [theirs[i] for i in idx], PEER_THRESHOLD)
        line = f"{category:<18} {len(part):>5} {m.tp + m.fn:>5}   {fmt(m.recall):>9}"
        line += f" {fmt(p.recall) if p else '    -'}   {m.fp + m.tn:>4}  {m.fp:>5}"
        print(line + (f" {p.fp:>4}" if p else "    -"))


def errors(cases: list[Case], mine: list[float], limit: int) -> None:
    wrong = [(c, s) for c, s in zip(cases, mine, strict=True) if (s >= THRESHOLD) != c.is_match]
    print(f"\n(d) sanctionwatch errors ({len(wrong)}, first {limit}):")
    for case, score in wrong[:limit]:
        kind = "FN" if case.is_match else "FP"
        q, c = case.query["properties"]["name"][0], case.candidate["properties"]["name"][0]
        print(f"  {kind} {score:.3f} {case.category:<16} {q!r} vs {c!r}")


Result = tuple[list[Case], list[float], list[float] | None]  # cases, our scores, peer's


def labelled_sets(split: str | None) -> list[tuple[str, list[Case]]]:
    dprk = [c for c in load_dprk() if not split or c.split == split]
    return [
        ("(a) nomenklatura name cases", load_nomenklatura()),
        ("(b) watchman cross-script", load_watchman()),
        (f"(d) dprk_pairs {split or 'all'}", dprk),
        ("(d) dprk_pairs hangul", [c for c in dprk if c.category == "hangul"]),
    ]


def run(sets: list[tuple[str, list[Case]]], mine: Scorer, theirs: Scorer | None) -> list[Result]:
    columns = "    P     R    F1"
    print((f"{'':<40}   {'sanctionwatch':<17}" + ("   logic-v2" if theirs else "")).rstrip())
    print(f"{'set':<28} {'pairs':>5} {'match':>5}  {columns}" + (f"  {columns}" if theirs else ""))
    results = []
    for label, cases in sets:
        result = (cases, scores(mine, cases), scores(theirs, cases) if theirs else None)
        print(row(label, *result))
        results.append(result)
    return results


def aliases(theirs: Scorer | None) -> None:
    queries, recall, peer_recall = alias_recall_at_1(theirs)
    peer_text = "not run" if peer_recall is None else f"{peer_recall:.3f}"
    print(
        f"(c) alias recall@1 on the loaded lists, {queries:,} aliases: "
        f"sanctionwatch {recall:.3f}, logic-v2 (re-ranking our candidates) {peer_text}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], help="only this half of (d)")
    parser.add_argument("--errors", type=int, default=0, help="list N of our mistakes on (d)")
    args = parser.parse_args()
    started = time.perf_counter()
    mine, (theirs, peer_label) = ours(), peer()
    print(f"sanctionwatch: match at >= {THRESHOLD}; logic-v2: {peer_label}")
    results = run(labelled_sets(args.split), mine, theirs)
    aliases(theirs)
    per_category(*results[2])
    if args.errors:
        errors(*results[2][:2], args.errors)
    print(f"\n{time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
