"""Key custody: where private keys rest, who may use them, and what production mode refuses.

Private keys rest sealed in the database (encrypted PEM, under the configured passphrase), or,
for the operator, in a key file only its owner can read (mode 0600). Development mode makes keys
on first use (member DEV, its users, operator sanctionwatch.dev/ledger) sealed under a
well-known passphrase and marked as development keys. Production mode refuses all of that: no
passphrase, a development key anywhere in the keyring, or a key file others can read is a
ConfigError, raised when the app starts (`check`) and whenever a key is used.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection

from sanctionwatch.errors import ConfigError
from sanctionwatch.ledger import keystore
from sanctionwatch.ledger.errors import NoteError
from sanctionwatch.ledger.keys import certify, seal, unseal
from sanctionwatch.ledger.keystore import MEMBER, OPERATOR, USER, KeyRow
from sanctionwatch.ledger.note import Signer
from sanctionwatch.settings import Settings, get_settings

DEV_PASSPHRASE = b"sanctionwatch development keys: not a secret"
DEV_MEMBER = "DEV"
DEV_ORIGIN = "sanctionwatch.dev/ledger"


@dataclass(frozen=True)
class Custody:
    """The key policy of one deployment, from settings."""

    mode: str = "development"
    passphrase: bytes | None = None
    key_file: Path | None = None

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Custody:
        s = settings or get_settings()
        secret = s.ledger_passphrase.get_secret_value().encode() if s.ledger_passphrase else None
        return cls(s.ledger_mode, secret, s.ledger_key_file)

    @property
    def production(self) -> bool:
        return self.mode == "production"

    def secret(self) -> bytes:
        """The passphrase that seals keys; production mode refuses none and the development one."""
        if self.production and self.passphrase in (None, b"", DEV_PASSPHRASE):
            raise ConfigError(
                "production mode needs SANCTIONWATCH_LEDGER_PASSPHRASE (not the development one)"
            )
        return self.passphrase or DEV_PASSPHRASE

    def check(self, conn: Connection) -> None:
        """Refuse to start in production mode with development keys or a bad key file."""
        if not self.production:
            return
        self.secret()
        dev = [f"{r.role} {r.name}" for r in keystore.rows(conn) if r.development]
        if dev:
            raise ConfigError(
                f"production mode refuses development keys ({', '.join(dev)}): use a database"
                " whose ledger keys were made in production mode"
            )
        if self.key_file is not None:
            read_key_file(self.key_file)

    def signer(self, row: KeyRow) -> Signer:
        """The private key of a stored key, from its key file or unsealed."""
        if self.production and row.development:
            raise ConfigError(
                f"production mode refuses the development key of {row.role} {row.name}"
            )
        if row.role == OPERATOR and self.key_file is not None:
            signer = read_key_file(self.key_file)
        elif row.sealed is None:
            raise ConfigError(f"the private key of {row.role} {row.name} is not held here")
        else:
            signer = _unseal(row.name, row.sealed, self.secret())
        if signer.verifier != row.verifier:
            raise ConfigError(f"the private key of {row.role} {row.name} does not match its record")
        return signer

    def create(self, conn: Connection, role: str, name: str, member: str | None = None) -> Signer:
        """A new key, sealed in the database; a user key is certified by its member's key."""
        if keystore.find(conn, role, name) is not None:
            raise ConfigError(f"there is already a {role} key {name}")
        if (role == USER) != (member is not None):
            raise ConfigError("a user key, and only a user key, needs its member")
        signer = Signer.generate(name)
        certificate = None
        if role == USER:
            certificate = certify(self.signer(self._need(conn, MEMBER, member)), signer.verifier)
        sealed = seal(signer, self.secret())
        row = KeyRow(role, name, signer.verifier, member, certificate, sealed, not self.production)
        keystore.add(conn, row)
        return signer

    def _need(self, conn: Connection, role: str, name: str | None) -> KeyRow:
        row = keystore.find(conn, role, name)
        if row is None:
            raise ConfigError(
                f"no {role} key {name or ''}: make it with `sanctionwatch ledger keys`"
            )
        return row

    def operator(self, conn: Connection) -> Signer:
        """The log operator's key (made on first use in development mode)."""
        row = keystore.find(conn, OPERATOR)
        if row is None and not self.production:
            return self.init_operator(conn, DEV_ORIGIN)
        return self.signer(self._need(conn, OPERATOR, None))

    def init_operator(self, conn: Connection, origin: str) -> Signer:
        """Make the operator key: in the key file when one is configured, else sealed."""
        if keystore.find(conn, OPERATOR) is not None:
            raise ConfigError("the log already has an operator key")
        if self.key_file is None:
            return self.create(conn, OPERATOR, origin)
        signer = _key_file_signer(self.key_file, origin)
        if signer.name != origin:
            raise ConfigError(f"the key file {self.key_file} holds the key of {signer.name}")
        keystore.add(
            conn, KeyRow(OPERATOR, signer.name, signer.verifier, development=not self.production)
        )
        return signer

    def author(self, conn: Connection, name: str) -> tuple[Signer, str]:
        """A user's signing key and member (made, under member DEV, in development mode)."""
        row = keystore.find(conn, USER, name)
        if row is None and not self.production:
            if keystore.find(conn, MEMBER, DEV_MEMBER) is None:
                self.create(conn, MEMBER, DEV_MEMBER)
            return self.create(conn, USER, name, DEV_MEMBER), DEV_MEMBER
        if row is None:
            row = self._need(conn, USER, name)
        return self.signer(row), row.member or ""

    def witnesses(self, conn: Connection) -> list[Signer]:
        """The member keys held here, each of which cosigns checkpoints as a witness."""
        return [self.signer(r) for r in keystore.rows(conn, MEMBER) if r.sealed is not None]


def read_key_file(path: Path) -> Signer:
    """The signer in a key file that only its owner can read."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        text = path.read_text(encoding="utf-8").strip()
    except OSError as e:
        raise ConfigError(f"cannot read the ledger key file {path}: {e}") from e
    if mode & 0o077:
        raise ConfigError(f"the ledger key file {path} is readable by others: chmod 600 {path}")
    try:
        return Signer.parse(text)
    except NoteError as e:
        raise ConfigError(f"the ledger key file {path} holds no signer key: {e}") from e


def _key_file_signer(path: Path, origin: str) -> Signer:
    if path.exists():
        return read_key_file(path)
    return new_key_file(path, origin)


def new_key_file(path: Path, name: str) -> Signer:
    """A new key named `name`, written to a new file only its owner can read."""
    signer = Signer.generate(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(signer.skey + "\n")
    return signer


@lru_cache(maxsize=64)
def _unseal(name: str, sealed: str, passphrase: bytes) -> Signer:
    try:
        return unseal(name, sealed, passphrase)
    except NoteError as e:
        raise ConfigError(f"{e} (check SANCTIONWATCH_LEDGER_PASSPHRASE)") from e
