"""Keyed commitments: how a finding names restricted evidence to those who may not read it.

A plain SHA-256 would let anyone holding a candidate document test whether it is the cited
one. Instead a non-reader sees HMAC-SHA256(audience key, sha256): the same item in the same
audience always gives the same commitment, and no one without the key can test a guess. Each
audience's key is derived from one random deployment secret, made once by the schema migration
and kept in the database (`cs_secrets`; never logged, never served).
"""

from __future__ import annotations

import hashlib
import hmac
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Pool, select

from sanctionwatch.cases import tables
from sanctionwatch.cases.model import Audience
from sanctionwatch.cases.stored import dump_audience
from sanctionwatch.errors import ConfigError

NAME = "commitments"
_CONTEXT = b"sanctionwatch audience key v1\x00"


def secret(conn: Connection) -> bytes:
    """The deployment secret (made by the schema migration; kept per process once read)."""
    pool = conn.engine.pool
    found = _SECRETS.get(pool)
    if found is None:
        table = tables.deployment_secrets
        value = conn.execute(select(table.c.value).where(table.c.name == NAME)).scalar()
        if value is None:
            raise ConfigError(
                f"{NAME!r} is missing from cs_secrets: the database is not migrated"
                " (every sanctionwatch command migrates it) or the secret was removed"
            )
        found = _SECRETS[pool] = bytes(value)
    return found


_SECRETS: WeakKeyDictionary[Pool, bytes] = WeakKeyDictionary()
"""The secret of each database, by the pool its connections come from."""


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
