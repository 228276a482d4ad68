"""The tamper-evident record: a Merkle log (RFC 9162), signed notes, checkpoints, witnesses.

merkle.py      leaf and node hashes, the recursive reference (MTH, PATH, PROOF), verification
tree.py        proofs from cached complete subtrees (TreeStore), and MemoryTree
note.py        C2SP signed notes: Ed25519 signers, verifier keys, signature lines
checkpoint.py  C2SP tlog-checkpoint bodies: origin, size, root hash
witness.py     a witness cosigns only checkpoints consistent with the last one it cosigned
errors.py      the ledger's branch of the exception tree
"""
