"""The browser's session: a signed cookie, its authenticator, and CSRF tokens.

    value = SessionSigner(secret).issue(user_id)      # after users.login succeeds
    response.set_cookie(SESSION_COOKIE, value, **cookie_options(request))

The cookie holds ``user_id.issued.nonce.signature`` (HMAC-SHA256 with the app's secret, a
random one per app unless one is given); it is HttpOnly, SameSite=Lax, and Secure when the
request came over HTTPS. It expires after ``SESSION_HOURS``. Login stores the session
(``storage.sessions``: its nonce, user and expiry), and a cookie is a session only while that
row is live: logout revokes it, so a copied cookie is refused at once (401), and
deactivating a user or changing a password revokes all their sessions
(``service.revoke_sessions``). On every request the session and its user are read again in
one query by primary key, so a deactivated user or a changed role takes effect at once.

CSRF: a synchronizer token derived from the session (``csrf_token``: an HMAC of the session's
nonce), put in every form and checked by ``check_csrf``; before login, a double-submit token
(``LOGIN_CSRF_COOKIE`` equal to the form field). API calls that change state with the session
cookie must send the token in ``X-CSRF-Token``; UI forms check it in their handler.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from preboard.service import AccessDeniedError
from preboard.storage import Database
from preboard.storage.sessions import session_user
from preboard.users import Principal

__all__ = [
    "CSRF_HEADER",
    "LOGIN_CSRF_COOKIE",
    "SESSION_COOKIE",
    "SESSION_HOURS",
    "SessionData",
    "SessionSigner",
    "check_csrf",
    "cookie_options",
    "csrf_token",
    "expires_at",
    "session_cookie",
    "session_of",
]

SESSION_COOKIE = "pb_session"
LOGIN_CSRF_COOKIE = "pb_login_csrf"
CSRF_HEADER = "x-csrf-token"
SESSION_HOURS = 8
_SAFE = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class SessionData:
    """What a valid session cookie says."""

    user_id: int
    issued: int
    nonce: str


class SessionSigner:
    """Signs and checks session cookies and derives their CSRF tokens."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._key = secret or secrets.token_bytes(32)

    def _mac(self, text: str) -> str:
        digest = hmac.new(self._key, text.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode().rstrip("=")

    def issue(self, user_id: int, now: float | None = None) -> str:
        """A new session cookie value for the user."""
        return self.issue_session(user_id, now)[0]

    def issue_session(self, user_id: int, now: float | None = None) -> tuple[str, SessionData]:
        """A new session cookie value for the user, and what it says (to store the session)."""
        data = SessionData(user_id, int(now if now is not None else time.time()),
                           secrets.token_hex(16))  # fmt: skip
        body = f"{data.user_id}.{data.issued}.{data.nonce}"
        return f"{body}.{self._mac(body)}", data

    def read(self, value: str, now: float | None = None) -> SessionData | None:
        """The session in ``value``; ``None`` when forged, malformed or expired."""
        body, _, mac = value.rpartition(".")
        if not body or not hmac.compare_digest(mac, self._mac(body)):
            return None
        user, issued, nonce = [*body.split("."), "", ""][:3]
        if not (user.isdigit() and issued.isdigit() and nonce):
            return None
        current = now if now is not None else time.time()
        if not 0 <= current - int(issued) < SESSION_HOURS * 3600:
            return None
        return SessionData(int(user), int(issued), nonce)

    def csrf(self, data: SessionData) -> str:
        """The session's CSRF token."""
        return self._mac(f"csrf:{data.nonce}")


def expires_at(data: SessionData) -> dt.datetime:
    """When the session ends (``SESSION_HOURS`` after it was issued)."""
    return dt.datetime.fromtimestamp(data.issued + SESSION_HOURS * 3600, dt.UTC)


def _signer(request: Request) -> SessionSigner:
    signer: SessionSigner = request.app.state.session_signer
    return signer


def session_of(request: Request) -> SessionData | None:
    """The request's valid session, if any."""
    value = request.cookies.get(SESSION_COOKIE)
    return _signer(request).read(value) if value else None


def csrf_token(request: Request) -> str:
    """The token forms of this request's session must carry (empty without a session)."""
    data = session_of(request)
    return _signer(request).csrf(data) if data else ""


def check_csrf(request: Request, sent: str | None) -> None:
    """``AccessDeniedError`` (403) unless ``sent`` is the session's CSRF token."""
    expected = csrf_token(request)
    if not expected or not sent or not hmac.compare_digest(expected, sent):
        raise AccessDeniedError("the form has expired or did not come from this site")


def cookie_options(request: Request) -> dict[str, Any]:
    """HttpOnly, SameSite=Lax, Secure over HTTPS, for the whole site."""
    secure = request.url.scheme == "https"
    return {"httponly": True, "samesite": "lax", "secure": secure, "path": "/"}


def session_cookie(request: Request, database: Database) -> Principal | None:
    """The principal of a valid, live session cookie: the user as stored now (inactive, or
    the session revoked or expired: none). An API call that changes state must carry the CSRF
    token in ``X-CSRF-Token``."""
    data = session_of(request)
    if data is None:
        return None
    with database.session() as session:
        user = session_user(session, data.nonce, data.user_id, dt.datetime.now(dt.UTC))
        if user is None:
            return None
        principal = Principal(user.name, user.role, user_id=user.id)
    if request.method not in _SAFE and request.url.path.startswith("/api/"):
        check_csrf(request, request.headers.get(CSRF_HEADER))
    return principal
