"""Pairs about designated people: spellings of the same person, and hard negatives.

Every generator takes the Korean-named DPRK designees and a seeded `random.Random`
and returns labelled pairs; the query is derived from one designee, the candidate is
that designee's (or another designee's) list entry, name as printed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator

from pair import Pair, Person, context, fold
from romanize import mr, rr, southern

Variant = Callable[[random.Random, Person], tuple[str, str] | None]  # (query, how)
# Each letter's neighbours on a QWERTY keyboard, a to z.
NEIGHBOURS = "qs vn xv sf wr dg fh gj uo hk jl ko kn bm ip ol wa et ad ry yi cb qe zc tu xa"
KEYBOARD = dict(zip("abcdefghijklmnopqrstuvwxyz", NEIGHBOURS.split(" "), strict=True))


def positives(
    people: list[Person], rng: random.Random, n: int, category: str, variant: Variant
) -> list[Pair]:
    """`n` designees' names spelled by `variant`, each against its own list entry."""
    taken = {f for p in people for f in p.folds}
    out: list[Pair] = []
    for person in _shuffled(people, rng):
        made = variant(rng, person)
        if made is None or (fold(made[0]) in taken and fold(made[0]) not in person.folds):
            continue  # not applicable, or the variant is another designee's name
        cand = rng.choice(person.records)
        notes = f"query: {made[1]}; candidate {cand.source}"
        out.append(Pair("Person", made[0], cand, True, category, notes, **context(rng, cand)))
        if len(out) == n:
            break
    return out


def hangul(rng: random.Random, person: Person) -> tuple[str, str]:
    if rng.random() < 0.25:
        return f"{person.hangul_surname} {''.join(person.hangul_given)}", "Hangul, spaced"
    return person.hangul, "Hangul from the syllable table"


def revised(rng: random.Random, person: Person) -> tuple[str, str] | None:
    query = rr(person.hangul_surname, list(person.hangul_given))
    return None if fold(query) in person.folds else (query, f"RR of {person.hangul}")


def mccune(rng: random.Random, person: Person) -> tuple[str, str] | None:
    mark = "’" if rng.random() < 1 / 3 else "'"
    query = mr(person.hangul_surname, list(person.hangul_given), mark)
    return None if fold(query) in person.folds else (query, f"MR of {person.hangul}")


def south(rng: random.Random, person: Person) -> tuple[str, str] | None:
    query = southern(person.hangul_surname, list(person.hangul_given))
    if fold(query) in person.folds:
        return None
    return query, f"southern spelling of {person.hangul} (initial-sound rule, Lee/Park/Choi)"


def hyphenation(rng: random.Random, person: Person) -> tuple[str, str] | None:
    if len(person.given) < 2:
        return None
    given = [s.capitalize() for s in person.given]
    forms = {
        "spaced": " ".join(given),
        "hyphenated": "-".join(given).capitalize(),
        "Hyphen-Capital": "-".join(given),
        "joined": "".join(given).capitalize(),
    }
    listed = "hyphenated" if "-" in rng.choice(person.records).given else "spaced"
    how = rng.choice(sorted(f for f in forms if f != listed))
    query = f"{person.surname.capitalize()} {forms[how]}"
    return (query.upper() if rng.random() < 0.3 else query), f"given name {how}"


def order(rng: random.Random, person: Person) -> tuple[str, str]:
    record = rng.choice(person.records)
    query = f"{record.given} {record.surname}"
    return (_capitalized(query) if rng.random() < 0.5 else query), "given name first"


def typo(rng: random.Random, person: Person) -> tuple[str, str] | None:
    text = f"{person.surname} {' '.join(person.given)}"
    text = _capitalized(text) if rng.random() < 0.5 else text
    edits = []
    for _ in range(1 if rng.random() < 0.6 else 2):
        text, edit = _edit(rng, text)
        edits.append(edit)
    if fold(text) in person.folds or "" in edits:
        return None
    return text, "typo: " + ", ".join(edits)


