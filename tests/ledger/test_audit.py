"""The auditor: append-then-verify always passes; any flipped bit names the entry at fault."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.ledger.audit import Auditor
from sanctionwatch.ledger.checkpoint import Checkpoint
from sanctionwatch.ledger.model import Entry, Report
from sanctionwatch.ledger.note import Signer
from sanctionwatch.ledger.tree import MemoryTree
from tests.ledger.conftest import KEYRING, MEMBER, OPERATOR, ORIGIN, entries

LOG = entries(40)
TREE = MemoryTree(e.body for e in LOG)


def note(size: int, signer: Signer = OPERATOR, tree: MemoryTree = TREE) -> str:
    return str(Checkpoint(ORIGIN, size, tree.root(size)).signed(signer, MEMBER))


def audit(log: list[Entry], notes: list[str], batch: int = 7) -> Report:
    auditor = Auditor(KEYRING, notes)
    for start in range(0, len(log), batch):
        auditor.feed(log[start : start + batch])
    return auditor.finish(TREE.consistency_proof)


def flip(data: bytes, bit: int) -> bytes:
    bit %= len(data) * 8
    return data[: bit // 8] + bytes([data[bit // 8] ^ (1 << bit % 8)]) + data[bit // 8 + 1 :]


@given(st.integers(0, 40), st.lists(st.integers(0, 40), max_size=4), st.integers(1, 50))
def test_append_then_verify_always_passes(n: int, sizes: list[int], batch: int) -> None:
    notes = [note(s) for s in sorted(s for s in sizes if s <= n)]
    report = audit(LOG[:n], notes, batch)
    assert report.ok, report.problems
    assert (report.entries, report.checkpoints) == (n, len(notes))


@settings(max_examples=200)
@given(st.integers(0, 39), st.sampled_from(["body", "signature", "payload"]), st.integers(0))
def test_any_flipped_bit_in_an_entry_names_it(index: int, part: str, bit: int) -> None:
    log = list(LOG)
    original = log[index]
    value = getattr(original, part)
    log[index] = replace(original, **{part: flip(value, bit)})
    report = audit(log, [note(40)])
    assert report.first_bad_entry == index, report.problems


@settings(max_examples=100)
@given(st.integers(0))
def test_any_flipped_bit_in_a_checkpoint_fails(bit: int) -> None:
    text = note(30).encode()
    flipped = flip(text, bit).decode("utf-8", "replace")
    assert not audit(LOG, [flipped]).ok


def test_checkpoints_must_be_signed_by_the_operator() -> None:
    impostor = Signer.generate(ORIGIN)
    report = audit(LOG, [note(10, impostor)])
    assert [str(p) for p in report.problems] == ["checkpoint 0: no signature by the log operator"]


def test_removed_entries_are_named() -> None:
    report = audit(LOG[:35], [note(40)])
    assert report.first_bad_entry == 35
    assert "removed" in report.problems[0].what
    gap = audit(LOG[:20] + LOG[21:], [note(40)])
    assert gap.first_bad_entry == 20


def test_a_shrinking_sequence_of_checkpoints_is_a_rollback() -> None:
    report = audit(LOG, [note(30), note(20)])
    assert [p.what for p in report.problems] == [
        "checkpoints of size 30 and then 20: the log was rolled back"
    ]


def test_a_rewritten_history_does_not_give_the_signed_root() -> None:
    other = MemoryTree([b"another history", *(e.body for e in LOG[1:])])
    report = audit(LOG, [note(40, tree=other)])
    assert [p.what for p in report.problems] == [
        "the entries do not give the root of the checkpoint of size 40"
    ]
