"""C2SP signed notes (c2sp.org/signed-note) with Ed25519 keys, signature type 0x01.

A note is text ending in a newline, a blank line, then one or more signature lines
"— <key name> base64(key ID || signature)". The key ID is the first four bytes of
SHA-256(key name || 0x0A || 0x01 || public key). Verifier keys travel as "vkey" text,
"<key name>+<key ID in hex>+base64(0x01 || public key)", as in golang.org/x/mod/sumdb/note.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sanctionwatch.ledger.errors import NoteError

ED25519 = b"\x01"
MAX_SIGNATURES = 100  # the spec asks verifiers to accept at least 16
_DASH = "— "  # U+2014 EM DASH, then a space
_PRIVATE = "PRIVATE+KEY+"


def key_id(name: str, public_key: bytes) -> bytes:
    """The 4-byte key ID of an Ed25519 key: SHA-256(name || 0x0A || 0x01 || key)[:4]."""
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + public_key).digest()[:4]


def decode_base64(text: str, what: str) -> bytes:
    """Standard base64 (RFC 4648 section 4), refusing anything but its canonical spelling."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as e:
        raise NoteError(f"{what} is not base64") from e
    if base64.b64encode(raw).decode() != text:
        raise NoteError(f"{what} is not canonical base64")
    return raw


def encode_base64(raw: bytes) -> str:
    return base64.b64encode(raw).decode()


def check_name(name: str) -> None:
    if not name or "+" in name or any(c.isspace() for c in name):
        raise NoteError(f"key name {name!r} is empty or holds a space or '+'")


@dataclass(frozen=True)
class Signature:
    """One signature line: key name, 4-byte key ID and the signature bytes."""

    name: str
    key_id: bytes
    signature: bytes

    def __post_init__(self) -> None:
        check_name(self.name)
        if len(self.key_id) != 4:
            raise NoteError(f"key ID of {self.name} has {len(self.key_id)} bytes, not 4")

    def line(self) -> str:
        return f"{_DASH}{self.name} {encode_base64(self.key_id + self.signature)}\n"

    @classmethod
    def parse(cls, line: str) -> Signature:
        """A signature line without its final newline."""
        name, space, blob = line.removeprefix(_DASH).partition(" ")
        if not line.startswith(_DASH) or not space or " " in blob:
            raise NoteError(f"not a signature line: {line[:80]!r}")
        check_name(name)
        raw = decode_base64(blob, f"signature of {name}")
        if len(raw) < 5:
            raise NoteError(f"signature of {name} is too short")
        return cls(name, raw[:4], raw[4:])


@dataclass(frozen=True)
class Verifier:
    """A public key that checks note signatures made by one named Ed25519 key."""

    name: str
    public_key: bytes

    def __post_init__(self) -> None:
        check_name(self.name)
        if len(self.public_key) != 32:
            raise NoteError(f"Ed25519 key {self.name} has {len(self.public_key)} bytes, not 32")

    @cached_property
    def key_id(self) -> bytes:
        return key_id(self.name, self.public_key)

    @property
    def vkey(self) -> str:
        return f"{self.name}+{self.key_id.hex()}+{encode_base64(ED25519 + self.public_key)}"

    @classmethod
    def parse(cls, vkey: str) -> Verifier:
        """A verifier key "<name>+<key ID hex>+<base64(0x01 || public key)>"."""
        name, id_hex, blob = _split_key(vkey, "verifier key")
        raw = decode_base64(blob, f"verifier key {name}")
        if raw[:1] != ED25519:
            raise NoteError(f"verifier key {name} is not an Ed25519 key")
        verifier = cls(name, raw[1:])
        if verifier.key_id.hex() != id_hex:
            raise NoteError(f"verifier key {name} has the wrong key ID {id_hex}")
        return verifier

    def verifies(self, text: str, signature: Signature) -> bool:
        """True if this key made the signature over the text (name and key ID included)."""
        if (signature.name, signature.key_id) != (self.name, self.key_id):
            return False
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(
                signature.signature, text.encode()
            )
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class Signer:
    """A named Ed25519 private key that signs notes."""

    name: str
    private_key: Ed25519PrivateKey = field(repr=False)

    def __post_init__(self) -> None:
        check_name(self.name)

    @classmethod
    def generate(cls, name: str) -> Signer:
        return cls(name, Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, name: str, seed: bytes) -> Signer:
        if len(seed) != 32:
            raise NoteError(f"Ed25519 seed for {name} has {len(seed)} bytes, not 32")
        return cls(name, Ed25519PrivateKey.from_private_bytes(seed))

    @classmethod
    def parse(cls, skey: str) -> Signer:
        """A signer key "PRIVATE+KEY+<name>+<key ID hex>+<base64(0x01 || seed)>" (Go's format)."""
        if not skey.startswith(_PRIVATE):
            raise NoteError("signer key does not start with PRIVATE+KEY+")
        name, id_hex, blob = _split_key(skey.removeprefix(_PRIVATE), "signer key")
        raw = decode_base64(blob, f"signer key {name}")
        if raw[:1] != ED25519:
            raise NoteError(f"signer key {name} is not an Ed25519 key")
        signer = cls.from_seed(name, raw[1:])
        if signer.verifier.key_id.hex() != id_hex:
            raise NoteError(f"signer key {name} has the wrong key ID {id_hex}")
        return signer

    @cached_property
    def verifier(self) -> Verifier:
        return Verifier(self.name, self.private_key.public_key().public_bytes_raw())

    @property
    def skey(self) -> str:
        """The signer key text that `parse` reads (it holds the private key: keep it secret)."""
        seed = ED25519 + self.private_key.private_bytes_raw()
        return f"{_PRIVATE}{self.name}+{self.verifier.key_id.hex()}+{encode_base64(seed)}"

    def sign(self, text: str) -> Signature:
        sig = self.private_key.sign(text.encode())
        return Signature(self.name, self.verifier.key_id, sig)


