"""Statements: canonical JSON (RFC 8785) leaves, read back strictly."""

from __future__ import annotations

import hashlib
import json

import pytest
import rfc8785
from hypothesis import given
from hypothesis import strategies as st

from sanctionwatch.ledger.errors import EntryError
from sanctionwatch.ledger.list_loads import row_hash
from sanctionwatch.ledger.model import Statement, canonical, content_hash

HASH = content_hash({"text": "the finding as adopted"})
names = st.text(min_size=1, max_size=30)


def test_the_leaf_is_the_canonical_json_of_the_statement() -> None:
    s = Statement(
        "finding.revise", "finding:42", HASH, "alice", "FR", "2026-03-01T10:00:00.000Z", 7
    )
    assert s.body() == (
        b'{"author":"alice","content_hash":"' + HASH.encode() + b'","kind":"finding.revise",'
        b'"member":"FR","prev":7,"subject":"finding:42","time":"2026-03-01T10:00:00.000Z"}'
    )
    assert b"prev" not in Statement("k", "s", HASH, "a", "m", "t").body()


@given(names, names, names, names, st.none() | st.integers(0, 2**53 - 1))
def test_statements_round_trip(
    kind: str, subject: str, author: str, member: str, prev: int | None
) -> None:
    s = Statement(kind, subject, HASH, author, member, "2026-01-01T00:00:00.000Z", prev)
    assert Statement.parse(s.body()) == s


@given(names, names, names, names, st.none() | st.integers(0, 2**53 - 1))
def test_the_fast_statement_encoding_is_rfc8785(
    kind: str, subject: str, author: str, member: str, prev: int | None
) -> None:
    s = Statement(kind, subject, HASH, author, member, "2026-01-01T00:00:00.000Z", prev)
    fields = {k: v for k, v in vars(s).items() if v is not None}
    assert s.body() == rfc8785.dumps(fields)


def test_prev_is_an_entry_number() -> None:
    for prev in (-1, 2**53):
        with pytest.raises(EntryError):
            Statement("k", "s", HASH, "a", "m", "t", prev)


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"kind":"k"}',
        json.dumps(
            {
                "kind": "k",
                "subject": "s",
                "content_hash": HASH,
                "author": "a",
                "member": "m",
                "time": "t",
            }
        ).encode(),  # spaces: not canonical
        canonical(
            {
                "kind": "k",
                "subject": "s",
                "content_hash": "ab",
                "author": "a",
                "member": "m",
                "time": "t",
            }
        ),
        canonical(
            {
                "kind": "k",
                "subject": "s",
                "content_hash": HASH,
                "author": "a",
                "member": "m",
                "time": "t",
                "prev": -1,
            }
        ),
        canonical(
            {
                "kind": "k",
                "subject": "s",
                "content_hash": HASH,
                "author": "a",
                "member": "m",
                "time": "t",
                "extra": 1,
            }
        ),
        canonical(
            {
                "kind": "",
                "subject": "s",
                "content_hash": HASH,
                "author": "a",
                "member": "m",
                "time": "t",
            }
        ),
        b"\xff\xfe",
    ],
)
def test_anything_but_a_canonical_statement_is_refused(body: bytes) -> None:
    with pytest.raises(EntryError):
        Statement.parse(body)


@given(st.lists(st.none() | st.booleans() | st.text(), max_size=12))
def test_the_fast_row_encoding_is_rfc8785(row: list[str | bool | None]) -> None:
    try:
        expected = hashlib.sha256(rfc8785.dumps(row)).digest()
    except rfc8785.CanonicalizationError:
        return  # lone surrogates: no statement row holds one (the database refuses them)
    assert row_hash(row) == expected
