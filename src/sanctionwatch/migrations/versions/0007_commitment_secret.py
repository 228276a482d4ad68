"""cases: the deployment secret commitments derive audience keys from, made with the schema

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 04:40:00.000000

Made here rather than on first use, so that a value read is always a committed one and every
process may keep it (`cases.commit.secret`).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_NAME = "commitments"


def upgrade() -> None:
    conn = op.get_bind()
    query = sa.text("SELECT 1 FROM cs_secrets WHERE name = :name")
    if conn.execute(query, {"name": _NAME}).first() is None:
        insert = sa.text("INSERT INTO cs_secrets (name, value, created_at) VALUES (:n, :v, :t)")
        insert = insert.bindparams(sa.bindparam("v", type_=sa.LargeBinary()))
        insert = insert.bindparams(sa.bindparam("t", type_=sa.DateTime(timezone=True)))
        conn.execute(insert, {"n": _NAME, "v": secrets.token_bytes(32), "t": datetime.now(UTC)})


def downgrade() -> None:
    # the secret stays: commitments already given out were made under it
    pass
