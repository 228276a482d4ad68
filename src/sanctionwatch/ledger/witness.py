"""A witness: cosigns a log's checkpoint only if it extends the last checkpoint it cosigned.

The witness is pure. It holds its own signer and the operator key of each log it follows; what it
last cosigned per origin is a WitnessState that the caller persists and hands back. A witness that
has cosigned nothing for an origin starts from the empty tree (size 0), with which every tree is
consistent, so its first checkpoint needs only the operator's signature and an empty proof.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.errors import (
    ForkRefusal,
    NoteError,
    ProofError,
    RollbackRefusal,
    SignatureRefusal,
    UnknownLogRefusal,
)
from sanctionwatch.ledger.merkle import EMPTY_ROOT, verify_consistency
from sanctionwatch.ledger.note import Note, Signature, Signer, Verifier


@dataclass(frozen=True)
class WitnessState:
    """The last checkpoint a witness cosigned, per origin."""

    cosigned: Mapping[str, Checkpoint] = field(default_factory=dict)

    def last(self, origin: str) -> Checkpoint:
        return self.cosigned.get(origin) or Checkpoint(origin, 0, EMPTY_ROOT)

    def advanced(self, checkpoint: Checkpoint) -> WitnessState:
        return replace(self, cosigned={**self.cosigned, checkpoint.origin: checkpoint})


@dataclass(frozen=True)
class Cosignature:
    """The witness's signature on a checkpoint, and the state to persist afterwards."""

    checkpoint: Checkpoint
    signature: Signature
    state: WitnessState


@dataclass(frozen=True)
class Witness:
    """A witness key and the operator key of each log (by origin) it is willing to cosign."""

    signer: Signer
    logs: Mapping[str, Verifier]

    @property
    def verifier(self) -> Verifier:
        return self.signer.verifier

    def cosign(self, state: WitnessState, note: Note | str, proof: Sequence[bytes]) -> Cosignature:
        """Cosign a signed checkpoint, given a consistency proof from the last one cosigned.

        Raises a WitnessRefusal subclass (carrying both checkpoints) for an unknown log, a bad
        operator signature, a rollback or a fork; a malformed note raises NoteError.
        """
        note = note if isinstance(note, Note) else Note.parse(note)
        seen = Checkpoint.parse(note.text)
        operator = self.logs.get(seen.origin)
        if operator is None:
            raise UnknownLogRefusal("the witness does not follow this log", None, seen)
        last = state.last(seen.origin)
        _check_signature(note, operator, last, seen)
        _check_extends(last, seen, proof)
        return Cosignature(seen, self.signer.sign(note.text), state.advanced(seen))


def _check_signature(note: Note, operator: Verifier, last: Checkpoint, seen: Checkpoint) -> None:
    try:
        note.verify([operator])
    except NoteError as e:
        raise SignatureRefusal(f"operator signature: {e}", last, seen) from e


def _check_extends(last: Checkpoint, seen: Checkpoint, proof: Sequence[bytes]) -> None:
    if seen.size < last.size:
        raise RollbackRefusal("the log shrank", last, seen)
    if seen.size == last.size and seen.root != last.root:
        raise ForkRefusal("two roots for one size", last, seen)
    try:
        verify_consistency(last.size, seen.size, last.root, seen.root, proof)
    except ProofError as e:
        raise ForkRefusal(f"not consistent: {e}", last, seen) from e
