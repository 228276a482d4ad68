"""The right of reply: each state or entity a finding names is asked, and answers or lapses.

Three events, each a `cs_replies` row: `sent` (a request, with its deadline; it may record a
letter sent earlier, so the deadline may already have passed), `received` (the reply, kept
verbatim) and `expired` (recordable only once the latest request's deadline has passed). A
party has had its right of reply when it was sent a request and then replied or lapsed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from sanctionwatch.cases import findings, tables
from sanctionwatch.cases.model import Role, User
from sanctionwatch.cases.record import new_id, utcnow, write
from sanctionwatch.cases.stored import utc
from sanctionwatch.errors import ForbiddenError, InputError

SENT, RECEIVED, EXPIRED = "sent", "received", "expired"


@dataclass(frozen=True)
class ReplyState:
    party: str
    deadline: datetime | None = None  # of the latest request; None: never asked
    received: bool = False
    expired: bool = False

    @property
    def done(self) -> bool:
        return self.deadline is not None and (self.received or self.expired)

    def to_json(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "received": self.received,
            "expired": self.expired,
            "done": self.done,
        }


def send_reply_request(
    conn: Connection, actor: User, finding_id: str, party: str, deadline: datetime, text: str = ""
) -> ReplyState:
    """Record a request for reply to a named party, with its deadline (timezone-aware)."""
    _check(conn, actor, finding_id, party)
    if deadline.tzinfo is None:
        raise InputError("give the deadline with its time zone")
    _write(conn, actor, finding_id, party, SENT, text, deadline)
    return states(conn, finding_id, [party])[party]


def record_reply(
    conn: Connection, actor: User, finding_id: str, party: str, text: str
) -> ReplyState:
    """Record a party's reply, verbatim (it must have been asked)."""
    state = _asked(conn, actor, finding_id, party)
    if not text.strip():
        raise InputError("record the reply's text")
    _write(conn, actor, finding_id, party, RECEIVED, text, state.deadline)
    return states(conn, finding_id, [party])[party]


def record_expiry(conn: Connection, actor: User, finding_id: str, party: str) -> ReplyState:
    """Record that a party let the deadline pass without replying."""
    state = _asked(conn, actor, finding_id, party)
    assert state.deadline is not None
    if state.deadline > utcnow():
        raise InputError(f"the deadline for {party} has not passed: {state.deadline.isoformat()}")
    if state.received:
        raise InputError(f"{party} has replied")
    _write(conn, actor, finding_id, party, EXPIRED, "", state.deadline)
    return states(conn, finding_id, [party])[party]


def states(conn: Connection, finding_id: str, parties: list[str]) -> dict[str, ReplyState]:
    """Where each party's right of reply stands (for a finding already read)."""
    t = tables.replies
    query = select(t).where(t.c.finding_id == finding_id).order_by(t.c.entry)
    found = {p: ReplyState(p) for p in parties}
    for r in conn.execute(query).mappings():
        if r["party"] not in found:
            continue
        if r["event"] == SENT:
            found[r["party"]] = ReplyState(r["party"], utc(r["deadline"]))
        else:
            old = found[r["party"]]
            received = old.received or r["event"] == RECEIVED
            found[r["party"]] = ReplyState(old.party, old.deadline, received, r["event"] == EXPIRED)
    return found


def _check(conn: Connection, actor: User, finding_id: str, party: str) -> findings.Finding:
    finding = findings.get(conn, actor, finding_id)
    if not actor.has(Role.REVIEWER, Role.ANALYST, Role.COORDINATOR):
        raise ForbiddenError("only a reviewer, analyst or coordinator records the right of reply")
    if party not in finding.named:
        raise InputError(f"the finding does not name {party!r}")
    return finding


def _asked(conn: Connection, actor: User, finding_id: str, party: str) -> ReplyState:
    _check(conn, actor, finding_id, party)
    state = states(conn, finding_id, [party])[party]
    if state.deadline is None:
        raise InputError(f"{party} was not sent a request for reply")
    return state


def _write(
    conn: Connection,
    actor: User,
    finding_id: str,
    party: str,
    event: str,
    text: str,
    deadline: datetime | None,
) -> None:
    values = {
        "id": new_id("reply"),
        "finding_id": finding_id,
        "party": party,
        "event": event,
        "deadline": deadline,
        "text": text,
    }
    write(conn, actor, tables.replies, values)
