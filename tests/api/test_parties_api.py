"""Logging in, tokens, members and users over HTTP, on both databases."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sanctionwatch.api.app import create_app
from tests.cases.conftest import PASSWORD, Panel


def _login(client: TestClient, user: str) -> dict[str, str]:
    reply = client.post("/auth/login", json={"user": user, "password": PASSWORD})
    assert reply.status_code == 200, reply.text
    return {"Authorization": f"Bearer {reply.json()['token']}"}


def test_login_me_and_tokens(panel: Panel) -> None:
    client = TestClient(create_app(panel.engine))
    assert (
        client.post("/auth/login", json={"user": "us.analyst", "password": "x" * 12}).status_code
        == 401
    )
    assert (
        client.post("/auth/login", json={"user": "ghost", "password": PASSWORD}).status_code == 401
    )
    assert client.get("/me").status_code == 401
    assert client.get("/me", headers={"Authorization": "Bearer sw_nonsense"}).status_code == 401
    headers = _login(client, "us.analyst")
    assert client.get("/me", headers=headers).json() == {
        "name": "us.analyst",
        "member": "US",
        "roles": ["analyst"],
    }
    token = client.post("/auth/tokens", headers=headers, json={"label": "script", "days": 30})
    api = {"Authorization": f"Bearer {token.json()['token']}"}
    assert client.get("/me", headers=api).json()["name"] == "us.analyst"


def test_admins_manage_users_of_their_member(panel: Panel) -> None:
    client = TestClient(create_app(panel.engine))
    sec = _login(client, "sec.admin")
    made = client.post("/members", headers=sec, json={"code": "GB", "name": "United Kingdom"})
    assert made.status_code == 201
    body = {"name": "gb.admin", "member": "GB", "roles": ["admin"], "password": PASSWORD}
    assert client.post("/users", headers=sec, json=body).status_code == 201
    gb = _login(client, "gb.admin")
    body = {"name": "gb.analyst", "member": "GB", "roles": ["analyst"]}
    assert client.post("/users", headers=gb, json=body).status_code == 201
    body = {"name": "us.intruder", "member": "US", "roles": ["admin"]}
    assert client.post("/users", headers=gb, json=body).status_code == 403
    analyst = _login(client, "us.analyst")
    assert (
        client.post("/members", headers=analyst, json={"code": "FR", "name": "France"}).status_code
        == 403
    )
    codes = [m["code"] for m in client.get("/members", headers=gb).json()]
    assert codes == ["AU", "GB", "JP", "KR", "NZ", "SEC", "US"]
    role = client.post("/users/gb.analyst/roles", headers=gb, json={"role": "delegate"})
    assert role.json()["roles"] == ["analyst", "delegate"]


def test_nul_characters_are_refused_at_the_edge(panel: Panel) -> None:
    client = TestClient(create_app(panel.engine))
    assert client.get("/maritime/events", params={"type": "\x00"}).status_code == 400
    reply = client.post("/auth/login", json={"user": "us\x00analyst", "password": PASSWORD})
    assert reply.status_code == 400
    assert reply.json()["detail"] == "text may not contain NUL characters"
    assert client.post("/auth/login", json={"user": "us.analyst", "password": PASSWORD}).is_success
