"""The analysts' pages: logging in with a password, a session cookie only these pages accept,
the cases the user may read, logging out (both databases, through the app)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sanctionwatch.api.app import create_app
from sanctionwatch.cases import casework
from sanctionwatch.cases.model import Audience, Scope, Tlp, Topic
from sanctionwatch.web.pages import COOKIE
from tests.cases.conftest import PASSWORD, Panel


def _client(panel: Panel) -> TestClient:
    return TestClient(create_app(panel.engine), follow_redirects=False)


def _open(panel: Panel, title: str, audience: Audience) -> str:
    with panel.engine.begin() as conn:
        case = casework.open_case(conn, panel["us.analyst"], title, Topic.EXPORTS, "s", audience)
    return case.id


def _login(client: TestClient, user: str, password: str = PASSWORD) -> str:
    reply = client.post("/web/login", data={"user": user, "password": password})
    assert reply.status_code == 303 and reply.headers["location"] == "/web/"
    return reply.headers["set-cookie"]


def test_pages_need_a_login(panel: Panel) -> None:
    client = _client(panel)
    reply = client.get("/web/")
    assert reply.status_code == 303 and reply.headers["location"] == "/web/login"
    form = client.get("/web/login")
    assert form.status_code == 200 and 'type="password"' in form.text


def test_wrong_password_and_unknown_user_get_the_same_answer(panel: Panel) -> None:
    client = _client(panel)
    wrong = client.post("/web/login", data={"user": "us.analyst", "password": "not it at all"})
    unknown = client.post("/web/login", data={"user": "nobody", "password": "not it at all"})
    assert wrong.status_code == unknown.status_code == 401
    assert (
        "wrong user name or password" in wrong.text
        and "wrong user name or password" in unknown.text
    )
    assert COOKIE not in wrong.headers.get("set-cookie", "")


def test_login_sets_a_strict_cookie_and_lists_only_readable_cases(panel: Panel) -> None:
    shared = _open(
        panel, "Coal via <Nakhodka> & co", Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)
    )
    secret = _open(
        panel, "US only coal case", Audience(Scope.ORIGINATOR, "US", frozenset(), Tlp.RED)
    )
    client = _client(panel)
    cookie = _login(client, "kr.delegate")
    assert cookie.startswith(f"{COOKIE}=") and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and "Path=/web" in cookie
    page = client.get("/web/")
    assert page.status_code == 200 and "kr.delegate (KR)" in page.text
    assert "Coal via &lt;Nakhodka&gt; &amp; co" in page.text  # escaped, never markup
    assert "US only coal case" not in page.text and secret not in page.text
    assert shared not in page.text  # ids are not shown; titles are
    us = _client(panel)
    _login(us, "us.analyst")
    assert "US only coal case" in us.get("/web/").text


def test_the_cookie_is_not_an_api_credential(panel: Panel) -> None:
    client = _client(panel)
    _login(client, "us.analyst")
    token = client.cookies[COOKIE]
    sent = client.get("/me", headers={"Cookie": f"{COOKIE}={token}"})
    assert sent.status_code == 401  # the API takes bearer tokens only
    assert client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_logout_revokes_the_session(panel: Panel) -> None:
    client = _client(panel)
    _login(client, "us.analyst")
    token = client.cookies[COOKIE]
    assert client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    reply = client.post("/web/logout")
    assert reply.status_code == 303 and reply.headers["location"] == "/web/login"
    assert client.get("/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    client.cookies.set(COOKIE, token, path="/web")
    assert client.get("/web/").status_code == 303  # the old cookie no longer logs in
