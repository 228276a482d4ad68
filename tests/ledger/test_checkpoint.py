"""C2SP checkpoints: the spec's example, round trips and malformed bodies."""

from __future__ import annotations

import base64

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.errors import NoteError
from sanctionwatch.ledger.merkle import EMPTY_ROOT
from sanctionwatch.ledger.note import Note, Signer

# The example of github.com/C2SP/C2SP tlog-checkpoint.md (its key is not published).
EXAMPLE = (
    "example.com/behind-the-sofa\n"
    "20852163\n"
    "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    "\n"
    "— example.com/behind-the-sofa "
    "Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
)
OPERATOR = Signer.generate("log.example/sanctionwatch")


def test_the_spec_example_parses() -> None:
    note = Note.parse(EXAMPLE)
    cp = Checkpoint.parse(note.text)
    assert cp.origin == "example.com/behind-the-sofa"
    assert cp.size == 20852163
    assert cp.root == base64.b64decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")
    assert cp.text == note.text
    assert note.signatures[0].name == cp.origin


def test_a_signed_checkpoint_round_trips() -> None:
    cp = Checkpoint("log.example/sanctionwatch", 7, EMPTY_ROOT, ("ext one",))
    note = Note.parse(str(cp.signed(OPERATOR)))
    assert note.verify([OPERATOR.verifier]) == (OPERATOR.verifier,)
    assert Checkpoint.parse(note.text) == cp


@pytest.mark.parametrize(
    "text",
    [
        "origin\n5\n",
        "origin\n5\n" + base64.b64encode(EMPTY_ROOT).decode(),
        "\n5\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n05\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n-5\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n+5\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n٥\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n18446744073709551616\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n" + "9" * 5000 + "\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n",
        "origin\n5\n" + base64.b64encode(EMPTY_ROOT[:31]).decode() + "\n",
        "origin\n5\nnot base64!\n",
        "origin\n5\n" + base64.b64encode(EMPTY_ROOT).decode() + "\n\n",
    ],
)
def test_malformed_checkpoints_are_refused(text: str) -> None:
    with pytest.raises(NoteError):
        Checkpoint.parse(text)


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=40),
    st.integers(0, 2**64 - 1),
    st.binary(min_size=32, max_size=32),
)
def test_checkpoints_round_trip(origin: str, size: int, root: bytes) -> None:
    cp = Checkpoint(origin, size, root)
    assert Checkpoint.parse(cp.text) == cp
