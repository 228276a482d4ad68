"""Publish a checkpoint: the operator signs the tree head, each member witness cosigns it.

A witness cosigns only after checking consistency with the last checkpoint it cosigned (its state
is kept in the database); a rollback or a fork makes it refuse. A checkpoint is stored only when
every witness cosigned; refusals are returned (and logged) so that they are reported, not lost.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from sanctionwatch.ledger import headstore, store
from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.errors import WitnessRefusal
from sanctionwatch.ledger.note import Note, Signature, Signer, Verifier
from sanctionwatch.ledger.witness import Witness
from sanctionwatch.logs import get_logger

log = get_logger(__name__)


@dataclass(frozen=True)
class Published:
    checkpoint: Checkpoint
    note: Note
    refusals: tuple[WitnessRefusal, ...]

    @property
    def stored(self) -> bool:
        return not self.refusals


def publish(conn: Connection, custody: Custody) -> Published:
    """Sign the current tree head, gather cosignatures, store it if no witness refused."""
    operator = custody.operator(conn)
    size = store.size(conn)
    checkpoint = Checkpoint(operator.name, size, store.root(conn, size))
    note = checkpoint.signed(operator)
    refusals: list[WitnessRefusal] = []
    for witness in custody.witnesses(conn):
        try:
            note = note.with_signature(_cosign(conn, witness, operator.verifier, note))
        except WitnessRefusal as refusal:
            log.warning("witness refused", witness=witness.name, reason=str(refusal))
            refusals.append(refusal)
    if not refusals:
        headstore.add_checkpoint(conn, size, str(note))
    return Published(checkpoint, note, tuple(refusals))


def _cosign(conn: Connection, signer: Signer, operator: Verifier, note: Note) -> Signature:
    witness = Witness(signer, {operator.name: operator})
    state = headstore.witness_state(conn, signer.name)
    last = state.last(operator.name)
    size = Checkpoint.parse(note.text).size
    proof = store.consistency_proof(conn, last.size, size) if last.size <= size else []
    result = witness.cosign(state, note, proof)
    headstore.save_witness_state(conn, signer.name, result.checkpoint)
    return result.signature
