"""A witness cosigns a checkpoint only if it extends the last one it cosigned."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.errors import (
    ForkRefusal,
    NoteError,
    RollbackRefusal,
    SignatureRefusal,
    UnknownLogRefusal,
    WitnessRefusal,
)
from sanctionwatch.ledger.note import Note, Signer
from sanctionwatch.ledger.tree import MemoryTree
from sanctionwatch.ledger.witness import Witness, WitnessState

ORIGIN = "log.example/sanctionwatch"
OPERATOR = Signer.generate(ORIGIN)
WITNESS = Witness(Signer.generate("member-a.example/witness"), {ORIGIN: OPERATOR.verifier})
LOG = [f"statement {i}".encode() for i in range(20)]
TREE = MemoryTree(LOG)


def checkpoint(tree: MemoryTree, size: int, signer: Signer = OPERATOR) -> str:
    return str(Checkpoint(ORIGIN, size, tree.root(size)).signed(signer))


def cosigned(size: int) -> WitnessState:
    """The state of a witness that has cosigned the honest log at this size."""
    return WITNESS.cosign(WitnessState(), checkpoint(TREE, size), []).state


def test_first_checkpoint_needs_only_the_operator_signature() -> None:
    note = checkpoint(TREE, 5)
    result = WITNESS.cosign(WitnessState(), note, [])
    assert result.checkpoint.size == 5
    assert result.state.last(ORIGIN) == result.checkpoint
    both = Note.parse(note).with_signature(result.signature)
    assert both.verify([OPERATOR.verifier, WITNESS.verifier]) == (
        OPERATOR.verifier,
        WITNESS.verifier,
    )


def test_a_growing_log_is_cosigned() -> None:
    state = cosigned(5)
    result = WITNESS.cosign(state, checkpoint(TREE, 12), TREE.consistency_proof(5, 12))
    assert result.state.last(ORIGIN).size == 12
    again = WITNESS.cosign(result.state, checkpoint(TREE, 12), [])
    assert again.state == result.state


def test_a_rollback_is_refused_with_both_checkpoints() -> None:
    state = cosigned(12)
    with pytest.raises(RollbackRefusal) as caught:
        WITNESS.cosign(state, checkpoint(TREE, 5), [])
    refusal = caught.value
    assert refusal.status == 409
    assert refusal.last == state.last(ORIGIN)
    assert refusal.seen == Checkpoint(ORIGIN, 5, TREE.root(5))
    assert "shrank" in str(refusal)
    assert state.last(ORIGIN).size == 12  # the caller's state is untouched


def test_a_fork_at_the_same_size_is_refused() -> None:
    state = cosigned(12)
    forked = MemoryTree([*LOG[:7], b"rewritten finding", *LOG[8:]])
    with pytest.raises(ForkRefusal) as caught:
        WITNESS.cosign(state, checkpoint(forked, 12), [])
    assert caught.value.last == state.last(ORIGIN)
    assert caught.value.seen.root == forked.root(12)


def test_a_fork_that_grows_is_refused() -> None:
    state = cosigned(12)
    forked = MemoryTree([*LOG[:7], b"rewritten finding", *LOG[8:]])
    with pytest.raises(ForkRefusal, match="not consistent"):
        WITNESS.cosign(state, checkpoint(forked, 20), forked.consistency_proof(12, 20))
    with pytest.raises(ForkRefusal):
        WITNESS.cosign(state, checkpoint(forked, 20), TREE.consistency_proof(12, 20))


def test_a_wrong_proof_is_refused() -> None:
    state = cosigned(5)
    with pytest.raises(ForkRefusal):
        WITNESS.cosign(state, checkpoint(TREE, 12), TREE.consistency_proof(4, 12))
    with pytest.raises(ForkRefusal):
        WITNESS.cosign(state, checkpoint(TREE, 12), [])


def test_a_bad_operator_signature_is_refused() -> None:
    impostor = Signer.generate(ORIGIN)
    with pytest.raises(SignatureRefusal):
        WITNESS.cosign(WitnessState(), checkpoint(TREE, 5, impostor), [])
    honest = checkpoint(TREE, 5)
    edited = honest.replace("\n5\n", "\n6\n", 1).replace(
        Checkpoint(ORIGIN, 5, TREE.root(5)).text.split("\n")[2],
        Checkpoint(ORIGIN, 6, TREE.root(6)).text.split("\n")[2],
    )
    with pytest.raises(SignatureRefusal) as caught:
        WITNESS.cosign(cosigned(5), edited, TREE.consistency_proof(5, 6))
    assert caught.value.last is not None
    assert caught.value.last.size == 5


def test_an_unknown_log_is_refused() -> None:
    other = Signer.generate("other.example/log")
    note = str(Checkpoint("other.example/log", 3, TREE.root(3)).signed(other))
    with pytest.raises(UnknownLogRefusal) as caught:
        WITNESS.cosign(WitnessState(), note, [])
    assert caught.value.last is None
    assert isinstance(caught.value, WitnessRefusal)


def test_a_malformed_note_is_an_input_error() -> None:
    with pytest.raises(NoteError):
        WITNESS.cosign(WitnessState(), "not a note", [])


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 20), st.integers(0, 20))
def test_any_honest_growth_is_cosigned_and_any_shrink_refused(a: int, b: int) -> None:
    m, n = min(a, b), max(a, b)
    state = cosigned(m)
    result = WITNESS.cosign(state, checkpoint(TREE, n), TREE.consistency_proof(m, n))
    assert result.checkpoint.size == n
    if m < n:
        with pytest.raises(RollbackRefusal):
            WITNESS.cosign(cosigned(n), checkpoint(TREE, m), [])
