"""Login, logout and the language setting.

Login checks the password with ``users.login`` (five failures in a row lock the account),
stores the new session (``storage.sessions``) in the same transaction as the outcome, then sets
the session cookie; the form carries a double-submit CSRF token (``LOGIN_CSRF_COOKIE``). Logout
revokes the session, so a copy of the cookie no longer works, and clears the cookie. The
language form stores the user's choice.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import update

from preboard.service import AccessDeniedError
from preboard.storage import SqlAccessStore
from preboard.storage.sessions import open_ui_session, revoke_ui_session
from preboard.storage.tables import UserRow
from preboard.users import AccountLockedError, Principal, Role, login, now_utc
from preboard.web.auth import Allow
from preboard.web.deps import AnyoneDep, DatabaseDep
from preboard.web.session import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SessionSigner,
    check_csrf,
    cookie_options,
    expires_at,
    session_of,
)
from preboard.web.ui.render import LANGUAGE_COOKIE, LANGUAGES, page

router = APIRouter()
PersonDep = Annotated[Principal, Depends(Allow(*Role))]
_LANGUAGE_AGE = 365 * 24 * 3600


def login_page(request: Request, status: int = 200, error: str = "") -> HTMLResponse:
    """The login form with a fresh double-submit token (also shown, with 401, in place of a
    page that needs a session)."""
    token = secrets.token_urlsafe(24)
    target = _safe_next(request.url.path)
    response = page(request, "login.html", status, login_csrf=token, error=error, next=target)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, **cookie_options(request))
    return response


@router.get("/login", response_class=HTMLResponse)
def get_login(_anyone: AnyoneDep, request: Request) -> HTMLResponse:
    """The login form."""
    return login_page(request)


HOMES = {
    Role.ADMIN: "/ui/users",
    Role.ANALYST: "/ui/rules",
    Role.AUDITOR: "/ui/audit",
    Role.CARRIER: "/ui/carrier",
}


def _safe_next(target: str) -> str:
    """A page of the UI to go to after login (never the login page, never another site)."""
    usable = target.startswith("/ui/") and "//" not in target and "\\" not in target
    return target if usable and not target.startswith("/ui/login") else "/ui/"


@router.post("/login", response_model=None)
def post_login(
    _anyone: AnyoneDep,
    request: Request,
    database: DatabaseDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf: Annotated[str, Form(max_length=64)],
    next: Annotated[str, Form(max_length=300)] = "/ui/",
) -> Response:
    """Check the password; on success set the session (and language) cookies."""
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf):
        raise AccessDeniedError("the form has expired or did not come from this site")
    signer: SessionSigner = request.app.state.session_signer
    with database.write() as session:
        now = now_utc()
        outcome = login(SqlAccessStore(session), name, password, now=now)
        user = session.get(UserRow, outcome.principal.user_id) if outcome.principal else None
        language = user.language if user else None
        if user is not None:
            cookie, data = signer.issue_session(user.id, now.timestamp())
            open_ui_session(session, data.nonce, user.id, created_at=now,
                            expires_at=expires_at(data))  # fmt: skip
    if user is None:
        locked = isinstance(outcome.failure, AccountLockedError)
        return login_page(request, 423 if locked else 401, "locked" if locked else "wrong")
    target = _safe_next(next)
    if target == "/ui/":  # the departures board is the officers'; others start at their page
        target = HOMES.get(user.role, target)
    response = RedirectResponse(target, status_code=303)
    options = cookie_options(request)
    response.set_cookie(SESSION_COOKIE, cookie, **options)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    if language in LANGUAGES:
        response.set_cookie(LANGUAGE_COOKIE, str(language), max_age=_LANGUAGE_AGE, **options)
    return response


@router.post("/logout")
def post_logout(
    _principal: PersonDep,
    request: Request,
    database: DatabaseDep,
    csrf: Annotated[str, Form(max_length=64)],
) -> RedirectResponse:
    """End the session: revoked on the server, so a copy of the cookie stops working too
    (a machine token has no session to end)."""
    check_csrf(request, csrf)
    if (data := session_of(request)) is not None:
        with database.write() as session:
            revoke_ui_session(session, data.nonce, now_utc())
    response = RedirectResponse("/ui/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/language")
def post_language(
    principal: PersonDep,
    request: Request,
    database: DatabaseDep,
    language: Annotated[str, Form(pattern="^(en|es)$")],
    csrf: Annotated[str, Form(max_length=64)],
) -> RedirectResponse:
    """Store the user's language (machine tokens only get the cookie)."""
    check_csrf(request, csrf)
    if principal.user_id is not None:
        with database.write() as session:
            stmt = update(UserRow).where(UserRow.id == principal.user_id)
            session.execute(stmt.values(language=language))
    referer = request.headers.get("referer", "")
    target = referer[referer.find("/ui/") :] if "/ui/" in referer else "/ui/"
    response = RedirectResponse(_safe_next(target), status_code=303)
    response.set_cookie(LANGUAGE_COOKIE, language, max_age=_LANGUAGE_AGE, **cookie_options(request))
    return response
