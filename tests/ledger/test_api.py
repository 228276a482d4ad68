"""The ledger over HTTP, both databases: checkpoint, entries, keys and proofs that verify."""

from __future__ import annotations

import base64

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sanctionwatch.api.app import create_app
from sanctionwatch.ledger import publish
from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.merkle import leaf_hash, verify_consistency, verify_inclusion
from sanctionwatch.ledger.model import canonical
from sanctionwatch.ledger.note import Note, Verifier
from sanctionwatch.ledger.record import record

DEV = Custody()


def b64(text: str) -> bytes:
    return base64.b64decode(text)


def test_a_client_checks_entries_against_the_signed_checkpoint(engine: Engine) -> None:
    client = TestClient(create_app(engine))
    assert client.get("/ledger/checkpoint").status_code == 404
    with engine.begin() as conn:
        for i in range(11):
            record(conn, "vote.cast", f"finding:{i % 3}", {"vote": i}, "alice", DEV)
        publish.publish(conn, DEV)
        record(conn, "vote.cast", "finding:0", {"vote": "late"}, "alice", DEV)
    head = client.get("/ledger/checkpoint").json()
    keys = client.get("/ledger/keys").json()
    signed_by = Note.parse(head["note"]).verify([Verifier.parse(keys["operator"])])
    assert signed_by[0].name == head["origin"] == "sanctionwatch.dev/ledger"
    checkpoint = Checkpoint.parse(Note.parse(head["note"]).text)
    entry = client.get("/ledger/entries/7").json()
    assert entry["statement"]["prev"] == 4 and entry["payload"] == {"vote": 7}
    proof = client.get("/ledger/proof/inclusion", params={"index": 7}).json()
    assert proof["size"] == checkpoint.size == 11
    leaf = leaf_hash(canonical(entry["statement"]))
    verify_inclusion(7, 11, leaf, [b64(p) for p in proof["proof"]], checkpoint.root)
    newer = client.get("/ledger/proof/inclusion", params={"index": 11}).json()
    assert newer["size"] == 12
    grow = client.get("/ledger/proof/consistency", params={"first": 11, "second": 12}).json()
    verify_consistency(
        11, 12, checkpoint.root, b64(grow["second_root"]), [b64(p) for p in grow["proof"]]
    )


def test_bad_requests_are_json_errors(engine: Engine) -> None:
    client = TestClient(create_app(engine))
    assert client.get("/ledger/entries/0").status_code == 404
    with engine.begin() as conn:
        record(conn, "vote.cast", "finding:1", {"vote": 1}, "alice", DEV)
    too_big = client.get("/ledger/proof/inclusion", params={"index": 0, "size": 5})
    assert too_big.status_code == 422 and "outside the log" in too_big.json()["detail"]
    assert client.get("/ledger/proof/consistency", params={"first": -1}).status_code == 422
    assert "/ledger/proof/consistency" in client.get("/openapi.json").json()["paths"]
