"""A witness outside the operator's reach: its key and its memory live on the member's machine.

The witnesses `publish` runs use keys sealed in the operator's database, and their memory of
the last checkpoint is a table there: an operator who rewrites the database can rewrite both.
An outside witness keeps its private key in a file only its owner can read and its state in a
file of its own. It takes an exported bundle (`ledger export`), checks it entirely
(`verify_bundle`), takes its latest checkpoint, and cosigns only if that checkpoint extends
the one it cosigned before (the consistency proof is computed from the bundle's own entries)
and carries the operator key it pinned on first use. The operator then attaches the
cosignature (`attach`), which `ledger verify` and every bundle check from then on.

State file: {"origin": ..., "operator": "<vkey>", "checkpoint": "<checkpoint text>"}.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from sanctionwatch.errors import ConfigError, InputError
from sanctionwatch.ledger import bundle, headstore, keystore
from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.custody import read_key_file
from sanctionwatch.ledger.errors import NoteError, SignatureRefusal
from sanctionwatch.ledger.keys import Keyring
from sanctionwatch.ledger.note import Note, Signature, Verifier
from sanctionwatch.ledger.tree import MemoryTree
from sanctionwatch.ledger.witness import Witness, WitnessState


@dataclass(frozen=True)
class Pinned:
    """What an outside witness remembers: the operator key it trusts and its last checkpoint."""

    operator: Verifier | None
    last: Checkpoint | None

    @classmethod
    def read(cls, path: Path) -> Pinned:
        if not path.exists():
            return cls(None, None)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(Verifier.parse(data["operator"]), Checkpoint.parse(data["checkpoint"]))
        except (OSError, ValueError, KeyError, NoteError) as e:
            raise ConfigError(f"{path}: not a witness state file: {e}") from e

    def write(self, path: Path) -> None:
        """Write the state all or nothing, readable by its owner only."""
        assert self.operator is not None and self.last is not None
        data = {"origin": self.last.origin, "operator": self.operator.vkey}
        data["checkpoint"] = self.last.text
        temporary = path.with_name(path.name + ".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=2) + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)


def cosign_bundle(directory: Path, key_file: Path, state_file: Path) -> Signature:
    """Cosign the latest checkpoint of a bundle (refusing a fork, a rollback or a new operator
    key with a WitnessRefusal); the new state is written only after the signature is made."""
    report = bundle.verify_bundle(directory)
    if not report.ok:
        raise InputError(f"{directory}: the bundle does not verify: {report.problems[0]}")
    keyring, notes, leaves = _read(directory)
    if not notes or keyring.operator is None:
        raise InputError(f"{directory}: the bundle holds no checkpoint to cosign")
    pinned = Pinned.read(state_file)
    note = Note.parse(notes[-1])
    seen = Checkpoint.parse(note.text)
    operator = pinned.operator or keyring.operator
    if operator != keyring.operator:
        raise SignatureRefusal("the bundle's operator key is not the pinned one", pinned.last, seen)
    state = WitnessState({pinned.last.origin: pinned.last} if pinned.last else {})
    last = state.last(seen.origin)
    tree = MemoryTree()
    tree.extend_hashes(leaves)
    proof = tree.consistency_proof(last.size, seen.size) if last.size <= seen.size else []
    signer = read_key_file(key_file)
    result = Witness(signer, {operator.name: operator}).cosign(state, note, proof)
    Pinned(operator, result.checkpoint).write(state_file)
    return result.signature


def attach(conn: Connection, line: str) -> Note:
    """Attach an outside witness's cosignature to the latest checkpoint (as a new row)."""
    latest = headstore.latest_checkpoint(conn)
    if latest is None:
        raise InputError("there is no checkpoint to attach a cosignature to")
    try:
        signature = Signature.parse(line.strip())
        note = Note.parse(latest)
        member = keystore.keyring(conn).members.get(signature.name)
        if member is None or member.key_id != signature.key_id:
            raise InputError(f"{signature.name} is not a witness key of this log")
        if not member.verifies(note.text, signature):
            raise InputError(f"the cosignature of {signature.name} is not on the latest checkpoint")
    except NoteError as e:
        raise InputError(f"not a cosignature line: {e}") from e
    signed = note.with_signature(signature)
    headstore.add_checkpoint(conn, Checkpoint.parse(note.text).size, str(signed))
    return signed


def _read(directory: Path) -> tuple[Keyring, list[str], list[bytes]]:
    keyring = Keyring.from_json(json.loads((directory / bundle.KEYS).read_text(encoding="utf-8")))
    with (directory / bundle.CHECKPOINTS).open(encoding="utf-8") as f:
        notes = [str(json.loads(line)["note"]) for line in f if line.strip()]
    with (directory / bundle.ENTRIES).open(encoding="utf-8") as f:
        leaves = [e.leaf_hash for batch in bundle.batches(f) for e in batch]
    return keyring, notes, leaves
