"""A self-contained bundle of the log, verifiable on another machine with no database.

    keys.json          the operator, member and user public keys, with user certificates
    entries.jsonl      one entry a line: index, statement JSON, signature, payload JSON or null
    checkpoints.jsonl  one published checkpoint a line: its signed note, in publication order

`verify_bundle` checks everything `ledger verify` checks except the rows in the database:
signatures, certificates, payload hashes, the rebuilt tree against every checkpoint.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Connection

from sanctionwatch.errors import InputError
from sanctionwatch.ledger import headstore, keystore, store
from sanctionwatch.ledger.audit import Auditor
from sanctionwatch.ledger.keys import Keyring
from sanctionwatch.ledger.model import Entry, Report
from sanctionwatch.ledger.tree import MemoryTree

KEYS, ENTRIES, CHECKPOINTS = "keys.json", "entries.jsonl", "checkpoints.jsonl"
_BATCH = 5000


@dataclass(frozen=True)
class Exported:
    directory: str
    entries: int
    checkpoints: int


def export(conn: Connection, directory: Path, payloads: bool = True) -> Exported:
    """Write the bundle (without payloads, if asked: their hashes stay in the entries)."""
    directory.mkdir(parents=True, exist_ok=True)
    keyring = keystore.keyring(conn).to_json()
    (directory / KEYS).write_text(json.dumps(keyring, indent=2) + "\n", encoding="utf-8")
    notes = headstore.all_checkpoints(conn)
    with (directory / CHECKPOINTS).open("w", encoding="utf-8") as out:
        out.writelines(json.dumps({"note": note}) + "\n" for note in notes)
    count = 0
    with (directory / ENTRIES).open("w", encoding="utf-8") as out:
        for batch in store.stream(conn):
            out.writelines(json.dumps(_entry_json(e, payloads)) + "\n" for e in batch)
            count += len(batch)
    return Exported(str(directory), count, len(notes))


def _entry_json(entry: Entry, payloads: bool) -> dict[str, Any]:
    payload = entry.payload if payloads else None
    return {
        "index": entry.index,
        "entry": _text(entry.body),
        "signature": base64.b64encode(entry.signature).decode(),
        "payload": None if payload is None else _text(payload),
    }


def verify_bundle(directory: Path) -> Report:
    keyring = Keyring.from_json(_read_json(directory / KEYS))
    with (directory / CHECKPOINTS).open(encoding="utf-8") as f:
        notes = [str(_line(line)["note"]) for line in f if line.strip()]
    auditor, tree = Auditor(keyring, notes), MemoryTree()
    with (directory / ENTRIES).open(encoding="utf-8") as f:
        for batch in batches(f):
            auditor.feed(batch)
            tree.extend_hashes(e.leaf_hash for e in batch)
    return auditor.finish(tree.consistency_proof)


def batches(lines: TextIO) -> Iterator[list[Entry]]:
    batch: list[Entry] = []
    for line in lines:
        if line.strip():
            batch.append(_entry(_line(line)))
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _entry(data: dict[str, Any]) -> Entry:
    try:
        payload = data["payload"]
        return Entry(
            int(data["index"]),
            _bytes(data["entry"]),
            base64.b64decode(data["signature"], validate=True),
            None if payload is None else _bytes(payload),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise InputError(f"bundle entry is malformed: {e!r}") from e


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _line(line: str) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"bundle line is not JSON: {e}") from e
    if not isinstance(data, dict):
        raise InputError("bundle line is not a JSON object")
    return data


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return _line(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"cannot read the bundle: {e}") from e
