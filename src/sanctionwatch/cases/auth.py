"""Logging in: passwords (argon2id) and API tokens.

A password is kept only as its argon2id hash (the newest row counts). A token is 32 random
bytes shown once; the store keeps its SHA-256, so a stolen database yields no usable token.
Logging in with a password issues a token that expires; API tokens may be long-lived.
Credentials are not panel state and are not logged in the ledger.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Select, bindparam, select, update

from sanctionwatch.cases import parties, tables
from sanctionwatch.cases.model import Role, User
from sanctionwatch.cases.record import new_id, utcnow
from sanctionwatch.errors import AuthError, InputError

_HASHER = PasswordHasher()
MIN_PASSWORD = 12
SESSION = timedelta(hours=12)


def set_password(conn: Connection, actor: User, name: str, password: str) -> None:
    """A new password for `name`: by the user themselves or an admin who manages them."""
    if actor.name != name:
        parties.may_manage(conn, actor, parties.user(conn, name).member)
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password needs at least {MIN_PASSWORD} characters")
    row = {"id": new_id("pw"), "user_name": name, "hash": _HASHER.hash(password)}
    conn.execute(tables.passwords.insert().values(**row, created_at=utcnow()))


def login(conn: Connection, name: str, password: str) -> str:
    """A session token for a user whose password matches (AuthError otherwise, the same
    answer for an unknown user as for a wrong password)."""
    query = (
        select(tables.passwords.c.hash)
        .where(tables.passwords.c.user_name == name)
        .order_by(tables.passwords.c.created_at.desc())
    )
    stored = conn.execute(query).scalar()
    try:
        if stored is None:
            _HASHER.hash(password)  # the same work as a real check: no timing hint
            raise AuthError("wrong user name or password")
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError) as e:
        raise AuthError("wrong user name or password") from e
    return issue(conn, name, "login", SESSION)


def issue(conn: Connection, name: str, label: str, lifetime: timedelta | None) -> str:
    """A new token for `name` (shown once; only its hash is kept)."""
    parties.user(conn, name)
    token = "sw_" + secrets.token_urlsafe(32)
    now = utcnow()
    conn.execute(
        tables.tokens.insert().values(
            id=_digest(token),
            user_name=name,
            label=label[:255],
            created_at=now,
            expires_at=None if lifetime is None else now + lifetime,
        )
    )
    return token


def _token_query() -> Select[Any]:
    t, u, r = tables.tokens, tables.users, tables.roles
    return (
        select(t.c.user_name, t.c.revoked_at, t.c.expires_at, u.c.member, r.c.role, r.c.granted)
        .join(u, u.c.id == t.c.user_name)
        .outerjoin(r, r.c.user_name == t.c.user_name)
        .where(t.c.id == bindparam("digest"))
        .order_by(r.c.entry)
    )


_TOKEN = _token_query()  # built once: every request runs it


def authenticate(conn: Connection, token: str) -> User:
    """The user a token stands for, with their current roles (AuthError when it is not valid).

    One query: the token, its user and every role row of the user (latest row per role wins).
    """
    rows = conn.execute(_TOKEN, {"digest": _digest(token)}).all()
    if not rows or rows[0].revoked_at is not None or _expired(rows[0].expires_at):
        raise AuthError("the token is not valid")
    latest = {row.role: bool(row.granted) for row in rows if row.role is not None}
    roles = frozenset(Role(role) for role, on in latest.items() if on)
    return User(rows[0].user_name, rows[0].member, roles)


def revoke(conn: Connection, token: str) -> None:
    """End a token now."""
    conn.execute(
        update(tables.tokens)
        .where(tables.tokens.c.id == _digest(token))
        .values(revoked_at=utcnow())
    )


def _expired(expires: datetime | None) -> bool:
    if expires is None:
        return False
    aware = expires if expires.tzinfo else expires.replace(tzinfo=utcnow().tzinfo)
    return aware <= utcnow()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