def _split_key(text: str, what: str) -> tuple[str, str, str]:
    parts = text.split("+", 2)
    if len(parts) != 3 or len(parts[1]) != 8:
        raise NoteError(f"{what} is not <name>+<key ID>+<key>")
    check_name(parts[0])
    return parts[0], parts[1], parts[2]


@dataclass(frozen=True)
class Note:
    """Note text (ending in a newline) and its signatures, in order."""

    text: str
    signatures: tuple[Signature, ...] = ()

    def __post_init__(self) -> None:
        if not self.text.endswith("\n"):
            raise NoteError("note text does not end in a newline")
        if any(c < " " and c != "\n" for c in self.text):
            raise NoteError("note text holds a control character")
        try:
            self.text.encode()
        except UnicodeEncodeError as e:
            raise NoteError("note text is not valid Unicode") from e
        if len(self.signatures) > MAX_SIGNATURES:
            raise NoteError(f"note has more than {MAX_SIGNATURES} signatures")

    def __str__(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in self.signatures)

    @classmethod
    def parse(cls, data: str | bytes) -> Note:
        """Split a signed note at its last blank line; signatures are parsed, not verified."""
        text = _decode(data)
        split = text.rfind("\n\n")
        block = text[split + 2 :]
        if split < 0 or not block.endswith("\n"):
            raise NoteError("note has no blank line followed by signature lines")
        lines = block[:-1].split("\n")
        if len(lines) > MAX_SIGNATURES:
            raise NoteError(f"note has more than {MAX_SIGNATURES} signatures")
        return cls(text[: split + 1], tuple(Signature.parse(line) for line in lines))

    def signed(self, *signers: Signer) -> Note:
        """This note with a signature by each signer, replacing an older one by the same key."""
        mine = [s.sign(self.text) for s in signers]
        ids = {(s.name, s.key_id) for s in mine}
        kept = tuple(s for s in self.signatures if (s.name, s.key_id) not in ids)
        return Note(self.text, kept + tuple(mine))

    def with_signature(self, signature: Signature) -> Note:
        return Note(self.text, (*self.signatures, signature))

    def verify(self, verifiers: Iterable[Verifier]) -> tuple[Verifier, ...]:
        """The known keys that signed this note, in signature order.

        Signatures by unknown keys are ignored; a bad signature by a known key rejects the
        whole note (NoteError), and so does a note with no signature by any known key.
        """
        known = _by_id(verifiers)
        seen: list[Verifier] = []
        for sig in self.signatures:
            verifier = known.get((sig.name, sig.key_id))
            if verifier is None:
                continue
            if not verifier.verifies(self.text, sig):
                raise NoteError(f"invalid signature for key {sig.name}+{sig.key_id.hex()}")
            if verifier not in seen:
                seen.append(verifier)
        if not seen:
            raise NoteError("note has no signature by a known key")
        return tuple(seen)


def _decode(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise NoteError("note is not UTF-8") from e


def _by_id(verifiers: Iterable[Verifier]) -> dict[tuple[str, bytes], Verifier]:
    known: dict[tuple[str, bytes], Verifier] = {}
    for v in verifiers:
        other = known.setdefault((v.name, v.key_id), v)
        if other != v:
            raise NoteError(f"ambiguous key {v.name}+{v.key_id.hex()}")
    return known
