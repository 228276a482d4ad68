"""What the CLI and API show: entries, the latest checkpoint, proofs (checked before they go out).

Proofs default to the size of the latest published checkpoint, whose root carries the operator's
signature and the witnesses' cosignatures; without one (or for newer entries) to the log's size.
Hashes travel as standard base64, as in checkpoints.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

from sanctionwatch.errors import NotFoundError
from sanctionwatch.ledger import headstore, store
from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.merkle import verify_consistency, verify_inclusion
from sanctionwatch.ledger.note import Note, encode_base64


def _b64(items: list[bytes]) -> list[str]:
    return [encode_base64(h) for h in items]


def latest_checkpoint(conn: Connection) -> dict[str, Any]:
    text = headstore.latest_checkpoint(conn)
    if text is None:
        raise NotFoundError("no checkpoint published yet: run `sanctionwatch ledger checkpoint`")
    checkpoint = Checkpoint.parse(Note.parse(text).text)
    root = encode_base64(checkpoint.root)
    return {"origin": checkpoint.origin, "size": checkpoint.size, "root": root, "note": text}


def entry(conn: Connection, index: int) -> dict[str, Any]:
    found = store.entry(conn, index)
    payload = None if found.payload is None else json.loads(found.payload)
    return {
        "index": found.index,
        "statement": json.loads(found.body),
        "signature": encode_base64(found.signature),
        "leaf_hash": encode_base64(found.leaf_hash),
        "payload": payload,
    }


def default_size(conn: Connection, covering: int = 0) -> int:
    """The latest checkpoint's size if it covers `covering` entries, else the log's size."""
    text = headstore.latest_checkpoint(conn)
    if text is not None:
        signed = Checkpoint.parse(Note.parse(text).text).size
        if signed >= covering:
            return signed
    return store.size(conn)


def inclusion(conn: Connection, index: int, size: int | None = None) -> dict[str, Any]:
    size = default_size(conn, index + 1) if size is None else size
    path = store.inclusion_proof(conn, index, size)
    leaf, root = store.entry(conn, index).leaf_hash, store.root(conn, size)
    verify_inclusion(index, size, leaf, path, root)
    return {
        "index": index,
        "size": size,
        "leaf_hash": encode_base64(leaf),
        "root": encode_base64(root),
        "proof": _b64(path),
    }


def consistency(conn: Connection, first: int, second: int | None = None) -> dict[str, Any]:
    second = default_size(conn, first) if second is None else second
    proof = store.consistency_proof(conn, first, second)
    first_root, second_root = store.root(conn, first), store.root(conn, second)
    verify_consistency(first, second, first_root, second_root, proof)
    return {
        "first": first,
        "second": second,
        "first_root": encode_base64(first_root),
        "second_root": encode_base64(second_root),
        "proof": _b64(proof),
    }
