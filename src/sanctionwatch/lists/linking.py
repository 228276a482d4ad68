"""Cross-list linking: the same person, entity or vessel listed by several authorities.

Candidates come from strong identifiers first (IMO number, UN reference number
cited by another list, passport number), then from name + birth date +
nationality for persons and exact name + country for organizations. Each new
link is an appended `positive` decision (method ``auto:<rule>``); analysts add
their own decisions, and an undo is a later `negative` decision that points at
the one it undoes. Nothing is overwritten. The `canonical` table is derived:
rebuilt from the decisions after every change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from sanctionwatch.errors import InputError, NotFoundError
from sanctionwatch.lists.keys import Facts, candidate_pairs, load_facts
from sanctionwatch.lists.tables import canonical, decisions

AUTO_AUTHOR = "sanctionwatch"


@dataclass(frozen=True)
class Decision:
    id: int
    left_id: str
    right_id: str
    judgement: str
    method: str
    reason: str
    author: str
    created_at: datetime
    undoes: int | None


def relink(conn: Connection) -> int:
    """Record new automatic links, rebuild canonical ids; returns new decisions."""
    facts = load_facts(conn)
    decided = {(d.left_id, d.right_id) for d in all_decisions(conn)}
    new = 0
    for (left, right), (method, reason) in candidate_pairs(facts).items():
        if (left, right) in decided:
            continue
        _append(conn, left, right, "positive", method, reason, AUTO_AUTHOR, None)
        new += 1
    rebuild(conn, facts)
    return new


def decide(
    conn: Connection, left: str, right: str, positive: bool, author: str, reason: str
) -> int:
    """An analyst's judgement that two entities are (not) the same."""
    left, right = sorted((left, right))
    if left == right:
        raise InputError(f"cannot link {left} with itself")
    judgement = "positive" if positive else "negative"
    decision_id = _append(conn, left, right, judgement, "analyst", reason, author, None)
    rebuild(conn, load_facts(conn))
    return decision_id


def undo(conn: Connection, decision_id: int, author: str, reason: str) -> int:
    """Undo a positive decision by appending a negative one that points at it."""
    row = conn.execute(select(decisions).where(decisions.c.id == decision_id)).first()
    if row is None:
        raise NotFoundError(f"no link decision {decision_id}")
    if row.judgement != "positive":
        raise InputError(f"decision {decision_id} is not a merge; nothing to undo")
    new_id = _append(
        conn, row.left_id, row.right_id, "negative", "analyst", reason, author, decision_id
    )
    rebuild(conn, load_facts(conn))
    return new_id


def _append(
    conn: Connection,
    left: str,
    right: str,
    judgement: str,
    method: str,
    reason: str,
    author: str,
    undoes: int | None,
) -> int:
    result = conn.execute(
        insert(decisions).values(
            left_id=left,
            right_id=right,
            judgement=judgement,
            method=method,
            reason=reason,
            author=author,
            created_at=datetime.now(UTC),
            undoes=undoes,
        )
    )
    return _new_id(result.inserted_primary_key)


def all_decisions(conn: Connection) -> list[Decision]:
    rows = conn.execute(select(decisions).order_by(decisions.c.id)).all()
    return [Decision(**row._mapping) for row in rows]


def effective(decided: Iterable[Decision]) -> dict[tuple[str, str], Decision]:
    """The latest decision per pair: it alone counts."""
    latest: dict[tuple[str, str], Decision] = {}
    for decision in decided:
        latest[(decision.left_id, decision.right_id)] = decision
    return latest


def rebuild(conn: Connection, facts: Facts) -> None:
    """Recompute the canonical id of every linked entity from the decisions."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    members: dict[str, set[str]] = {}
    for (left, right), decision in sorted(effective(all_decisions(conn)).items()):
        if decision.judgement != "positive":
            continue
        a, b = find(left), find(right)
        if a == b:
            continue
        group_a, group_b = members.get(a, {a}), members.get(b, {b})
        if decision.method != "analyst" and facts.sources(group_a) & facts.sources(group_b):
            continue  # one designation per authority per canonical entity
        root, child = sorted((a, b))
        parent[child] = root
        members.pop(child, None)
        members[root] = group_a | group_b
    conn.execute(delete(canonical))
    rows = [
        {"entity_id": m, "canonical_id": f"sw-{root}"} for root, ms in members.items() for m in ms
    ]
    if rows:
        conn.execute(insert(canonical), rows)


def _new_id(key: Any) -> int:
    if key is None:
        raise RuntimeError("insert returned no primary key")
    return int(key[0])
