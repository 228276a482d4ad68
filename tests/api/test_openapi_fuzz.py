"""schemathesis against the OpenAPI spec of the whole API: no generated request is a server
error, on SQLite and PostgreSQL, logged in as a user who holds every role of its member."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from sanctionwatch.api.app import create_app
from sanctionwatch.cases import auth, parties
from sanctionwatch.cases.model import Role
from tests.cases.conftest import make_panel
from tests.conftest import engine_for


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, dict[str, str]]]:
    tmp: Path = tmp_path_factory.mktemp(f"fuzz-{request.param}")
    engine = engine_for(request.param, tmp, request)
    panel = make_panel(engine)
    with engine.begin() as conn:
        parties.add_user(conn, panel["us.admin"], "us.everything", "US", set(Role))
        token = auth.issue(conn, "us.everything", "fuzz", None)
    yield create_app(engine), {"Authorization": f"Bearer {token}"}
    engine.dispose()


def test_no_server_errors(served: tuple[Any, dict[str, str]]) -> None:
    app, headers = served
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
        def fuzz(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        fuzz()
