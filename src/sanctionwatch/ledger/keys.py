"""Who may sign what: member keys, user keys certified by their member, and the operator key.

Every key is an Ed25519 note key (note.py). A user certificate is a signed note by the member's
key over "sanctionwatch/user-certificate/v1", the member name and the user's verifier key, so
anyone holding the member keys can check which user spoke for which member. Entries are signed
by their author's user key over the entry bytes; checkpoints by the operator and cosigned by the
member keys acting as witnesses. Private keys rest sealed: PKCS#8 PEM encrypted with a passphrase.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sanctionwatch.ledger.errors import EntryError, NoteError
from sanctionwatch.ledger.note import Note, Signature, Signer, Verifier

CERTIFICATE = "sanctionwatch/user-certificate/v1"


def certify(member: Signer, user: Verifier) -> str:
    """A certificate: the member's signed statement that this key is its user's."""
    return str(Note(f"{CERTIFICATE}\n{member.name}\n{user.vkey}\n").signed(member))


def certified(certificate: str, member: Verifier) -> Verifier:
    """The user key a certificate names, once the member's signature on it checks out."""
    note = Note.parse(certificate)
    note.verify([member])
    lines = note.text.split("\n")
    if len(lines) != 4 or lines[0] != CERTIFICATE or lines[1] != member.name:
        raise NoteError(f"not a user certificate of member {member.name}")
    return Verifier.parse(lines[2])


def sign_entry(signer: Signer, body: bytes) -> bytes:
    """Key ID (4 bytes) then the Ed25519 signature over the entry bytes."""
    return signer.verifier.key_id + signer.private_key.sign(body)


def check_entry_signature(verifier: Verifier, body: bytes, signature: bytes) -> None:
    if len(signature) != 68:
        raise EntryError(f"signature of {verifier.name} has {len(signature)} bytes, not 68")
    parsed = Signature(verifier.name, signature[:4], signature[4:])
    if not verifier.verifies(body.decode(), parsed):
        raise EntryError(f"signature does not verify with the key of {verifier.name}")


def seal(signer: Signer, passphrase: bytes) -> str:
    """The private key as encrypted PKCS#8 PEM."""
    encryption = serialization.BestAvailableEncryption(passphrase)
    pem = signer.private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    return pem.decode()


def unseal(name: str, sealed: str, passphrase: bytes) -> Signer:
    """The signer from encrypted PEM; NoteError on a wrong passphrase or a foreign key type."""
    try:
        key = serialization.load_pem_private_key(sealed.encode(), passphrase)
    except (ValueError, TypeError) as e:
        raise NoteError(f"cannot unseal the key of {name}: wrong passphrase or damaged") from e
    if not isinstance(key, Ed25519PrivateKey):
        raise NoteError(f"the key of {name} is not an Ed25519 key")
    return Signer(name, key)


@dataclass(frozen=True)
class UserKey:
    """A user's verifier key and the certificate from its member."""

    member: str
    verifier: Verifier
    certificate: str


@dataclass(frozen=True)
class Keyring:
    """The public keys a verifier needs: operator (named by the log origin), members, users."""

    operator: Verifier | None = None
    members: Mapping[str, Verifier] = field(default_factory=dict)
    users: Mapping[str, UserKey] = field(default_factory=dict)

    @property
    def origin(self) -> str | None:
        return self.operator.name if self.operator else None

    def problems(self) -> list[str]:
        """Every user key whose certificate is missing, wrong, or names another key."""
        found = []
        for name, user in sorted(self.users.items()):
            try:
                self._check_user(name, user)
            except NoteError as e:
                found.append(f"user {name}: {e}")
        return found

    def _check_user(self, name: str, user: UserKey) -> None:
        member = self.members.get(user.member)
        if member is None:
            raise NoteError(f"member {user.member} has no key")
        if certified(user.certificate, member) != user.verifier or user.verifier.name != name:
            raise NoteError(f"the certificate of member {user.member} names another key")

    def to_json(self) -> dict[str, Any]:
        return {
            "operator": self.operator.vkey if self.operator else None,
            "members": {name: v.vkey for name, v in sorted(self.members.items())},
            "users": {
                name: {"member": u.member, "vkey": u.verifier.vkey, "certificate": u.certificate}
                for name, u in sorted(self.users.items())
            },
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Keyring:
        try:
            return cls(
                Verifier.parse(data["operator"]) if data.get("operator") else None,
                {n: Verifier.parse(v) for n, v in data["members"].items()},
                {
                    n: UserKey(u["member"], Verifier.parse(u["vkey"]), u["certificate"])
                    for n, u in data["users"].items()
                },
            )
        except (KeyError, TypeError, AttributeError) as e:
            raise NoteError(f"keyring is malformed: {e!r}") from e
