"""A panel on each backend (the `panel` fixture of tests/conftest.py): the secretariat and five
member states, with users in every role."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from sanctionwatch.cases import auth, parties
from sanctionwatch.cases.model import Role, User

STATES = {
    "US": "United States",
    "KR": "Republic of Korea",
    "JP": "Japan",
    "AU": "Australia",
    "NZ": "New Zealand",
}
PASSWORD = "correct horse battery staple"


@dataclass
class Panel:
    engine: Engine
    secretariat: User
    users: dict[str, User] = field(default_factory=dict)  # "us.analyst" -> User
    tokens: dict[str, str] = field(default_factory=dict)  # API tokens issued so far

    def __getitem__(self, name: str) -> User:
        return self.users[name]

    def headers(self, user: str | None) -> dict[str, str]:
        """The Authorization header of `user` (a token issued once); none for the public."""
        if user is None:
            return {}
        if user not in self.tokens:
            with self.engine.begin() as conn:
                self.tokens[user] = auth.issue(conn, user, "test", None)
        return {"Authorization": f"Bearer {self.tokens[user]}"}


def make_panel(engine: Engine) -> Panel:
    with engine.begin() as conn:
        sec = parties.bootstrap(conn, "SEC", "Panel secretariat", "sec.admin")
        panel = Panel(engine, sec, {"sec.admin": sec})
        for code, name in STATES.items():
            parties.add_member(conn, sec, code, name)
            admin = parties.add_user(conn, sec, f"{code.lower()}.admin", code, {Role.ADMIN})
            panel.users[admin.name] = admin
            for role in (
                Role.CONTRIBUTOR,
                Role.ANALYST,
                Role.REVIEWER,
                Role.DELEGATE,
                Role.COORDINATOR,
                Role.OBSERVER,
            ):
                u = parties.add_user(conn, admin, f"{code.lower()}.{role.value}", code, {role})
                panel.users[u.name] = u
        for name in ("sec.admin", "us.analyst", "kr.delegate"):
            auth.set_password(conn, panel.users[name], name, PASSWORD)
    return panel
