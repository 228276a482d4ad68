"""Merkle roots and proofs read from cached complete subtrees: O(log n) node reads each.

A complete subtree is addressed by (level, index): its height, and its position among the
subtrees of that height. It covers leaves [index * 2**level, (index + 1) * 2**level); level 0
holds the leaf hashes. A TreeStore returns the hash of any complete subtree of the tree it holds,
and nothing here reads anything else, so a database store serves a proof in O(log n) reads and
an append writes only the nodes it completes (`appended_nodes`). MemoryTree is the in-memory
store. Every result equals the recursive reference in merkle.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from sanctionwatch.ledger.errors import ProofError
from sanctionwatch.ledger.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    check_index,
    check_sizes,
    leaf_hash,
    node_hash,
    split_point,
)


class TreeStore(Protocol):
    def node(self, level: int, index: int) -> bytes:
        """The hash of the complete subtree at (level, index); LookupError if there is none."""
        ...


@dataclass(frozen=True, slots=True)
class Node:
    """A complete subtree: its height, its position in its level and its hash."""

    level: int
    index: int
    hash: bytes


def subtree_hash(store: TreeStore, lo: int, hi: int) -> bytes:
    """MTH(D[lo:hi]) for a subtree that RFC 9162's recursion visits (lo aligned, hi <= size)."""
    hashes = [store.node(level, index) for level, index in _cover(lo, hi)]
    h = hashes[-1]
    for left in reversed(hashes[:-1]):
        h = node_hash(left, h)
    return h


def _cover(lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """The complete subtrees that cover [lo, hi), largest first."""
    while lo < hi:
        level = (hi - lo).bit_length() - 1
        if lo % (1 << level):
            raise ValueError(f"[{lo}, {hi}) is not a subtree of an RFC 9162 tree")
        yield level, lo >> level
        lo += 1 << level


def frontier(size: int) -> list[tuple[int, int]]:
    """The (level, index) of the complete subtrees on the right edge of a tree of `size`."""
    return list(_cover(0, size))


def reads(compute: Callable[[TreeStore], object]) -> list[tuple[int, int]]:
    """The nodes `compute` reads from a store, found by a dry run over placeholder hashes.

    Which nodes a root, proof or append reads depends only on the sizes, never on the hashes,
    so a database store can fetch them all in one query before the real run.
    """
    wanted: list[tuple[int, int]] = []

    class Recorder:
        def node(self, level: int, index: int) -> bytes:
            wanted.append((level, index))
            return bytes(HASH_SIZE)

    compute(Recorder())
    return wanted


def root(store: TreeStore, size: int) -> bytes:
    """The root hash of the first `size` leaves."""
    return subtree_hash(store, 0, size) if size else EMPTY_ROOT


def inclusion_proof(store: TreeStore, index: int, size: int) -> list[bytes]:
    """PATH(index, D[size]), walking down from the root and reading one sibling per level."""
    check_index(index, size)
    proof, lo, hi = [], 0, size
    while hi - lo > 1:
        k = lo + split_point(hi - lo)
        if index < k:
            proof.append(subtree_hash(store, k, hi))
            hi = k
        else:
            proof.append(subtree_hash(store, lo, k))
            lo = k
    return proof[::-1]


def consistency_proof(store: TreeStore, m: int, n: int) -> list[bytes]:
    """PROOF(m, D[n]), walking down from the root of size n to the subtree that ends at m."""
    check_sizes(m, n)
    if m in (0, n):
        return []
    proof, lo, hi, whole = [], 0, n, True
    while m != hi:
        k = lo + split_point(hi - lo)
        if m <= k:
            proof.append(subtree_hash(store, k, hi))
            hi = k
        else:
            proof.append(subtree_hash(store, lo, k))
            lo, whole = k, False
    if not whole:
        proof.append(subtree_hash(store, lo, hi))
    return proof[::-1]


def appended_nodes(store: TreeStore, size: int, leaf_hashes: Iterable[bytes]) -> Iterator[Node]:
    """Every complete subtree that appending these leaves to a tree of `size` creates, in order.

    Reads only the O(log n) subtrees on the right edge of the current tree (its frontier), once,
    before the first node is yielded; within a level, nodes come in increasing index order.
    """
    for level, index, h in appended(store, size, leaf_hashes):
        yield Node(level, index, h)


def appended(
    store: TreeStore, size: int, leaf_hashes: Iterable[bytes]
) -> Iterator[tuple[int, int, bytes]]:
    """`appended_nodes` as plain (level, index, hash) tuples: the bulk append's hot loop."""
    frontier = [(level, i, store.node(level, i)) for level, i in _cover(0, size)]
    for h in leaf_hashes:
        node = (0, size, h)
        size += 1
        yield node
        while frontier and frontier[-1][0] == node[0]:
            left = frontier.pop()
            node = (node[0] + 1, left[1] >> 1, node_hash(left[2], node[2]))
            yield node
        frontier.append(node)


class Frontier:
    """Only the right edge of a tree: enough to append to it and to compute its root.

    Holds O(log n) hashes, so a verifier can rebuild a log of any length while streaming it.
    """

    def __init__(self) -> None:
        self.size = 0
        self._nodes: dict[tuple[int, int], bytes] = {}

    def node(self, level: int, index: int) -> bytes:
        return self._nodes[(level, index)]

    def extend_hashes(self, leaf_hashes: Iterable[bytes]) -> list[Node]:
        """Append leaves by their leaf hashes; return every node they complete."""
        created = list(appended_nodes(self, self.size, leaf_hashes))
        known = {**self._nodes, **{(n.level, n.index): n.hash for n in created}}
        self.size += sum(1 for n in created if n.level == 0)
        self._nodes = {at: known[at] for at in frontier(self.size)}
        return created

    def root(self) -> bytes:
        return root(self, self.size)


class MemoryTree:
    """An append-only Merkle tree held in memory as lists of complete-subtree hashes."""

    def __init__(self, entries: Iterable[bytes] = ()) -> None:
        self._levels: list[list[bytes]] = []
        self.extend(entries)

    @property
    def size(self) -> int:
        return len(self._levels[0]) if self._levels else 0

    def node(self, level: int, index: int) -> bytes:
        if 0 <= level < len(self._levels) and 0 <= index < len(self._levels[level]):
            return self._levels[level][index]
        raise LookupError(f"no complete subtree at level {level}, index {index}")

    def append(self, entry: bytes) -> int:
        """Add one entry; return its leaf index."""
        self.extend([entry])
        return self.size - 1

    def extend(self, entries: Iterable[bytes]) -> int:
        """Add entries in one batch; return the new size."""
        return self.extend_hashes(leaf_hash(e) for e in entries)

    def extend_hashes(self, leaf_hashes: Iterable[bytes]) -> int:
        """Add leaves by their leaf hashes; return the new size."""
        for node in appended_nodes(self, self.size, leaf_hashes):
            if node.level == len(self._levels):
                self._levels.append([])
            self._levels[node.level].append(node.hash)
        return self.size

    def root(self, size: int | None = None) -> bytes:
        return root(self, self._size(size))

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        return inclusion_proof(self, index, self._size(size))

    def consistency_proof(self, m: int, n: int | None = None) -> list[bytes]:
        return consistency_proof(self, m, self._size(n))

    def _size(self, size: int | None) -> int:
        if size is None:
            return self.size
        if not 0 <= size <= self.size:
            raise ProofError(f"tree size {size} is outside a tree of size {self.size}")
        return size
