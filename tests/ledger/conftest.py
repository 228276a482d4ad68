"""Fixtures of the ledger tests: keys held in memory, entries signed by them, a keyring."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sanctionwatch.ledger.keys import Keyring, UserKey, certify, sign_entry
from sanctionwatch.ledger.model import Entry, Statement, canonical, content_hash
from sanctionwatch.ledger.note import Signer
from sanctionwatch.logs import configure
from sanctionwatch.settings import get_settings

ORIGIN = "panel.example/ledger"
OPERATOR = Signer.from_seed(ORIGIN, bytes(range(32)))
MEMBER = Signer.from_seed("FR", bytes(range(1, 33)))
USER = Signer.from_seed("alice", bytes(range(2, 34)))
CERTIFICATE = certify(MEMBER, USER.verifier)
KEYRING = Keyring(
    OPERATOR.verifier,
    {"FR": MEMBER.verifier},
    {"alice": UserKey("FR", USER.verifier, CERTIFICATE)},
)


def statement(i: int, payload: object = None, prev: int | None = None) -> Statement:
    data = {"n": i} if payload is None else payload
    return Statement("test.note", f"note:{i % 7}", content_hash(data), "alice", "FR", "t", prev)


def entries(n: int) -> list[Entry]:
    """n entries by alice of FR, each signed and with its payload."""
    found = []
    for i in range(n):
        body = statement(i).body()
        found.append(Entry(i, body, sign_entry(USER, body), canonical({"n": i})))
    return found


@pytest.fixture(autouse=True)
def _logs_to_this_stderr() -> None:
    """Point the logs at the current stderr: a CLI test run before may have closed its own."""
    configure("WARNING")


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    """Settings read again from the environment (monkeypatched by the test), then restored."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
