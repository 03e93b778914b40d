"""The users page (admin only): every user with role, state, lock and last login; forms to add
a user (the password policy of ``preboard.users`` applies), change a role, deactivate or
reactivate, and unlock. Each change goes through ``service.users_admin``, which audits it.

A form the service refuses (a weak password, a taken name, an admin deactivating themselves)
shows the users page again with the reason, under the refusal's status.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from preboard.service import ConflictError, InvalidValueError
from preboard.service.users_admin import (
    NewUser,
    add_user,
    change_role,
    list_users,
    set_active,
    unlock,
)
from preboard.storage import Database
from preboard.users import PERSON_ROLES, NameTakenError, PasswordPolicyError, Principal, Role
from preboard.web.deps import AdminDep, DatabaseDep
from preboard.web.session import check_csrf
from preboard.web.ui.forms import Csrf
from preboard.web.ui.render import page

router = APIRouter()
ROLES = tuple(r.value for r in Role if r in PERSON_ROLES)
_REFUSED = (ConflictError, InvalidValueError, NameTakenError, PasswordPolicyError)


def _users_page(
    request: Request, database: Database, principal: Principal, error: str = "", status: int = 200
) -> HTMLResponse:
    found = list_users(database, principal)
    now = dt.datetime.now(dt.UTC)
    return page(request, "users.html", status, users=found, roles=ROLES, now=now, error=error,
                principal=principal)  # fmt: skip


def _done() -> RedirectResponse:
    return RedirectResponse("/ui/users", status_code=303)


@router.get("/users", response_class=HTMLResponse)
def users(principal: AdminDep, request: Request, database: DatabaseDep) -> HTMLResponse:
    """Every user with role, active, lock and last login (the read is audited)."""
    return _users_page(request, database, principal)


@router.post("/users", response_model=None)
def create(
    principal: AdminDep,
    request: Request,
    database: DatabaseDep,
    name: Annotated[str, Form(min_length=1, max_length=64)],
    role: Annotated[Role, Form()],
    password: Annotated[str, Form(max_length=1024)],
    csrf: Csrf,
) -> Response:
    """Add a user with an initial password the policy accepts."""
    check_csrf(request, csrf)
    try:
        add_user(database, principal, NewUser(name, role, password))
    except _REFUSED as err:
        return _users_page(request, database, principal, err.detail, err.status)
    return _done()


@router.post("/users/{user_id}/role", response_model=None)
def role(
    principal: AdminDep,
    request: Request,
    database: DatabaseDep,
    user_id: int,
    role: Annotated[Role, Form()],
    csrf: Csrf,
) -> Response:
    """Give the user another role (not one's own)."""
    check_csrf(request, csrf)
    try:
        change_role(database, principal, user_id, role)
    except _REFUSED as err:
        return _users_page(request, database, principal, err.detail, err.status)
    return _done()


@router.post("/users/{user_id}/active", response_model=None)
def active(
    principal: AdminDep,
    request: Request,
    database: DatabaseDep,
    user_id: int,
    active: Annotated[bool, Form()],
    csrf: Csrf,
) -> Response:
    """Deactivate or reactivate the user (never oneself)."""
    check_csrf(request, csrf)
    try:
        set_active(database, principal, user_id, active=active)
    except _REFUSED as err:
        return _users_page(request, database, principal, err.detail, err.status)
    return _done()


@router.post("/users/{user_id}/unlock")
def unlocked(
    principal: AdminDep, request: Request, database: DatabaseDep, user_id: int, csrf: Csrf
) -> RedirectResponse:
    """Lift the lock after failed logins."""
    check_csrf(request, csrf)
    unlock(database, principal, user_id)
    return _done()
