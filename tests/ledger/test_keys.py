"""Member keys certify user keys; entries are signed by their author; keys rest sealed."""

from __future__ import annotations

import pytest

from sanctionwatch.ledger.errors import EntryError, NoteError
from sanctionwatch.ledger.keys import (
    Keyring,
    UserKey,
    certified,
    certify,
    check_entry_signature,
    seal,
    sign_entry,
    unseal,
)
from sanctionwatch.ledger.note import Signer
from tests.ledger.conftest import CERTIFICATE, KEYRING, MEMBER, USER

OTHER = Signer.from_seed("DE", bytes(range(5, 37)))


def test_a_member_certifies_its_user() -> None:
    assert certified(CERTIFICATE, MEMBER.verifier) == USER.verifier
    assert CERTIFICATE.startswith("sanctionwatch/user-certificate/v1\nFR\nalice+")
    assert KEYRING.problems() == []


def test_a_certificate_by_another_member_is_refused() -> None:
    forged = certify(OTHER, USER.verifier)
    with pytest.raises(NoteError):
        certified(forged, MEMBER.verifier)
    with pytest.raises(NoteError):
        certified(CERTIFICATE, OTHER.verifier)
    ring = Keyring(
        KEYRING.operator, KEYRING.members, {"alice": UserKey("FR", USER.verifier, forged)}
    )
    assert ring.problems() == ["user alice: note has no signature by a known key"]


def test_a_certificate_must_name_the_users_key() -> None:
    other_user = Signer.generate("alice")
    ring = Keyring(
        KEYRING.operator,
        KEYRING.members,
        {"alice": UserKey("FR", other_user.verifier, CERTIFICATE)},
    )
    assert ring.problems() == ["user alice: the certificate of member FR names another key"]
    orphan = Keyring(KEYRING.operator, {}, KEYRING.users)
    assert orphan.problems() == ["user alice: member FR has no key"]


def test_entry_signatures_bind_the_bytes_and_the_key() -> None:
    body = b'{"x":1}'
    signature = sign_entry(USER, body)
    check_entry_signature(USER.verifier, body, signature)
    for bad_body, bad_sig, key in [
        (b'{"x":2}', signature, USER),
        (body, signature[:-1] + bytes([signature[-1] ^ 1]), USER),
        (body, signature, OTHER),
        (body, signature[:60], USER),
    ]:
        with pytest.raises(EntryError):
            check_entry_signature(key.verifier, bad_body, bad_sig)


def test_keys_rest_sealed_with_a_passphrase() -> None:
    sealed = seal(USER, b"correct horse")
    assert sealed.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    assert unseal("alice", sealed, b"correct horse").verifier == USER.verifier
    with pytest.raises(NoteError):
        unseal("alice", sealed, b"wrong")


def test_the_keyring_travels_as_json() -> None:
    assert Keyring.from_json(KEYRING.to_json()) == KEYRING
    with pytest.raises(NoteError):
        Keyring.from_json({"operator": None})
