"""cases: cs_reach, each object's audience as released, in columns SQL can filter on

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 18:10:00.000000
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_OBJECTS = ("cs_sources", "cs_evidence", "cs_cases", "cs_findings")


def upgrade() -> None:
    reach = op.create_table(
        "cs_reach",
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("originator", sa.String(length=64), nullable=False),
        sa.Column("members", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("target"),
    )
    conn = op.get_bind()
    released: dict[str, str] = dict(
        conn.execute(sa.text("SELECT target, audience FROM cs_releases ORDER BY entry")).all()
    )
    rows = []
    for table in _OBJECTS:
        for object_id, text in conn.execute(sa.text(f"SELECT id, audience FROM {table}")):
            audience = json.loads(released.get(object_id, text))
            members = sorted(audience.get("members") or [])
            rows.append(
                {
                    "target": object_id,
                    "scope": audience["scope"],
                    "originator": audience["originator"],
                    "members": "|" + "|".join(members) + "|" if members else "",
                }
            )
    if rows:
        op.bulk_insert(reach, rows)


def downgrade() -> None:
    op.drop_table("cs_reach")
