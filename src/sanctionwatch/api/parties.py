"""Logging in, API tokens, members and users over HTTP."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request

from sanctionwatch.api.auth import Actor, engine, reader
from sanctionwatch.api.party_schemas import (
    Login,
    MemberIn,
    MemberOut,
    PasswordIn,
    RoleChange,
    TokenOut,
    TokenRequest,
    UserIn,
    UserOut,
)
from sanctionwatch.cases import auth, parties
from sanctionwatch.cases.model import User

router = APIRouter(tags=["parties"])


def _user(user: User) -> UserOut:
    return UserOut(name=user.name, member=user.member, roles=sorted(user.roles))


@router.post("/auth/login")
def login(request: Request, body: Login) -> TokenOut:
    """A session token (12 hours) for a user name and password."""
    with engine(request).begin() as conn:
        return TokenOut(token=auth.login(conn, body.user, body.password), user=body.user)


@router.post("/auth/tokens")
async def new_token(request: Request, actor: Actor, body: TokenRequest) -> TokenOut:
    """An API token for the calling user (shown once)."""
    lifetime = None if body.days is None else timedelta(days=body.days)
    with engine(request).begin() as conn:
        return TokenOut(token=auth.issue(conn, actor.name, body.label, lifetime), user=actor.name)


@router.get("/me")
async def me(actor: Actor) -> UserOut:
    return _user(actor)


@router.get("/members")
async def list_members(request: Request, actor: Actor) -> list[MemberOut]:
    with reader(request).connect() as conn:
        return [MemberOut(code=m.code, name=m.name, kind=m.kind) for m in parties.members(conn)]


@router.post("/members", status_code=201)
def add_member(request: Request, actor: Actor, body: MemberIn) -> MemberOut:
    with engine(request).begin() as conn:
        m = parties.add_member(conn, actor, body.code, body.name)
    return MemberOut(code=m.code, name=m.name, kind=m.kind)


@router.get("/users")
async def list_users(request: Request, actor: Actor, member: str | None = None) -> list[UserOut]:
    with reader(request).connect() as conn:
        return [_user(u) for u in parties.users(conn, member)]


@router.post("/users", status_code=201)
def add_user(request: Request, actor: Actor, body: UserIn) -> UserOut:
    with engine(request).begin() as conn:
        user = parties.add_user(
            conn, actor, body.name, body.member, set(body.roles), body.display_name
        )
        if body.password is not None:
            auth.set_password(conn, actor, user.name, body.password)
    return _user(user)


@router.post("/users/{name}/roles")
async def change_role(request: Request, actor: Actor, name: str, body: RoleChange) -> UserOut:
    with engine(request).begin() as conn:
        return _user(parties.set_role(conn, actor, name, body.role, body.granted))


@router.post("/users/{name}/password", status_code=204)
def set_password(request: Request, actor: Actor, name: str, body: PasswordIn) -> None:
    with engine(request).begin() as conn:
        auth.set_password(conn, actor, name, body.password)
