"""The tamper-evident record: a signed, witnessed Merkle log (RFC 9162) of every change.

Pure core (no database):
merkle.py      leaf and node hashes, the recursive reference (MTH, PATH, PROOF), verification
tree.py        proofs from cached complete subtrees (TreeStore), MemoryTree, Frontier
note.py        C2SP signed notes: Ed25519 signers, verifier keys, signature lines
checkpoint.py  C2SP tlog-checkpoint bodies: origin, size, root hash
witness.py     a witness cosigns only checkpoints consistent with the last one it cosigned
model.py       statements (canonical JSON leaves), entries, verification reports
keys.py        user certificates by members, entry signatures, sealed keys, the public keyring
audit.py       verification of entries and checkpoints from any source, in O(log n) memory
errors.py      the ledger's branch of the exception tree

In SQL (the only modules that query with SQLAlchemy):
tables.py      the ledger tables
store.py       entries and cached nodes: batched appends, O(log n) proofs in one query
keystore.py    public keys, certificates, sealed private keys
headstore.py   published checkpoints and each witness's last cosigned checkpoint
coverstore.py  rows of other contexts that entries cover (list versions, statements)

Use cases:
custody.py     where keys rest and what production mode refuses
record.py      the hook: record(conn, kind, subject, payload, author) in the caller's transaction
list_loads.py  what a designations load covers, recorded and recomputed
coverage.py    entry kinds whose rows `verify` recomputes
publish.py     operator signs a checkpoint, member witnesses cosign it
verify.py      the database against the log; names the first bad entry
bundle.py      export a self-contained bundle and verify it offline
reads.py       entries, checkpoints and checked proofs for the CLI and API
"""
