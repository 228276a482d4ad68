"""An outside witness: key and state in its own files, cosigning from exported bundles only."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from sanctionwatch.errors import ConfigError, InputError
from sanctionwatch.ledger import bundle, headstore, keystore, outside, publish, verify
from sanctionwatch.ledger.custody import new_key_file
from sanctionwatch.ledger.errors import RollbackRefusal, SignatureRefusal
from sanctionwatch.ledger.keystore import MEMBER
from sanctionwatch.ledger.note import Note
from tests.ledger.test_rollback import DEV, grow


def _published(engine: Engine, entries: int, directory: Path, text: str = "vote") -> Path:
    with engine.begin() as conn:
        grow(conn, entries, text)
        assert publish.publish(conn, DEV).stored
        bundle.export(conn, directory)
    return directory


def _witness(engine: Engine, tmp: Path) -> tuple[Path, Path]:
    key = tmp / "kr-witness.key"
    signer = new_key_file(key, "kr.witness")
    with engine.begin() as conn:
        keystore.add(conn, keystore.KeyRow(MEMBER, signer.name, signer.verifier))
    return key, tmp / "kr-witness.state"


def test_cosigns_growing_log_and_operator_attaches(engine: Engine, tmp_path: Path) -> None:
    key, state = _witness(engine, tmp_path)
    first = _published(engine, 5, tmp_path / "b1")
    line = outside.cosign_bundle(first, key, state).line()
    assert oct(state.stat().st_mode & 0o777) == "0o600"
    with engine.begin() as conn:
        note = outside.attach(conn, line)
    assert "kr.witness" in {s.name for s in note.signatures}
    second = _published(engine, 4, tmp_path / "b2", "later")
    outside.cosign_bundle(second, key, state)
    assert json.loads(state.read_text())["checkpoint"].splitlines()[1] == "9"
    with engine.connect() as conn:
        assert verify.verify(conn).ok
        bundle.export(conn, tmp_path / "b3")
        assert Note.parse(headstore.latest_checkpoint(conn) or "").signatures
    assert bundle.verify_bundle(tmp_path / "b3").ok


def test_refuses_a_rollback_shown_later(engine: Engine, tmp_path: Path) -> None:
    key, state = _witness(engine, tmp_path)
    old = _published(engine, 3, tmp_path / "old")
    new = _published(engine, 3, tmp_path / "new")
    outside.cosign_bundle(new, key, state)
    before = state.read_text()
    with pytest.raises(RollbackRefusal):
        outside.cosign_bundle(old, key, state)
    assert state.read_text() == before  # a refusal changes nothing


def test_refuses_another_operator_key(engine: Engine, tmp_path: Path) -> None:
    key, state = _witness(engine, tmp_path)
    outside.cosign_bundle(_published(engine, 2, tmp_path / "b1"), key, state)
    other = tmp_path / "other"
    other.mkdir()
    data = json.loads((tmp_path / "b1" / bundle.KEYS).read_text())
    for name in (bundle.CHECKPOINTS, bundle.ENTRIES):
        (other / name).write_text((tmp_path / "b1" / name).read_text())
    impostor = new_key_file(tmp_path / "impostor.key", data["operator"].split("+")[0])
    data["operator"] = impostor.verifier.vkey
    (other / bundle.KEYS).write_text(json.dumps(data))
    with pytest.raises((SignatureRefusal, InputError)):
        outside.cosign_bundle(other, key, state)


def test_refuses_a_tampered_bundle_and_a_readable_key(engine: Engine, tmp_path: Path) -> None:
    key, state = _witness(engine, tmp_path)
    directory = _published(engine, 3, tmp_path / "b")
    lines = (directory / bundle.ENTRIES).read_text().splitlines()
    lines[1] = lines[1].replace("vote 1", "vote 9")
    (directory / bundle.ENTRIES).write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError, match="does not verify"):
        outside.cosign_bundle(directory, key, state)
    assert not state.exists()
    os.chmod(key, 0o644)
    with pytest.raises(ConfigError, match="readable by others"):
        outside.cosign_bundle(_published(engine, 1, tmp_path / "c"), key, state)


def test_attach_refuses_unknown_or_wrong_cosignatures(engine: Engine, tmp_path: Path) -> None:
    key, state = _witness(engine, tmp_path)
    line = outside.cosign_bundle(_published(engine, 2, tmp_path / "b1"), key, state).line()
    _published(engine, 2, tmp_path / "b2")  # a newer checkpoint: the line is not on it
    with engine.begin() as conn, pytest.raises(InputError, match="not on the latest"):
        outside.attach(conn, line)
    with engine.begin() as conn, pytest.raises(InputError):
        outside.attach(conn, "— nobody AAAA")


def test_the_whole_round_through_the_cli(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from sanctionwatch.cli import app
    from sanctionwatch.settings import get_settings

    monkeypatch.setenv("SANCTIONWATCH_DATABASE_URL", engine.url.render_as_string(False))
    get_settings.cache_clear()
    runner = CliRunner()

    def run(*args: str) -> dict[str, str]:
        result = runner.invoke(app, [*args, "--json"])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    try:
        key, state = tmp_path / "w.key", tmp_path / "w.state"
        vkey = run("ledger", "witness", "keygen", "jp.witness", "--key", str(key))["witness"]
        run("ledger", "keys", "witness", vkey)
        with engine.begin() as conn:
            grow(conn, 3)
        run("ledger", "checkpoint")
        run("ledger", "export", str(tmp_path / "b"))
        cosign = ["ledger", "witness", "cosign", "--bundle", str(tmp_path / "b")]
        line = run(*cosign, "--key", str(key), "--state", str(state))["cosignature"]
        assert "jp.witness" in run("ledger", "cosign", line)["checkpoint"]
        assert run("ledger", "verify")["ok"]
    finally:
        get_settings.cache_clear()
