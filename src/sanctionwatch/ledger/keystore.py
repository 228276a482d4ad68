"""Keys in SQL: public keys and certificates for everyone, sealed private keys where held.

Roles: "operator" (one key, named by the log origin), "member" (a member state's key, which is
also its witness key) and "user" (certified by a member). `sealed` is encrypted PEM or NULL when
the private key lives elsewhere (a key file, or the member's own machine); `development` marks
keys made in development mode, which production mode refuses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select

from sanctionwatch.ledger.keys import Keyring, UserKey
from sanctionwatch.ledger.note import Verifier
from sanctionwatch.ledger.tables import keys

OPERATOR, MEMBER, USER = "operator", "member", "user"


@dataclass(frozen=True)
class KeyRow:
    role: str
    name: str
    verifier: Verifier
    member: str | None = None
    certificate: str | None = None
    sealed: str | None = None
    development: bool = False


def add(conn: Connection, row: KeyRow) -> None:
    conn.execute(
        insert(keys).values(
            role=row.role,
            name=row.name,
            member=row.member,
            vkey=row.verifier.vkey,
            certificate=row.certificate,
            sealed=row.sealed,
            development=row.development,
            created_at=datetime.now(UTC),
        )
    )


def rows(conn: Connection, role: str | None = None, name: str | None = None) -> list[KeyRow]:
    query = select(keys).order_by(keys.c.role, keys.c.name)
    if role is not None:
        query = query.where(keys.c.role == role)
    if name is not None:
        query = query.where(keys.c.name == name)
    return [_key_row(r) for r in conn.execute(query)]


_ONE = select(keys).where(keys.c.role == bindparam("role"), keys.c.name == bindparam("name"))


def _key_row(r: Any) -> KeyRow:
    verifier = _verifier(r.vkey)
    return KeyRow(r.role, r.name, verifier, r.member, r.certificate, r.sealed, bool(r.development))


@lru_cache(maxsize=1024)
def _verifier(vkey: str) -> Verifier:
    return Verifier.parse(vkey)


def find(conn: Connection, role: str, name: str | None = None) -> KeyRow | None:
    """The key of this role and name (or the first of the role: the operator has one)."""
    if name is None:
        found = rows(conn, role)
        return found[0] if found else None
    row = conn.execute(_ONE, {"role": role, "name": name}).first()
    return None if row is None else _key_row(row)


def keyring(conn: Connection) -> Keyring:
    """Every public key, as verifiers need them."""
    found = rows(conn)
    operator = next((r.verifier for r in found if r.role == OPERATOR), None)
    members = {r.name: r.verifier for r in found if r.role == MEMBER}
    users = {
        r.name: UserKey(r.member or "", r.verifier, r.certificate or "")
        for r in found
        if r.role == USER
    }
    return Keyring(operator, members, users)
