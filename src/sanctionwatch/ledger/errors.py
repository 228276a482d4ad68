"""The ledger's branch of the exception tree (the base classes live in sanctionwatch.errors).

InputError                  (400)
├── ProofError              (422) a Merkle proof, size or hash does not verify
├── NoteError               (422) a signed note, key or checkpoint is malformed or badly signed
├── EntryError              (422) a log entry is malformed, not canonical, or badly signed
└── WitnessRefusal          (409) a witness will not cosign; carries both checkpoints
    ├── UnknownLogRefusal   (409) the witness does not follow this origin
    ├── SignatureRefusal    (409) the log operator's signature is missing or wrong
    ├── RollbackRefusal     (409) the new checkpoint is smaller than the last one cosigned
    └── ForkRefusal         (409) same size with another root, or no valid consistency proof

Key custody refusals (a missing key, a development key in production mode, a key file others
can read) are sanctionwatch.errors.ConfigError; a missing entry or checkpoint is NotFoundError.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctionwatch.errors import InputError

if TYPE_CHECKING:
    from sanctionwatch.ledger.checkpoint import Checkpoint


class ProofError(InputError):
    """A Merkle inclusion or consistency proof does not verify."""

    status = 422


class NoteError(InputError):
    """A signed note, verifier key or checkpoint is malformed, or a known key's signature fails."""

    status = 422


class EntryError(InputError):
    """A log entry is malformed, not in canonical form, or its signature does not verify."""

    status = 422


class WitnessRefusal(InputError):
    """A witness refuses to cosign; `last` is what it last cosigned, `seen` what it was shown."""

    status = 409

    def __init__(self, reason: str, last: Checkpoint | None, seen: Checkpoint) -> None:
        self.reason = reason
        self.last = last
        self.seen = seen
        before = f"{last.size}" if last else "nothing"
        super().__init__(f"{seen.origin}: {reason} (cosigned {before}, shown {seen.size})")


class UnknownLogRefusal(WitnessRefusal):
    """The witness has no operator key for this origin."""


class SignatureRefusal(WitnessRefusal):
    """The checkpoint is not validly signed by the log operator."""


class RollbackRefusal(WitnessRefusal):
    """The checkpoint is smaller than the last one the witness cosigned."""


class ForkRefusal(WitnessRefusal):
    """The checkpoint cannot extend the last one cosigned: another root or a failed proof."""
