"""The hook other contexts call: record a change in the log, inside their own transaction.

    with engine.begin() as conn:
        conn.execute(...)                                   # the change
        record(conn, "finding.revise", "finding:42", {...})  # its entry: both commit, or neither

The author's key signs the entry; the payload's canonical JSON is stored beside it and its
SHA-256 is what the log commits to. `prev` points at the latest entry about the same subject.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.errors import InputError
from sanctionwatch.ledger import store
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.keys import sign_entry
from sanctionwatch.ledger.model import Statement, canonical, now
from sanctionwatch.ledger.note import Signer
from sanctionwatch.ledger.store import Signed
from sanctionwatch.settings import get_settings


def record(
    conn: Connection,
    kind: str,
    subject: str,
    payload: Any,
    author: str | None = None,
    custody: Custody | None = None,
    keep_payload: bool = True,
) -> int:
    """Append one signed entry about `subject` (author: the configured analyst); its index.

    `keep_payload=False` stores only the payload's hash in the log: for changes whose rows the
    caller keeps (and a coverage recomputes), and whose content not every reader of the log
    may see.
    """
    _check(kind, subject)
    custody = custody or Custody.from_settings()
    name = author or get_settings().analyst
    signer, member = custody.author(conn, name)
    data = canonical(payload)
    digest = hashlib.sha256(data).hexdigest()
    store.lock(conn)  # held until the caller commits: keep the work after it short
    statement = Statement(
        kind, subject, digest, name, member, now(), store.last_about(conn, subject)
    )
    return store.append_locked(conn, [signed(signer, statement, data if keep_payload else None)])


def signed(signer: Signer, statement: Statement, payload: bytes | None = None) -> Signed:
    """A statement signed by its author, ready for `store.append`."""
    body = statement.body()
    return Signed(statement, body, sign_entry(signer, body), payload)


def _check(kind: str, subject: str) -> None:
    if not 0 < len(kind) <= 64 or not 0 < len(subject) <= 255:
        raise InputError("an entry needs a kind of 1-64 and a subject of 1-255 characters")
