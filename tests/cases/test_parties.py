from __future__ import annotations

import pytest

from sanctionwatch.cases import auth, parties
from sanctionwatch.cases.model import Role
from sanctionwatch.errors import AuthError, ForbiddenError, NotFoundError
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import PASSWORD, Panel


def test_panel_parties_and_roles(panel: Panel) -> None:
    with panel.engine.connect() as conn:
        assert parties.voting_members(conn) == ["AU", "JP", "KR", "NZ", "US"]
        assert parties.user(conn, "kr.delegate").roles == {Role.DELEGATE}
        assert parties.user(conn, "kr.delegate").member == "KR"
        with pytest.raises(NotFoundError):
            parties.user(conn, "nobody")


def test_admin_manages_own_member_only(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        with pytest.raises(ForbiddenError):
            parties.add_user(conn, panel["us.admin"], "kr.extra", "KR", {Role.ANALYST})
        with pytest.raises(ForbiddenError):
            parties.add_member(conn, panel["us.admin"], "GB", "United Kingdom")
        parties.set_role(conn, panel["us.admin"], "us.analyst", Role.REVIEWER, True)
        parties.set_role(conn, panel["us.admin"], "us.analyst", Role.ANALYST, False)
        assert parties.user(conn, "us.analyst").roles == {Role.REVIEWER}


def test_login_and_tokens(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        token = auth.login(conn, "us.analyst", PASSWORD)
        assert auth.authenticate(conn, token).name == "us.analyst"
        with pytest.raises(AuthError):
            auth.login(conn, "us.analyst", "wrong password here")
        with pytest.raises(AuthError):
            auth.login(conn, "nobody", PASSWORD)
        auth.revoke(conn, token)
        with pytest.raises(AuthError):
            auth.authenticate(conn, token)


def test_every_party_change_is_in_the_ledger(panel: Panel) -> None:
    with panel.engine.connect() as conn:
        assert verify(conn).ok
