"""Concurrent writers: every change gets its own ledger entry, none is lost, the log verifies."""

from __future__ import annotations

import threading

from sanctionwatch.cases import casework, parties
from sanctionwatch.cases.model import Audience, Scope, Tlp, Topic
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import Panel


def test_concurrent_cases_all_logged(panel: Panel) -> None:
    errors: list[str] = []
    audience = Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)

    def work(worker: int) -> None:
        for n in range(8):
            try:
                with panel.engine.begin() as conn:
                    user = parties.user(conn, "us.analyst")
                    casework.open_case(conn, user, f"case {worker}.{n}", Topic.ARMS, "", audience)
            except Exception as e:
                errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with panel.engine.connect() as conn:
        assert len(casework.list_cases(conn, parties.user(conn, "kr.observer"))) == 32
        assert verify(conn).ok
