"""C2SP transparency log checkpoints (c2sp.org/tlog-checkpoint): the body of a signed note.

    <origin>\\n<tree size in decimal>\\n<base64 of the RFC 6962 root hash>\\n[extension lines]

The log operator signs it, and witnesses cosign it, as a signed note (note.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sanctionwatch.ledger.errors import NoteError
from sanctionwatch.ledger.merkle import HASH_SIZE
from sanctionwatch.ledger.note import Note, Signer, decode_base64, encode_base64

_SIZE = re.compile(r"0|[1-9][0-9]{0,19}")
_MAX_SIZE = 2**64 - 1


@dataclass(frozen=True)
class Checkpoint:
    """A log's tree head: who (origin), how many entries (size), and their Merkle root."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.origin or "\n" in self.origin:
            raise NoteError("checkpoint origin is empty or holds a newline")
        if not 0 <= self.size <= _MAX_SIZE:
            raise NoteError(f"checkpoint size {self.size} is not a 64-bit unsigned number")
        if len(self.root) != HASH_SIZE:
            raise NoteError(f"checkpoint root has {len(self.root)} bytes, not {HASH_SIZE}")
        if any(not line or "\n" in line for line in self.extensions):
            raise NoteError("checkpoint extension lines must be single non-empty lines")

    @property
    def text(self) -> str:
        lines = (self.origin, str(self.size), encode_base64(self.root), *self.extensions)
        return "".join(line + "\n" for line in lines)

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """The note text of a checkpoint, with its final newline."""
        lines = text.split("\n")
        if len(lines) < 4 or lines[-1] != "":
            raise NoteError("checkpoint needs origin, size and root hash lines, each ending in \\n")
        origin, size, root, *extensions = lines[:-1]
        if not _SIZE.fullmatch(size):
            raise NoteError(f"checkpoint size {size[:40]!r} is not a decimal number")
        return cls(origin, int(size), decode_base64(root, "checkpoint root"), tuple(extensions))

    def signed(self, *signers: Signer) -> Note:
        """This checkpoint as a note signed by each signer (the operator first)."""
        return Note(self.text).signed(*signers)
