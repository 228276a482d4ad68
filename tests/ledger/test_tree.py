"""Proofs from cached complete subtrees equal the RFC 9162 reference, reading O(log n) nodes."""

from __future__ import annotations

import random

import pytest

from sanctionwatch.ledger import merkle, tree
from sanctionwatch.ledger.errors import ProofError
from sanctionwatch.ledger.merkle import leaf_hash
from sanctionwatch.ledger.tree import MemoryTree, Node, appended_nodes

SMALL = 70


def entries(n: int, start: int = 0) -> list[bytes]:
    return [f"entry {i}".encode() for i in range(start, start + n)]


def nodes_in(size: int) -> int:
    """How many complete subtrees a tree of this size has."""
    return sum(size >> level for level in range(size.bit_length()))


class CountingStore:
    """Wraps a store and counts the nodes read from it."""

    def __init__(self, inner: MemoryTree) -> None:
        self.inner = inner
        self.reads = 0

    def node(self, level: int, index: int) -> bytes:
        self.reads += 1
        return self.inner.node(level, index)


@pytest.fixture(scope="module")
def small() -> tuple[MemoryTree, list[bytes]]:
    log = entries(SMALL)
    return MemoryTree(log), [leaf_hash(e) for e in log]


def test_roots_of_every_size_match_the_reference(small: tuple[MemoryTree, list[bytes]]) -> None:
    t, hashes = small
    assert [t.root(n) for n in range(SMALL + 1)] == [
        merkle.root(hashes[:n]) for n in range(SMALL + 1)
    ]


def test_every_inclusion_proof_matches_the_reference(small: tuple[MemoryTree, list[bytes]]) -> None:
    t, hashes = small
    for size in range(1, SMALL + 1):
        for index in range(size):
            assert t.inclusion_proof(index, size) == merkle.inclusion_proof(index, hashes[:size])


def test_every_consistency_proof_matches_the_reference(
    small: tuple[MemoryTree, list[bytes]],
) -> None:
    t, hashes = small
    for n in range(SMALL + 1):
        for m in range(n + 1):
            assert t.consistency_proof(m, n) == merkle.consistency_proof(m, hashes[:n])


def test_random_larger_trees_match_the_reference_and_verify() -> None:
    rng = random.Random(9162)
    log = entries(3000)
    hashes = [leaf_hash(e) for e in log]
    t = MemoryTree(log)
    for _ in range(25):
        size = rng.randint(SMALL, len(log))
        index, m = rng.randrange(size), rng.randint(1, size)
        root = merkle.root(hashes[:size])
        path = t.inclusion_proof(index, size)
        assert t.root(size) == root
        assert path == merkle.inclusion_proof(index, hashes[:size])
        merkle.verify_inclusion(index, size, hashes[index], path, root)
        proof = t.consistency_proof(m, size)
        assert proof == merkle.consistency_proof(m, hashes[:size])
        merkle.verify_consistency(m, size, t.root(m), root, proof)


def test_proofs_read_logarithmically_many_nodes() -> None:
    n = 100_003
    store = CountingStore(MemoryTree(entries(n)))
    bound = 2 * n.bit_length()
    rng = random.Random(6962)
    for _ in range(20):
        size = rng.randint(n // 2, n)
        store.reads = 0
        tree.inclusion_proof(store, rng.randrange(size), size)
        assert store.reads <= bound
        store.reads = 0
        tree.consistency_proof(store, rng.randint(1, size), size)
        assert store.reads <= bound
        store.reads = 0
        tree.root(store, size)
        assert store.reads <= n.bit_length()


def test_appending_reads_only_the_frontier() -> None:
    t = MemoryTree(entries(1000))
    store = CountingStore(t)
    new = list(appended_nodes(store, t.size, [leaf_hash(e) for e in entries(5, 1000)]))
    assert store.reads == bin(1000).count("1")
    assert new[0] == Node(0, 1000, leaf_hash(b"entry 1000"))
    assert len(new) == nodes_in(1005) - nodes_in(1000)
    t.extend(entries(5, 1000))
    assert all(t.node(node.level, node.index) == node.hash for node in new)


def test_a_batch_equals_appends_one_by_one() -> None:
    one, batch = MemoryTree(), MemoryTree(entries(7))
    for i, e in enumerate(entries(300)):
        assert one.append(e) == i
    assert batch.extend(entries(293, 7)) == 300
    levels = range(9)
    assert [[one.node(lv, i) for i in range(300 >> lv)] for lv in levels] == [
        [batch.node(lv, i) for i in range(300 >> lv)] for lv in levels
    ]


def test_only_complete_subtrees_exist() -> None:
    t = MemoryTree(entries(5))
    t.node(2, 0)
    for level, index in [(1, 2), (2, 1), (3, 0), (0, 5), (0, -1), (-1, 0)]:
        with pytest.raises(LookupError):
            t.node(level, index)


def test_sizes_beyond_the_tree_are_refused() -> None:
    t = MemoryTree(entries(5))
    for call in (
        lambda: t.root(6),
        lambda: t.inclusion_proof(0, 6),
        lambda: t.consistency_proof(2, 6),
    ):
        with pytest.raises(ProofError):
            call()
    with pytest.raises(ProofError):
        t.inclusion_proof(5)
    with pytest.raises(ProofError):
        t.consistency_proof(-1)


def test_a_frontier_rebuilds_roots_and_nodes_in_logarithmic_memory() -> None:
    log = entries(777)
    full, frontier = MemoryTree(), tree.Frontier()
    created = []
    for start in range(0, 777, 100):
        batch = [leaf_hash(e) for e in log[start : start + 100]]
        created += frontier.extend_hashes(batch)
        full.extend_hashes(batch)
        assert frontier.root() == full.root()
    assert len(created) == nodes_in(777)
    assert all(full.node(n.level, n.index) == n.hash for n in created)
    assert len(frontier._nodes) == bin(777).count("1")


def test_reads_are_known_before_the_hashes() -> None:
    t = MemoryTree(entries(1000))
    store = CountingStore(t)
    wanted = tree.reads(lambda s: tree.inclusion_proof(s, 345, 999))
    tree.inclusion_proof(store, 345, 999)
    assert len(wanted) == store.reads
    assert all(t.node(level, index) for level, index in wanted)
    assert tree.frontier(1000) == [(9, 0), (8, 2), (7, 6), (6, 14), (5, 30), (3, 124)]