def _edit(rng: random.Random, text: str) -> tuple[str, str]:
    """One keyboard slip inside a word of 3+ letters."""
    spots = [k for m in re.finditer(r"[A-Za-z]{3,}", text) for k in range(m.start(), m.end())]
    if not spots:
        return text, ""
    i = rng.choice(spots)
    c = text[i]
    op = rng.choice(["substitute", "delete", "transpose", "double"])
    if op == "delete":
        return text[:i] + text[i + 1 :], f"delete {c!r}"
    if op == "transpose" and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + c + text[i + 2 :], f"swap {c + text[i + 1]!r}"
    if op == "double":
        return text[:i] + c + text[i:], f"double {c!r}"
    near = rng.choice(KEYBOARD[c.lower()])
    near = near.upper() if c.isupper() else near
    return text[:i] + near + text[i + 1 :], f"{c!r}->{near!r}"


def truncation(rng: random.Random, person: Person) -> tuple[str, str] | None:
    if len(person.given) < 2:
        return None
    surname, given = person.surname.capitalize(), [s.capitalize() for s in person.given]
    initials = [g[0] for g in given]
    forms = {
        "last given syllable dropped": f"{surname} {given[0]}",
        "first given syllable dropped": f"{surname} {given[-1]}",
        "initials after surname": f"{surname} {'.'.join(initials)}.",
        "initials first": f"{'. '.join(initials)}. {surname}",
        "second syllable as initial": f"{surname} {given[0]} {initials[1]}.",
    }
    how = rng.choice(sorted(forms))
    return forms[how], how


def similar(people: list[Person]) -> list[tuple[Person, Person]]:
    """Pairs of distinct designees: same surname, one given syllable different."""
    out = []
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            if _one_syllable_apart(a, b) and distinct(a, b):
                out.append((a, b))
    return out


def _one_syllable_apart(a: Person, b: Person) -> bool:
    if a.hangul_surname != b.hangul_surname or len(a.hangul_given) != len(b.hangul_given):
        return False
    return sum(x != y for x, y in zip(a.hangul_given, b.hangul_given, strict=True)) == 1


def distinct(a: Person, b: Person) -> bool:
    """Surely two people: no shared name or alias, and birth years 3+ apart."""
    return not a.folds & b.folds and _years_apart(a, b) >= 3


def negatives(
    pairs: list[tuple[Person, Person]], rng: random.Random, category: str, hangul: bool
) -> Iterator[Pair]:
    for a, b in pairs:
        a, b = (a, b) if rng.random() < 0.5 else (b, a)
        record, cand = rng.choice(a.records), rng.choice(b.records)
        query = a.hangul if hangul else record.name
        differ = next((x, y) for x, y in zip(a.given, b.given, strict=True) if x != y)
        notes = (
            f"query person {record.source} ({record.name}), candidate {cand.source}: "
            f"distinct designees, given name {differ[0]} vs {differ[1]}"
        )
        yield Pair("Person", query, cand, False, category, notes, **context(rng, record))


def shifted_birth(people: list[Person], rng: random.Random, n: int) -> list[Pair]:
    """Same name as a designee, born 30 to 45 years apart: a namesake."""
    out = []
    for person in _shuffled(people, rng):
        cand = rng.choice(person.records)
        if not cand.birth_dates or len(cand.birth_dates[0]) != 10:
            continue
        year = int(cand.birth_dates[0][:4])
        shift = rng.randint(30, 45) * (1 if year + 45 <= 2008 else -1)
        born = f"{year + shift}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        query = cand.name if rng.random() < 0.5 else _capitalized(f"{cand.surname} {cand.given}")
        notes = f"same name as {cand.source}, query born {shift:+d} years: a namesake"
        country = cand.country if rng.random() < 0.5 else ""
        out.append(Pair("Person", query, cand, False, "negative_dob", notes, born, country))
        if len(out) == n:
            break
    return out


def namesakes(people: list[Person]) -> Iterator[Pair]:
    """Real namesakes: two designees listed under the same name, born 5+ years apart."""
    for a in people:
        for b in people:
            same = [(r, c) for r in a.records for c in b.records if fold(r.name) == fold(c.name)]
            if a is b or not same or _years_apart(a, b) < 5:
                continue
            record, cand = same[0]
            notes = f"real namesakes: query {record.source}, candidate {cand.source}"
            born = record.birth_dates[0] if record.birth_dates else ""
            yield Pair("Person", record.name, cand, False, "namesake", notes, born)


def _years_apart(a: Person, b: Person) -> int:
    gaps = [abs(x - y) for x in a.birth_years for y in b.birth_years]
    return min(gaps) if gaps else 0


def _capitalized(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def _shuffled(people: list[Person], rng: random.Random) -> list[Person]:
    return rng.sample(people, len(people))
