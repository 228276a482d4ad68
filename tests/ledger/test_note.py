"""C2SP signed notes: the Go reference vectors, round trips and tampering."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.ledger.errors import NoteError
from sanctionwatch.ledger.note import Note, Signature, Signer, Verifier, key_id

# The reference vectors of golang.org/x/mod/sumdb/note, from github.com/golang/mod,
# sumdb/note/note_test.go (TestNewVerifier, TestSign, TestOpen).
VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG = (
    "— PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "— EnochRoot "
    "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
)
SIGNED = TEXT + "\n" + PETER_SIG

# The example note of the spec, github.com/C2SP/C2SP signed-note.md (its key is not published).
QUASIMODO = (
    "Ognuno sta solo sul cuor della terra\n"
    "trafitto da un raggio di sole:\n"
    "\n"
    "ed è subito sera.\n"
    "\n"
    "— quasimodo.example/salvatore "
    "NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n"
)

PETER = Verifier.parse(VKEY)
ENOCH = Verifier.parse(ENOCH_VKEY)


def test_verifier_key_round_trips() -> None:
    assert PETER.name == "PeterNeumann"
    assert PETER.key_id.hex() == "c74f20a3"
    assert PETER.vkey == VKEY
    assert ENOCH.key_id.hex() == "af0cfe78"


def test_signer_key_gives_the_verifier_key() -> None:
    assert Signer.parse(SKEY).verifier == PETER


def test_signing_reproduces_the_reference_note_byte_for_byte() -> None:
    assert str(Note(TEXT).signed(Signer.parse(SKEY))) == SIGNED


def test_signing_again_replaces_the_old_signature() -> None:
    stale = Note(TEXT, (Signature("PeterNeumann", PETER.key_id, b"BADSIG"),))
    assert str(stale.signed(Signer.parse(SKEY))) == SIGNED


def test_the_reference_note_verifies() -> None:
    note = Note.parse(SIGNED)
    assert note.text == TEXT
    assert note.verify([PETER]) == (PETER,)


def test_unknown_signatures_are_ignored_but_one_known_is_needed() -> None:
    note = Note.parse(TEXT + "\n" + PETER_SIG + ENOCH_SIG)
    assert note.verify([PETER]) == (PETER,)
    assert note.verify([ENOCH, PETER]) == (PETER, ENOCH)
    with pytest.raises(NoteError, match="no signature by a known key"):
        note.verify([])
    with pytest.raises(NoteError, match="no signature by a known key"):
        note.verify([Signer.generate("PeterNeumann").verifier])  # same name, other key


def test_repeated_signatures_and_verifiers_count_once() -> None:
    note = Note.parse(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG)
    assert note.verify([PETER, ENOCH, PETER]) == (PETER, ENOCH)


def test_a_bad_signature_by_a_known_key_rejects_the_note() -> None:
    bad = TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:]
    with pytest.raises(NoteError, match="invalid signature for key PeterNeumann"):
        Note.parse(bad).verify([PETER])
    tampered = SIGNED.replace("cryptography", "cryptographY")
    with pytest.raises(NoteError, match="invalid signature"):
        Note.parse(tampered).verify([PETER])


@pytest.mark.parametrize(
    "data",
    [
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + TEXT + "\n" + PETER_SIG,
        b"\xff" + SIGNED.encode(),
        TEXT + "\n" + "— Bad Name " + PETER_SIG.split(" ")[-1],
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
        TEXT + "\n" + PETER_SIG * 101,
        TEXT + "\n" + PETER_SIG.replace("—", "-"),
        TEXT + "\n" + "— PeterNeumann AAAA\n",
    ],
)
def test_malformed_notes_are_refused(data: str | bytes) -> None:
    with pytest.raises(NoteError):
        Note.parse(data)


def test_mangled_verifier_keys_are_refused() -> None:
    for i in range(len(VKEY)):
        for j in range(i + 1, len(VKEY) + 1):
            if (i, j) != (0, len(VKEY)):
                with pytest.raises(NoteError):
                    Verifier.parse(VKEY[i:j])
        with pytest.raises(NoteError):
            Verifier.parse(VKEY[:i] + chr(ord(VKEY[i]) + 1) + VKEY[i + 1 :])


def test_mangled_signer_keys_are_refused() -> None:
    for i in range(len(SKEY)):
        with pytest.raises(NoteError):
            Signer.parse(SKEY[:i] + chr(ord(SKEY[i]) + 1) + SKEY[i + 1 :])


def test_the_spec_example_parses_at_its_last_blank_line() -> None:
    note = Note.parse(QUASIMODO)
    assert note.text.endswith("\n\ned è subito sera.\n")
    [sig] = note.signatures
    assert sig.name == "quasimodo.example/salvatore"
    assert str(note) == QUASIMODO
    with pytest.raises(NoteError):
        note.verify([Signer.generate("quasimodo.example/salvatore").verifier])


def test_key_id_is_the_spec_hash() -> None:
    pub = PETER.public_key
    expected = hashlib.sha256(b"PeterNeumann\n\x01" + pub).digest()[:4]
    assert key_id("PeterNeumann", pub) == expected == bytes.fromhex("c74f20a3")


@pytest.mark.parametrize("name", ["", "a b", "a+b", "tab\there", "nbsp\u00a0"])
def test_bad_key_names_are_refused(name: str) -> None:
    with pytest.raises(NoteError):
        Signer.generate(name)


def test_note_text_must_end_in_a_newline() -> None:
    with pytest.raises(NoteError):
        Note("abc")


# Round trips and tampering, found by Hypothesis.

SIGNERS = [Signer.generate(f"member{i}.example/witness") for i in range(3)]
texts = st.text(st.characters(codec="utf-8", min_codepoint=0x20) | st.just("\n"), max_size=200).map(
    lambda t: t + "\n"
)


@settings(max_examples=100, deadline=None)
@given(texts, st.integers(1, 3))
def test_signed_notes_round_trip(text: str, count: int) -> None:
    note = Note(text).signed(*SIGNERS[:count])
    again = Note.parse(str(note))
    assert again == note
    assert again.verify(s.verifier for s in SIGNERS) == tuple(s.verifier for s in SIGNERS[:count])


@settings(max_examples=100, deadline=None)
@given(texts, st.data())
def test_any_changed_character_fails(text: str, data: st.DataObject) -> None:
    signed = str(Note(text).signed(SIGNERS[0]))
    at = data.draw(st.integers(0, len(signed) - 1), "at")
    new = data.draw(st.sampled_from("aZ0\n +/="), "new")
    tampered = signed[:at] + new + signed[at + 1 :]
    if tampered != signed:
        with pytest.raises(NoteError):
            Note.parse(tampered).verify([SIGNERS[0].verifier])
