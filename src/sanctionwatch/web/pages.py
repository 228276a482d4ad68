"""The pages: log in, the cases you may read, log out.

A login issues the same 12-hour token as `POST /auth/login`; the page keeps it in the
`sw_session` cookie and logging out revokes it. A page without a valid cookie sends the
browser to the login page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sanctionwatch.cases import auth, casework
from sanctionwatch.cases.model import User
from sanctionwatch.errors import AuthError

COOKIE = "sw_session"
_PAGES = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True),
)
router = APIRouter(prefix="/web", include_in_schema=False)
Session = Annotated[str | None, Cookie(alias=COOKIE)]


def _page(template: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = _PAGES.get_template(template).render(**values)
    return HTMLResponse(html, status, headers={"Cache-Control": "no-store"})


def _user(request: Request, token: str | None) -> User | None:
    if not token:
        return None
    try:
        with request.app.state.reader.connect() as conn:
            return auth.authenticate(conn, token)
    except AuthError:
        return None


@router.get("/login")
def login_form(request: Request, session: Session = None) -> Response:
    if _user(request, session) is not None:
        return RedirectResponse("/web/", 303)
    return _page("login.html", title="Log in", name="")


@router.post("/login")
def login(
    request: Request, user: Annotated[str, Form()], password: Annotated[str, Form()]
) -> Response:
    """Check the password (argon2id: in the thread pool) and set the session cookie."""
    try:
        with request.app.state.engine.begin() as conn:
            token = auth.login(conn, user, password)
    except AuthError as e:
        return _page("login.html", 401, title="Log in", name=user, error=str(e))
    page = RedirectResponse("/web/", 303)
    secure = request.url.scheme == "https"
    page.set_cookie(
        COOKIE,
        token,
        max_age=int(auth.SESSION.total_seconds()),
        httponly=True,
        samesite="strict",
        secure=secure,
        path="/web",
    )
    return page


@router.get("/")
def cases(request: Request, session: Session = None) -> Response:
    """The cases the logged-in user may read, oldest first."""
    user = _user(request, session)
    if user is None:
        return RedirectResponse("/web/login", 303)
    with request.app.state.reader.connect() as conn:
        found, total = casework.page_cases(conn, user, limit=200)
    return _page("cases.html", title="Cases", user=user, cases=found, total=total)


@router.post("/logout")
def logout(request: Request, session: Session = None) -> Response:
    """Revoke the session's token and forget the cookie."""
    if session:
        with request.app.state.engine.begin() as conn:
            auth.revoke(conn, session)
    page = RedirectResponse("/web/login", 303)
    page.delete_cookie(COOKIE, path="/web")
    return page
