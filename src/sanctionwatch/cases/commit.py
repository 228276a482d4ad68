"""Keyed commitments: how a finding names restricted evidence to those who may not read it.

A plain SHA-256 would let anyone holding a candidate document test whether it is the cited
one. Instead a non-reader sees HMAC-SHA256(audience key, sha256): the same item in the same
audience always gives the same commitment, and no one without the key can test a guess. Each
audience's key is derived from one random deployment secret, made once and kept in the
database (`cs_secrets`; never logged, never served).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import Audience
from sanctionwatch.cases.record import utcnow
from sanctionwatch.cases.stored import dump_audience

NAME = "commitments"
_CONTEXT = b"sanctionwatch audience key v1\x00"


def secret(conn: Connection) -> bytes:
    """The deployment secret, made on first use (call it in a transaction that commits)."""
    table = tables.deployment_secrets
    query = select(table.c.value).where(table.c.name == NAME)
    found = conn.execute(query).scalar()
    if found is None:
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        values = {"name": NAME, "value": secrets.token_bytes(32), "created_at": utcnow()}
        conn.execute(dialect.insert(table).values(**values).on_conflict_do_nothing())
        found = conn.execute(query).scalar_one()
    return bytes(found)


def commit(conn: Connection, audience: Audience, sha256: str) -> str:
    """HMAC-SHA256(audience key, sha256), in hex."""
    return commit_with(secret(conn), audience, sha256)


def commit_with(deployment_secret: bytes, audience: Audience, sha256: str) -> str:
    """`commit` under a secret already read (`secret`): for many commitments at once."""
    key = _audience_key(deployment_secret, audience)
    return hmac.new(key, sha256.encode(), hashlib.sha256).hexdigest()


def _audience_key(deployment_secret: bytes, audience: Audience) -> bytes:
    """The key of one audience (its scope, originator, members and label)."""
    label = _CONTEXT + dump_audience(audience).encode()
    return hmac.new(deployment_secret, label, hashlib.sha256).digest()
