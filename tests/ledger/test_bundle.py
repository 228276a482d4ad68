"""An exported bundle verifies offline, with no database; any edit to it is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sanctionwatch.errors import InputError
from sanctionwatch.ledger import bundle, publish
from sanctionwatch.ledger.custody import Custody
from sanctionwatch.ledger.record import record

DEV = Custody()


@pytest.fixture
def exported(engine: Engine, tmp_path: Path) -> Path:
    with engine.begin() as conn:
        for i in range(5):
            record(conn, "finding.revise", "finding:1", {"text": f"draft {i}"}, "alice", DEV)
        publish.publish(conn, DEV)
        record(conn, "finding.adopt", "finding:1", {"text": "adopted: ünïcode"}, "bob", DEV)
        publish.publish(conn, DEV)
    with engine.connect() as conn:
        done = bundle.export(conn, tmp_path / "bundle")
    assert (done.entries, done.checkpoints) == (6, 2)
    return tmp_path / "bundle"


def test_a_bundle_verifies_offline(exported: Path) -> None:
    report = bundle.verify_bundle(exported)
    assert report.ok and (report.entries, report.checkpoints) == (6, 2)
    keys = json.loads((exported / bundle.KEYS).read_text())
    assert sorted(keys["users"]) == ["alice", "bob"] and keys["operator"]
    assert "PRIVATE" not in (exported / bundle.KEYS).read_text()


def test_an_edited_bundle_names_the_entry(exported: Path) -> None:
    path = exported / bundle.ENTRIES
    lines = path.read_text(encoding="utf-8").splitlines()
    line = json.loads(lines[5])
    line["payload"] = line["payload"].replace("adopted", "rejected")
    path.write_text("\n".join([*lines[:5], json.dumps(line)]) + "\n", encoding="utf-8")
    assert bundle.verify_bundle(exported).first_bad_entry == 5
    path.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    assert bundle.verify_bundle(exported).first_bad_entry == 3


def test_a_bundle_with_another_keyring_fails(exported: Path) -> None:
    keys = exported / bundle.KEYS
    data = json.loads(keys.read_text())
    data["users"].pop("bob")
    keys.write_text(json.dumps(data))
    report = bundle.verify_bundle(exported)
    assert report.first_bad_entry == 5 and "bob has no certified key" in str(report.problems[0])
    keys.write_text("{")
    with pytest.raises(InputError):
        bundle.verify_bundle(exported)


def test_a_bundle_can_leave_payloads_out(engine: Engine, tmp_path: Path) -> None:
    with engine.begin() as conn:
        record(conn, "evidence.add", "case:7", {"secret": "source name"}, "alice", DEV)
    with engine.connect() as conn:
        bundle.export(conn, tmp_path, payloads=False)
    assert "source name" not in (tmp_path / bundle.ENTRIES).read_text()
    assert bundle.verify_bundle(tmp_path).ok
