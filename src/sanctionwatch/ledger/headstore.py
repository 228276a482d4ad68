"""Tree heads in SQL: the signed checkpoints the log published, and each witness's state."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete, insert, select

from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.tables import checkpoints, witnesses
from sanctionwatch.ledger.witness import WitnessState


def add_checkpoint(conn: Connection, size: int, note: str) -> None:
    values = {"size": size, "note": note, "created_at": datetime.now(UTC)}
    conn.execute(insert(checkpoints).values(**values))


def all_checkpoints(conn: Connection) -> list[str]:
    """Every published checkpoint note, in publication order."""
    query = select(checkpoints.c.note).order_by(checkpoints.c.id)
    return [str(note) for note in conn.scalars(query)]


def latest_checkpoint(conn: Connection) -> str | None:
    query = select(checkpoints.c.note).order_by(checkpoints.c.id.desc()).limit(1)
    found = conn.scalar(query)
    return None if found is None else str(found)


def witness_state(conn: Connection, witness: str) -> WitnessState:
    query = select(witnesses.c.origin, witnesses.c.checkpoint).where(witnesses.c.witness == witness)
    return WitnessState({o: Checkpoint.parse(text) for o, text in conn.execute(query)})


def save_witness_state(conn: Connection, witness: str, checkpoint: Checkpoint) -> None:
    """Remember the last checkpoint this witness cosigned for its origin."""
    where = (witnesses.c.witness == witness) & (witnesses.c.origin == checkpoint.origin)
    conn.execute(delete(witnesses).where(where))
    conn.execute(
        insert(witnesses).values(
            witness=witness,
            origin=checkpoint.origin,
            checkpoint=checkpoint.text,
            updated_at=datetime.now(UTC),
        )
    )
