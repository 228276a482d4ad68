"""Keys at rest: sealed or in a 0600 file; production mode refuses development keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from sanctionwatch.api.app import create_app
from sanctionwatch.errors import ConfigError
from sanctionwatch.ledger import keystore, publish, verify
from sanctionwatch.ledger.custody import DEV_PASSPHRASE, Custody
from sanctionwatch.ledger.keystore import MEMBER, USER
from sanctionwatch.ledger.record import record
from sanctionwatch.settings import get_settings

PRODUCTION = Custody("production", b"a passphrase only the operators know")


def test_development_mode_makes_development_keys_on_first_use(engine: Engine) -> None:
    with engine.begin() as conn:
        record(conn, "note", "s", {}, "alice", Custody())
        published = publish.publish(conn, Custody())
        rows = keystore.rows(conn)
    assert [(r.role, r.name, r.development) for r in rows] == [
        ("member", "DEV", True),
        ("operator", "sanctionwatch.dev/ledger", True),
        ("user", "alice", True),
    ]
    assert all(r.sealed and r.sealed.startswith("-----BEGIN ENCRYPTED") for r in rows)
    assert published.stored and len(published.note.signatures) == 2


def test_production_refuses_development_keys_and_missing_passphrases(engine: Engine) -> None:
    with engine.begin() as conn:
        record(conn, "note", "s", {}, "alice", Custody())
    with engine.connect() as conn:
        Custody().check(conn)
        with pytest.raises(ConfigError, match="refuses development keys"):
            PRODUCTION.check(conn)
        for secret in (None, DEV_PASSPHRASE):
            with pytest.raises(ConfigError, match="PASSPHRASE"):
                Custody("production", secret).check(conn)
        with pytest.raises(ConfigError, match="development key of user alice"):
            PRODUCTION.author(conn, "alice")


def test_production_keys_sign_certify_cosign_and_verify(engine: Engine) -> None:
    with engine.begin() as conn:
        PRODUCTION.init_operator(conn, "panel.example/ledger")
        PRODUCTION.create(conn, MEMBER, "FR")
        PRODUCTION.create(conn, USER, "alice", "FR")
        with pytest.raises(ConfigError, match="no user key bob"):
            record(conn, "note", "s", {}, "bob", PRODUCTION)
        record(conn, "finding.adopt", "finding:1", {"text": "adopted"}, "alice", PRODUCTION)
        published = publish.publish(conn, PRODUCTION)
    with engine.connect() as conn:
        PRODUCTION.check(conn)
        assert verify.verify(conn).ok
        with pytest.raises(ConfigError, match="wrong passphrase"):
            Custody("production", b"a guess").author(conn, "alice")
    assert [s.name for s in published.note.signatures] == ["panel.example/ledger", "FR"]


def test_the_operator_key_can_live_in_a_file_only_its_owner_reads(
    engine: Engine, tmp_path: Path
) -> None:
    key_file = tmp_path / "keys" / "operator.key"
    custody = Custody("production", b"a passphrase only the operators know", key_file)
    with engine.begin() as conn:
        signer = custody.init_operator(conn, "panel.example/ledger")
        assert keystore.find(conn, "operator").sealed is None  # type: ignore[union-attr]
        assert custody.operator(conn).verifier == signer.verifier
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert key_file.read_text().startswith("PRIVATE+KEY+panel.example/ledger+")
    key_file.chmod(0o644)
    with engine.connect() as conn, pytest.raises(ConfigError, match="readable by others"):
        custody.check(conn)


def test_the_app_refuses_to_start_in_production_with_a_development_key(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, fresh_settings: None
) -> None:
    with engine.begin() as conn:
        record(conn, "note", "s", {}, "alice", Custody())
    with TestClient(create_app(engine)) as client:
        assert client.get("/health").status_code == 200
    monkeypatch.setenv("SANCTIONWATCH_LEDGER_MODE", "production")
    monkeypatch.setenv("SANCTIONWATCH_LEDGER_PASSPHRASE", "a passphrase only the operators know")
    get_settings.cache_clear()
    with (
        pytest.raises(ConfigError, match="refuses development keys"),
        TestClient(create_app(engine)),
    ):
        pass


def test_keys_are_made_once_and_users_need_their_member(engine: Engine) -> None:
    with engine.begin() as conn:
        PRODUCTION.create(conn, MEMBER, "FR")
        with pytest.raises(ConfigError, match="already a member key FR"):
            PRODUCTION.create(conn, MEMBER, "FR")
        with pytest.raises(ConfigError, match="needs its member"):
            PRODUCTION.create(conn, USER, "alice")
        with pytest.raises(ConfigError, match="no member key DE"):
            PRODUCTION.create(conn, USER, "alice", "DE")
