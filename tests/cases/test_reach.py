"""The reach index: kept with every object and release, equal to a rebuild, same as may_read."""

from __future__ import annotations

from sqlalchemy import Connection, select

from sanctionwatch.cases import access, reach, releases, tables
from sanctionwatch.cases.model import Audience, Scope, Tlp, User
from sanctionwatch.cases.stored import load_audience, released_audience
from tests.cases.conftest import Panel
from tests.cases.scenario import build, draft, only


def _index(conn: Connection) -> set[tuple[str, str, str, str]]:
    return {tuple(r) for r in conn.execute(select(tables.reach))}


def test_index_is_kept_with_objects_and_releases_and_equals_a_rebuild(panel: Panel) -> None:
    world = build(panel)
    secret = draft(world, f"Fact {world.cite('us_secret')}.", audience=only("US"))
    with panel.engine.begin() as conn:
        releases.release(conn, panel["us.coordinator"], secret.id, only("US", "KR"), "review")
    with panel.engine.begin() as conn:
        kept = _index(conn)
        objects = sum(len(conn.execute(select(t.c.id)).all()) for t in tables.WITH_AUDIENCE)
        assert len(kept) == objects > 0
        assert (secret.id, "members", "US", "|KR|") in kept
        assert reach.rebuild(conn) == objects
        assert _index(conn) == kept


def test_visible_agrees_with_may_read_for_every_user(panel: Panel) -> None:
    world = build(panel)
    draft(world, f"Fact {world.cite('us_secret')}.", audience=only("US"))
    users: list[User | None] = [None, panel.secretariat, *panel.users.values()]
    with panel.engine.connect() as conn:
        for table in tables.WITH_AUDIENCE:
            query = select(table.c.id, released_audience(table).label("audience"))
            rows = [dict(r) for r in conn.execute(query).mappings()]
            for user in users:
                expected = {
                    r["id"] for r in rows if access.may_read(user, load_audience(r["audience"]))
                }
                query = (
                    select(table.c.id)
                    .join(tables.reach, tables.reach.c.target == table.c.id)
                    .where(reach.visible(user))
                )
                assert set(conn.execute(query).scalars()) == expected, (table.name, user)


def test_member_codes_are_matched_whole(panel: Panel) -> None:
    """A member code inside another ("U" in "|US|") or holding LIKE wildcards matches nothing."""
    audience = Audience(Scope.MEMBERS, "US", frozenset({"KR"}), Tlp.AMBER)
    with panel.engine.begin() as conn:
        conn.execute(tables.reach.insert().values(target="t-1", **reach.columns_of(audience)))
        for code, seen in (("KR", True), ("K", False), ("%", False), ("_R", False)):
            query = select(tables.reach.c.target).where(
                tables.reach.c.target == "t-1", reach.visible(User("x", code, frozenset()))
            )
            assert (conn.execute(query).scalar() is not None) is seen, code
        conn.rollback()
