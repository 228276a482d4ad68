"""Sources and their Admiralty grades, on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from sanctionwatch.cases import sources
from sanctionwatch.cases.model import Audience, Reliability, Scope, Tlp
from sanctionwatch.errors import ForbiddenError, InputError, NotFoundError
from sanctionwatch.ledger.verify import verify
from tests.cases.conftest import Panel

US_ONLY = Audience(Scope.ORIGINATOR, "US", frozenset(), Tlp.RED)
US_KR = Audience(Scope.MEMBERS, "US", frozenset({"KR"}), Tlp.AMBER)
ALL = Audience(Scope.ALL, "US", frozenset(), Tlp.AMBER)


def test_add_grade_and_read(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        src = sources.add(conn, panel["us.contributor"], "HUMINT-7", "a port agent", None, US_KR)
        assert src.reliability is None and src.created_by == "us.contributor"
        graded = sources.grade_source(
            conn, panel["kr.analyst"], src.id, Reliability.B, "track record"
        )
        assert graded.reliability is Reliability.B
        assert (graded.graded_by, graded.audience) == ("kr.analyst", US_KR)
        again = sources.grade_source(conn, panel["us.reviewer"], src.id, Reliability.C, "one miss")
        assert again.reliability is Reliability.C and again.graded_by == "us.reviewer"
        assert again.graded_at is not None and graded.graded_at is not None
        assert again.graded_at >= graded.graded_at
        assert sources.get(conn, panel["kr.observer"], src.id) == again


def test_unreadable_source_is_not_found_and_roles_are_forbidden(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        src = sources.add(conn, panel["us.analyst"], "SIGINT", "intercepts", Reliability.A, US_ONLY)
        missing = "src-" + "0" * 32
        for name in ("kr.analyst", "sec.admin"):
            with pytest.raises(NotFoundError) as hidden:
                sources.get(conn, panel[name], src.id)
            with pytest.raises(NotFoundError) as absent:
                sources.get(conn, panel[name], missing)
            assert str(hidden.value) == str(absent.value).replace(missing, src.id)
        with pytest.raises(NotFoundError):
            sources.grade_source(conn, panel["kr.analyst"], src.id, Reliability.E, "guess")
        with pytest.raises(ForbiddenError):
            sources.grade_source(conn, panel["us.observer"], src.id, Reliability.E, "guess")
        with pytest.raises(NotFoundError):
            sources.get(conn, None, src.id)
        with pytest.raises(ForbiddenError):
            sources.add(conn, panel["us.observer"], "x", "", None, US_ONLY)


def test_lists_hold_only_readable_sources(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        a = sources.add(conn, panel["us.analyst"], "a", "", None, US_ONLY)
        b = sources.add(conn, panel["us.analyst"], "b", "", Reliability.B, US_KR)
        c = sources.add(conn, panel["us.analyst"], "c", "", None, ALL)
        public = Audience(Scope.PUBLIC, "JP", frozenset(), Tlp.CLEAR)
        d = sources.add(conn, panel["jp.contributor"], "d", "", None, public)
        ids = lambda user: [s.id for s in sources.list_sources(conn, user)]  # noqa: E731
        assert ids(panel["us.observer"]) == [a.id, b.id, c.id, d.id]
        assert ids(panel["kr.observer"]) == [b.id, c.id, d.id]
        assert ids(panel["nz.observer"]) == [c.id, d.id]
        assert ids(None) == [d.id]
        assert sources.list_sources(conn, panel["kr.observer"])[0].reliability is Reliability.B


def test_audience_is_checked_and_owned(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        kr = Audience(Scope.ALL, "KR", frozenset(), Tlp.AMBER)
        with pytest.raises(InputError, match="originator"):
            sources.add(conn, panel["us.analyst"], "x", "", None, kr)
        with pytest.raises(InputError, match="CLEAR"):
            sources.add(
                conn, panel["us.analyst"], "x", "", None, Audience(Scope.ALL, "US", tlp=Tlp.CLEAR)
            )
        with pytest.raises(InputError, match="name"):
            sources.add(conn, panel["us.analyst"], " ", "", None, ALL)


def test_ledger_covers_sources_and_grades(panel: Panel) -> None:
    with panel.engine.begin() as conn:
        src = sources.add(conn, panel["us.analyst"], "imagery", "", Reliability.B, ALL)
        sources.grade_source(conn, panel["jp.analyst"], src.id, Reliability.A, "confirmed")
    with panel.engine.begin() as conn:
        assert verify(conn).ok
        entry = conn.execute(text("SELECT entry FROM cs_grades WHERE note = 'confirmed'")).scalar()
        conn.execute(text("UPDATE cs_grades SET grade = 'F' WHERE note = 'confirmed'"))
        report = verify(conn)
        assert not report.ok
        assert [p.index for p in report.problems] == [entry]
        assert "cases.change" in str(report.problems[0])
