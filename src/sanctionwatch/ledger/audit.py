"""Verification of a log from its parts, wherever they come from (database or bundle).

The Auditor is fed the entries in order and checks each one: canonical statement, a certified
author of the stated member, a valid signature, the payload matching its hash. It rebuilds the
tree in O(log n) memory and compares its root with every published checkpoint, whose operator
signature and witness cosignatures it checks first; checkpoints must grow and stay consistent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.errors import EntryError, NoteError, ProofError
from sanctionwatch.ledger.keys import Keyring, check_entry_signature
from sanctionwatch.ledger.merkle import EMPTY_ROOT, verify_consistency
from sanctionwatch.ledger.model import Entry, Problem, Report, Statement
from sanctionwatch.ledger.note import Note
from sanctionwatch.ledger.tree import Frontier, Node

Proofs = Callable[[int, int], list[bytes]]


@dataclass(frozen=True)
class Fed:
    """What one batch gave: the tree nodes it completes and its well-formed statements."""

    nodes: list[Node]
    statements: dict[int, Statement]


class Auditor:
    def __init__(self, keyring: Keyring, notes: Sequence[str]) -> None:
        self.keyring = keyring
        self.problems = [Problem(None, p) for p in keyring.problems()]
        self.checkpoints = [c for i, n in enumerate(notes) if (c := self._checkpoint(i, n))]
        self._sizes = {c.size for c in self.checkpoints}
        self.roots = {0: EMPTY_ROOT}
        self.frontier = Frontier()
        self.count = 0

    def _checkpoint(self, i: int, text: str) -> Checkpoint | None:
        try:
            note = Note.parse(text)
            checkpoint = Checkpoint.parse(note.text)
            operator = self.keyring.operator
            if operator is None or checkpoint.origin != operator.name:
                raise NoteError(f"origin {checkpoint.origin} is not this log's")
            known = [operator, *self.keyring.members.values()]
            if operator not in note.verify(known):
                raise NoteError("no signature by the log operator")
            ids = {(k.name, k.key_id) for k in known}
            if any((s.name, s.key_id) not in ids for s in note.signatures):
                raise NoteError("a signature by a key the log does not know")
        except NoteError as e:
            self.problems.append(Problem(None, f"checkpoint {i}: {e}"))
            return None
        return checkpoint

    def feed(self, batch: Sequence[Entry]) -> Fed:
        statements = {}
        for entry in batch:
            statement = self._entry(entry)
            if statement is not None:
                statements[entry.index] = statement
        return Fed(self._grow([e.leaf_hash for e in batch]), statements)

    def _entry(self, entry: Entry) -> Statement | None:
        expected, self.count = self.count, self.count + 1
        try:
            if entry.index != expected:
                raise EntryError(f"is where entry {expected} should be: entries are missing")
            statement = Statement.parse(entry.body)
            self._check_author(statement, entry)
            _check_payload(statement, entry.payload)
        except (EntryError, NoteError) as e:
            self.problems.append(Problem(expected, str(e)))
            return None
        return statement

    def _check_author(self, statement: Statement, entry: Entry) -> None:
        user = self.keyring.users.get(statement.author)
        if user is None:
            raise EntryError(f"author {statement.author} has no certified key")
        if user.member != statement.member:
            raise EntryError(f"author {statement.author} is certified by {user.member}")
        check_entry_signature(user.verifier, entry.body, entry.signature)

    def _grow(self, hashes: list[bytes]) -> list[Node]:
        start, created, done = self.frontier.size, [], 0
        cuts = sorted(s - start for s in self._sizes if start < s <= start + len(hashes))
        for cut in [*cuts, len(hashes)]:
            created += self.frontier.extend_hashes(hashes[done:cut])
            done = cut
            if self.frontier.size in self._sizes:
                self.roots[self.frontier.size] = self.frontier.root()
        return created

    def finish(self, proofs: Proofs | None = None) -> Report:
        """Compare checkpoints with the rebuilt tree and with each other; the report."""
        for checkpoint in self.checkpoints:
            self._compare(checkpoint)
        for older, newer in zip(self.checkpoints, self.checkpoints[1:], strict=False):
            self._consistent(older, newer, proofs)
        ordered = sorted(self.problems, key=lambda p: (p.index is None, p.index or 0))
        return Report(self.frontier.size, len(self.checkpoints), tuple(ordered))

    def _compare(self, checkpoint: Checkpoint) -> None:
        size, held = checkpoint.size, self.frontier.size
        if size > held:
            what = f"removed: a checkpoint covers {size} entries, the log holds {held}"
            self.problems.append(Problem(held, what))
        elif self.roots.get(size) != checkpoint.root:
            what = f"the entries do not give the root of the checkpoint of size {size}"
            self.problems.append(Problem(None, what))

    def _consistent(self, older: Checkpoint, newer: Checkpoint, proofs: Proofs | None) -> None:
        label = f"checkpoints of size {older.size} and then {newer.size}"
        if newer.size < older.size:
            self.problems.append(Problem(None, f"{label}: the log was rolled back"))
        elif proofs is not None and newer.size <= self.frontier.size:
            try:
                proof = proofs(older.size, newer.size)
                verify_consistency(older.size, newer.size, older.root, newer.root, proof)
            except ProofError as e:
                self.problems.append(Problem(None, f"{label} are not consistent: {e}"))


def _check_payload(statement: Statement, payload: bytes | None) -> None:
    if payload is not None and hashlib.sha256(payload).hexdigest() != statement.content_hash:
        raise EntryError("the stored payload does not match the entry's content hash")
