"""Tables of the ledger: entries, cached tree nodes, keys, checkpoints, witness state.

`ledger_nodes` caches every complete subtree hash (leaf hashes at level 0) under one integer key,
`level << 56 | index`, so that SQLite keeps it in its rowid b-tree and a proof is one indexed read.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from sanctionwatch.db import metadata

# BIGINT on PostgreSQL; INTEGER on SQLite, where only that spelling makes the rowid the key.
Key = BigInteger().with_variant(Integer(), "sqlite")

entries = Table(
    "ledger_entries",
    metadata,
    Column("idx", Key, primary_key=True, autoincrement=False),
    Column("kind", String(64), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("signature", LargeBinary, nullable=False),
    Column("payload", LargeBinary),
    Index("ix_ledger_entries_subject", "subject", "idx"),
)

nodes = Table(
    "ledger_nodes",
    metadata,
    Column("key", Key, primary_key=True, autoincrement=False),
    Column("hash", LargeBinary, nullable=False),
)

keys = Table(
    "ledger_keys",
    metadata,
    Column("role", String(16), primary_key=True),
    Column("name", String(255), primary_key=True),
    Column("member", String(255)),
    Column("vkey", Text, nullable=False),
    Column("certificate", Text),
    Column("sealed", Text),
    Column("development", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

checkpoints = Table(
    "ledger_checkpoints",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("size", BigInteger, nullable=False),
    Column("note", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

witnesses = Table(
    "ledger_witnesses",
    metadata,
    Column("witness", String(255), primary_key=True),
    Column("origin", String(255), primary_key=True),
    Column("checkpoint", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
