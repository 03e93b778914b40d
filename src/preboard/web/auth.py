"""Who is calling, and whether their role may call this route.

Every route declares the roles it allows in one place, a dependency on its first parameter:

    @router.get("/audit")
    def read(principal: Annotated[Principal, Depends(Allow(Role.AUDITOR))], ...) -> ...

``Allow`` finds the principal through the app's authenticators, in order (bearer tokens now;
a session cookie can be added to ``app.state.authenticators`` without touching a route):
no principal is 401; a principal whose role is not allowed is 403, and the refusal is audited.
``Public`` marks the few routes anyone may call. ``create_app`` refuses to build an app with a
route that declares neither (``rules.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from preboard.service import AccessDeniedError, denied
from preboard.storage import Database, SqlAccessStore
from preboard.users import AuthenticationError, Principal, Role, authenticate_token

__all__ = ["Allow", "Authenticator", "Public", "authenticate", "bearer_token"]

Authenticator = Callable[[Request, Database], Principal | None]
"""Finds the principal of a request, or ``None`` when the request carries no credentials of
its kind; raises ``AuthenticationError`` for credentials that are wrong."""

_BEARER = HTTPBearer(auto_error=False, description="an intake, carrier or personal token")


class _ReadOnlyAccess(SqlAccessStore):
    """Looks tokens up in a read transaction and keeps the "last used" touch for later: a
    read transaction that turns into a write fails on SQLite when another writer committed
    meanwhile, so the touch (at most once a minute per token) gets a write transaction."""

    touched: tuple[int, dt.datetime] | None = None

    def touch_token(self, token_id: int, now: dt.datetime) -> None:
        self.touched = (token_id, now)


def bearer_token(request: Request, database: Database) -> Principal | None:
    """The principal of an ``Authorization: Bearer`` token (never logged)."""
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return None
    with database.session() as session:
        store = _ReadOnlyAccess(session)
        principal = authenticate_token(store, secret.strip())
    if store.touched is not None:
        with database.write() as session:
            SqlAccessStore(session).touch_token(*store.touched)
    return principal


def authenticate(request: Request) -> Principal:
    """The principal the request acts as; ``AuthenticationError`` when there is none."""
    state = request.app.state
    authenticators: tuple[Authenticator, ...] = state.authenticators
    for find in authenticators:
        principal = find(request, state.database)
        if principal is not None:
            return principal
    raise AuthenticationError("authentication required: send an access token as a bearer token")


class Allow:
    """The roles that may call a route; the dependency gives the route its ``Principal``."""

    def __init__(self, *roles: Role) -> None:
        if not roles:
            raise ValueError("a route allows at least one role (or is Public)")
        self.roles = frozenset(roles)

    def __repr__(self) -> str:
        return f"Allow({', '.join(sorted(r.value for r in self.roles))})"

    def __call__(
        self,
        request: Request,
        _credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
    ) -> Principal:
        principal = authenticate(request)
        if principal.role not in self.roles:
            denied(request.app.state.database, principal, request.method, request.url.path)
            raise AccessDeniedError(
                f"the {principal.role.value} role may not do this",
                {"allowed": sorted(r.value for r in self.roles)},
            )
        return principal


class Public:
    """A route anyone may call without credentials (the health check)."""

    roles = frozenset(Role)

    def __repr__(self) -> str:
        return "Public()"

    def __call__(self) -> None:
        return None
