"""RFC 9162 section 2.1 Merkle tree hashes and proofs: the reference definitions and verifiers.

The recursive functions follow the RFC's definitions (MTH, PATH, PROOF/SUBPROOF) over the list of
leaf hashes and cost O(n) hashes; tree.py serves the same proofs from cached nodes and is tested
against them. The verifiers are the RFC's iterative algorithms (2.1.3.2 and 2.1.4.2); they return
nothing and raise ProofError on any mismatch.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence

from sanctionwatch.ledger.errors import ProofError

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(entry: bytes) -> bytes:
    """SHA-256(0x00 || entry)."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


def split_point(n: int) -> int:
    """The largest power of two smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def check_index(index: int, size: int) -> None:
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is outside a tree of size {size}")


def check_sizes(m: int, n: int) -> None:
    if not 0 <= m <= n:
        raise ProofError(f"tree size {m} cannot precede tree size {n}")


# The reference definitions, over leaf hashes D[lo:hi].


def root(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH(D[n]): the root hash of the tree with these leaf hashes."""
    return _mth(leaf_hashes, 0, len(leaf_hashes)) if leaf_hashes else EMPTY_ROOT


def root_by_levels(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH bottom-up without recursion: hash neighbours in pairs, carry a lone last node up.

    Equal to `root` (RFC 9162's split at the largest power of two is exactly this pairing).
    """
    level = list(leaf_hashes)
    if not level:
        return EMPTY_ROOT
    while len(level) > 1:
        paired = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        level = paired + level[len(paired) * 2 :]
    return level[0]


def _mth(hashes: Sequence[bytes], lo: int, hi: int) -> bytes:
    if hi - lo == 1:
        return hashes[lo]
    k = lo + split_point(hi - lo)
    return node_hash(_mth(hashes, lo, k), _mth(hashes, k, hi))


def inclusion_proof(index: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PATH(index, D[n]): the audit path of one leaf, nearest sibling first."""
    check_index(index, len(leaf_hashes))
    return _path(index, leaf_hashes, 0, len(leaf_hashes))


def _path(m: int, hashes: Sequence[bytes], lo: int, hi: int) -> list[bytes]:
    if hi - lo == 1:
        return []
    k = lo + split_point(hi - lo)
    if m < k:
        return [*_path(m, hashes, lo, k), _mth(hashes, k, hi)]
    return [*_path(m, hashes, k, hi), _mth(hashes, lo, k)]


def consistency_proof(m: int, leaf_hashes: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]); empty when m is 0 or n, where no proof is needed."""
    n = len(leaf_hashes)
    check_sizes(m, n)
    if m in (0, n):
        return []
    return _subproof(m, leaf_hashes, 0, n, True)


def _subproof(m: int, hashes: Sequence[bytes], lo: int, hi: int, whole: bool) -> list[bytes]:
    if m == hi:
        return [] if whole else [_mth(hashes, lo, hi)]
    k = lo + split_point(hi - lo)
    if m <= k:
        return [*_subproof(m, hashes, lo, k, whole), _mth(hashes, k, hi)]
    return [*_subproof(m, hashes, k, hi, False), _mth(hashes, lo, k)]


# Verification, RFC 9162 2.1.3.2 and 2.1.4.2.


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """Check that `leaf` (a leaf hash) is leaf `index` of the tree of `size` with this root."""
    _check_hashes(leaf, root, *proof)
    check_index(index, size)
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ProofError("inclusion proof is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            fn, sn = _shift_while_even(fn, sn)
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError("inclusion proof is too short")
    _expect(r, root, f"inclusion proof of leaf {index} does not lead to the root of size {size}")


def verify_consistency(
    m: int, n: int, root_m: bytes, root_n: bytes, proof: Sequence[bytes]
) -> None:
    """Check that the tree of size m with root_m is a prefix of the tree of size n with root_n."""
    _check_hashes(root_m, root_n, *proof)
    check_sizes(m, n)
    if m == 0 or m == n:
        _verify_trivial(m, n, root_m, root_n, proof)
        return
    if not proof:
        raise ProofError(f"consistency proof from {m} to {n} is empty")
    path = [root_m, *proof] if m & (m - 1) == 0 else list(proof)
    fr, sr = _consistency_roots(m, n, path)
    _expect(fr, root_m, f"consistency proof does not lead to the root of size {m}")
    _expect(sr, root_n, f"consistency proof does not lead to the root of size {n}")


def _verify_trivial(m: int, n: int, root_m: bytes, root_n: bytes, proof: Sequence[bytes]) -> None:
    if proof:
        raise ProofError(f"consistency proof from {m} to {n} must be empty")
    if m == 0:
        _expect(root_m, EMPTY_ROOT, "the root of size 0 is not the empty tree hash")
    else:
        _expect(root_m, root_n, f"two different roots for size {m}")


def _consistency_roots(m: int, n: int, path: Sequence[bytes]) -> tuple[bytes, bytes]:
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError(f"consistency proof from {m} to {n} is too long")
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            fn, sn = _shift_while_even(fn, sn)
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    if sn != 0:
        raise ProofError(f"consistency proof from {m} to {n} is too short")
    return fr, sr


def _shift_while_even(fn: int, sn: int) -> tuple[int, int]:
    """Right-shift both until fn is odd or zero (the RFC's step for a right-edge node)."""
    while fn and not fn & 1:
        fn, sn = fn >> 1, sn >> 1
    return fn, sn


def _check_hashes(*hashes: bytes) -> None:
    for h in hashes:
        if len(h) != HASH_SIZE:
            raise ProofError(f"a hash of {len(h)} bytes where {HASH_SIZE} are expected")


def _expect(got: bytes, want: bytes, message: str) -> None:
    if not hmac.compare_digest(got, want):
        raise ProofError(message)
