"""RFC 9162 Merkle hashing, proofs and verification against the published CT test vectors."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionwatch.errors import InputError
from sanctionwatch.ledger import merkle
from sanctionwatch.ledger.errors import ProofError
from sanctionwatch.ledger.merkle import EMPTY_ROOT, leaf_hash
from sanctionwatch.ledger.tree import MemoryTree
from tests.ledger.vectors import CONSISTENCY, INCLUSION, LEAVES, NODE_HASHES, ROOTS

HASHES = [leaf_hash(e) for e in LEAVES]
TREE = MemoryTree(LEAVES)
SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")


def fails(check: Callable[[], None]) -> bool:
    try:
        check()
    except ProofError:
        return True
    return False


def test_empty_tree_is_the_hash_of_nothing() -> None:
    assert merkle.root([]) == EMPTY_ROOT == ROOTS[0] == TREE.root(0)


def test_leaf_hashes_are_the_published_level_0() -> None:
    assert [leaf_hash(e) for e in LEAVES] == NODE_HASHES[0]


@pytest.mark.parametrize("size", range(9))
def test_roots_match_the_vectors(size: int) -> None:
    assert merkle.root(HASHES[:size]) == ROOTS[size]
    assert TREE.root(size) == ROOTS[size]


def test_cached_nodes_are_the_published_complete_subtrees() -> None:
    for level, row in enumerate(NODE_HASHES):
        assert [TREE.node(level, i) for i in range(len(row))] == row


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION)
def test_inclusion_vectors(index: int, size: int, proof: list[bytes]) -> None:
    assert merkle.inclusion_proof(index, HASHES[:size]) == proof
    assert TREE.inclusion_proof(index, size) == proof
    merkle.verify_inclusion(index, size, HASHES[index], proof, ROOTS[size])


@pytest.mark.parametrize(("m", "n", "proof"), CONSISTENCY)
def test_consistency_vectors(m: int, n: int, proof: list[bytes]) -> None:
    assert merkle.consistency_proof(m, HASHES[:n]) == proof
    assert TREE.consistency_proof(m, n) == proof
    merkle.verify_consistency(m, n, ROOTS[m], ROOTS[n], proof)


def inclusion_probes(
    index: int, size: int, leaf: bytes, proof: list[bytes], root: bytes
) -> list[tuple[int, int, bytes, list[bytes], bytes]]:
    """Corruptions of a good inclusion proof, after transparency-dev/merkle's verify_test.go."""
    probes = [
        (index - 1, size, leaf, proof, root),
        (index + 1, size, leaf, proof, root),
        (index ^ 2, size, leaf, proof, root),
        (index, size * 2, leaf, proof, root),
        (index, size // 2, leaf, proof, root),
        (index, size, b"WrongLeaf", proof, root),
        (index, size, SOME_HASH, proof, root),
        (index, size, leaf, proof, EMPTY_ROOT),
        (index, size, leaf, proof, SOME_HASH),
        (index, size, leaf, [*proof, b""], root),
        (index, size, leaf, [*proof, root], root),
        (index, size, leaf, [b"", *proof], root),
        (index, size, leaf, [root, *proof], root),
    ]
    for i in range(len(proof)):
        probes.append((index, size, leaf, flip(proof, i, 3), root))
    if proof:
        probes.append((index, size, leaf, proof[:-1], root))
    if len(proof) > 1:
        probes.append((index, size, leaf, [proof[0], SOME_HASH, *proof[1:]], root))
    return probes


def flip(proof: Sequence[bytes], i: int, bit: int) -> list[bytes]:
    out = list(proof)
    out[i] = flip_bit(out[i], bit)
    return out


def flip_bit(data: bytes, bit: int) -> bytes:
    b = bytearray(data)
    b[bit // 8] ^= 1 << (bit % 8)
    return bytes(b)


@pytest.mark.parametrize(("index", "size", "proof"), INCLUSION)
def test_corrupted_inclusion_proofs_fail(index: int, size: int, proof: list[bytes]) -> None:
    probes = inclusion_probes(index, size, HASHES[index], proof, ROOTS[size])
    passed = [p for p in probes if not fails(partial(merkle.verify_inclusion, *p))]
    assert passed == []


@pytest.mark.parametrize(("m", "n", "proof"), [c for c in CONSISTENCY if c[2]])
def test_corrupted_consistency_proofs_fail(m: int, n: int, proof: list[bytes]) -> None:
    r1, r2 = ROOTS[m], ROOTS[n]
    probes = [
        (m - 1, n, r1, r2, proof),
        (m + 1, n, r1, r2, proof),
        (m ^ 2, n, r1, r2, proof),
        (m, n * 2, r1, r2, proof),
        (m, n // 2, r1, r2, proof),
        (m, n, b"WrongRoot", r2, proof),
        (m, n, r1, b"WrongRoot", proof),
        (m, n, r2, r1, proof),
        (m, n, r1, r2, []),
        (m, n, r1, r2, [*proof, b""]),
        (m, n, r1, r2, [*proof, r1]),
        (m, n, r1, r2, [*proof, r2]),
        (m, n, r1, r2, [b"", *proof]),
        (m, n, r1, r2, [r1, *proof]),
        (m, n, r1, r2, [r2, *proof]),
        (m, n, r1, r2, [proof[0], *proof]),
        (m, n, r1, r2, proof[:-1]),
    ]
    probes += [(m, n, r1, r2, flip(proof, i, 4)) for i in range(len(proof))]
    passed = [p for p in probes if not fails(partial(merkle.verify_consistency, *p))]
    assert passed == []


@pytest.mark.parametrize(
    ("m", "n", "root_m", "root_n", "proof", "ok"),
    [
        (0, 0, EMPTY_ROOT, EMPTY_ROOT, [], True),
        (0, 5, EMPTY_ROOT, ROOTS[5], [], True),
        (3, 3, ROOTS[3], ROOTS[3], [], True),
        (0, 5, SOME_HASH, ROOTS[5], [], False),  # size 0 has exactly one root
        (3, 3, ROOTS[3], ROOTS[4], [], False),  # two roots for one size: a fork
        (1, 0, ROOTS[1], ROOTS[0], [], False),  # time travel
        (2, 1, ROOTS[2], ROOTS[1], [], False),
        (1, 2, ROOTS[1], ROOTS[2], [], False),  # a real step needs a proof
        (0, 1, EMPTY_ROOT, ROOTS[1], [EMPTY_ROOT], False),  # trivial steps take none
        (1, 1, ROOTS[1], ROOTS[1], [EMPTY_ROOT], False),
    ],
)
def test_trivial_consistency(
    m: int, n: int, root_m: bytes, root_n: bytes, proof: list[bytes], ok: bool
) -> None:
    assert fails(lambda: merkle.verify_consistency(m, n, root_m, root_n, proof)) is not ok


def test_single_entry_tree() -> None:
    h = leaf_hash(b"data")
    merkle.verify_inclusion(0, 1, h, [], h)
    for leaf, root in [(h, b""), (b"", h), (b"", b"")]:
        assert fails(partial(merkle.verify_inclusion, 0, 1, leaf, [], root))


def test_proof_errors_are_input_errors() -> None:
    with pytest.raises(ProofError) as caught:
        merkle.inclusion_proof(8, HASHES)
    assert isinstance(caught.value, InputError)
    assert caught.value.status == 422
    with pytest.raises(ProofError):
        merkle.consistency_proof(9, HASHES)


def test_split_point() -> None:
    cases = [(2, 1), (3, 2), (7, 4), (8, 4), (9, 8), (63, 32), (28937, 16384)]
    assert [merkle.split_point(n) for n, _ in cases] == [k for _, k in cases]


# Invariants, found by Hypothesis.

entries = st.lists(st.binary(max_size=40), min_size=1, max_size=80)


@settings(max_examples=150, deadline=None)
@given(entries, st.data())
def test_append_then_verify_always_passes(log: list[bytes], data: st.DataObject) -> None:
    tree = MemoryTree()
    for e in log:
        tree.append(e)
    size = data.draw(st.integers(1, len(log)), "size")
    index = data.draw(st.integers(0, size - 1), "index")
    m = data.draw(st.integers(0, size), "m")
    root = tree.root(size)
    merkle.verify_inclusion(
        index, size, leaf_hash(log[index]), tree.inclusion_proof(index, size), root
    )
    merkle.verify_consistency(m, size, tree.root(m), root, tree.consistency_proof(m, size))


@settings(max_examples=150, deadline=None)
@given(entries, st.data())
def test_any_flipped_bit_fails_inclusion(log: list[bytes], data: st.DataObject) -> None:
    tree = MemoryTree(log)
    n = len(log)
    index = data.draw(st.integers(0, n - 1), "index")
    entry, proof, root = log[index], tree.inclusion_proof(index), tree.root()
    target = data.draw(st.sampled_from(["entry", "proof", "root"] if proof else ["entry", "root"]))
    if target == "entry":
        entry = flip_bit(entry, data.draw(st.integers(0, 8 * len(entry) - 1))) if entry else b"\0"
    elif target == "proof":
        i = data.draw(st.integers(0, len(proof) - 1), "element")
        proof = flip(proof, i, data.draw(st.integers(0, 255), "bit"))
    else:
        root = flip_bit(root, data.draw(st.integers(0, 255), "bit"))
    assert fails(lambda: merkle.verify_inclusion(index, n, leaf_hash(entry), proof, root))


@settings(max_examples=150, deadline=None)
@given(entries, st.data())
def test_any_flipped_bit_fails_consistency(log: list[bytes], data: st.DataObject) -> None:
    tree = MemoryTree(log)
    n = len(log)
    m = data.draw(st.integers(1, n - 1) if n > 1 else st.just(1), "m")
    roots, proof = [tree.root(m), tree.root(n)], tree.consistency_proof(m, n)
    targets = ["old root", "new root", "proof"] if proof else ["old root"]
    target = data.draw(st.sampled_from(targets), "target")
    bit = data.draw(st.integers(0, 255), "bit")
    if target == "proof":
        proof = flip(proof, data.draw(st.integers(0, len(proof) - 1), "element"), bit)
    else:
        which = int(target == "new root")
        roots[which] = flip_bit(roots[which], bit)
    assert fails(lambda: merkle.verify_consistency(m, n, roots[0], roots[1], proof))


@given(st.lists(st.binary(min_size=32, max_size=32), max_size=300))
def test_the_bottom_up_root_equals_the_rfc_root(hashes: list[bytes]) -> None:
    assert merkle.root_by_levels(hashes) == merkle.root(hashes)
