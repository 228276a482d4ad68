"""Wire schemas of the parties and login endpoints."""

from __future__ import annotations

from pydantic import BaseModel, Field

from sanctionwatch.cases.model import PartyKind, Role


class Login(BaseModel):
    user: str = Field(max_length=63)
    password: str = Field(max_length=1024)


class TokenRequest(BaseModel):
    label: str = Field("api", max_length=255)
    days: int | None = Field(None, ge=1, le=3650, description="lifetime; none: until revoked")


class TokenOut(BaseModel):
    token: str
    user: str


class MemberIn(BaseModel):
    code: str = Field(max_length=8)
    name: str = Field(max_length=255)


class MemberOut(BaseModel):
    code: str
    name: str
    kind: PartyKind


class UserIn(BaseModel):
    name: str = Field(max_length=63)
    member: str = Field(max_length=8)
    roles: list[Role] = Field(default_factory=list, max_length=7)
    display_name: str = Field("", max_length=255)
    password: str | None = Field(None, max_length=1024)


class UserOut(BaseModel):
    name: str
    member: str
    roles: list[Role]


class RoleChange(BaseModel):
    role: Role
    granted: bool = True


class PasswordIn(BaseModel):
    password: str = Field(max_length=1024)
