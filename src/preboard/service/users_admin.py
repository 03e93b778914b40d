"""Users as an admin manages them: list, add (the password policy of ``preboard.users``),
change a role, deactivate or reactivate, unlock after repeated failed logins.

Every change is audited in the same transaction (``user.create``, ``user.role``,
``user.deactivate``, ``user.reactivate``, ``user.unlock``), and so is the list. An admin cannot
deactivate themselves nor change their own role, so the acting admin always remains. Records
never hold a password or its hash.

    users = list_users(database, admin)
    user = add_user(database, admin, NewUser("olga", Role.OFFICER, "a long passphrase 42"))
    change_role(database, admin, user.id, Role.SUPERVISOR)
    set_active(database, admin, user.id, active=False)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import argon2
from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.errors import ConfigurationError, NotFoundError
from preboard.service.errors import ConflictError, InvalidValueError
from preboard.service.guards import person_id
from preboard.service.trail import record
from preboard.storage import Database, SqlAccessStore
from preboard.storage.sessions import revoke_user_sessions
from preboard.storage.tables import UserRow
from preboard.users import PERSON_ROLES, LoginState, Principal, Role, create_user, now_utc
from preboard.users.passwords import DEFAULT_HASHER

__all__ = ["NewUser", "UserView", "add_user", "change_role", "list_users", "set_active", "unlock"]


@dataclass(frozen=True, slots=True)
class UserView:
    """A user as the admin sees them (never the password hash)."""

    id: int
    name: str
    role: str
    active: bool
    failed_logins: int
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    created_at: dt.datetime

    def locked(self, now: dt.datetime) -> bool:
        """Whether logins are refused at ``now``."""
        return LoginState(self.failed_logins, self.locked_until).locked(now)


@dataclass(frozen=True, slots=True)
class NewUser:
    """A user to add: a name, a person's role and an initial password."""

    name: str
    role: Role
    password: str


def _view(row: UserRow) -> UserView:
    return UserView(
        row.id, row.name, row.role.value, row.active, row.failed_logins, row.locked_until,
        row.last_login_at, row.created_at,
    )  # fmt: skip


def _user(session: Session, user_id: int) -> UserRow:
    row = session.get(UserRow, user_id)
    if row is None:
        raise NotFoundError(f"no user {user_id}")
    return row


def list_users(database: Database, principal: Principal) -> list[UserView]:
    """Every user, by name; the read is audited."""
    with database.write() as session:
        views = [_view(r) for r in session.scalars(select(UserRow).order_by(UserRow.name))]
        record(session, principal, "users.list", "users", results=len(views))
        return views


def add_user(
    database: Database,
    principal: Principal,
    new: NewUser,
    *,
    hasher: argon2.PasswordHasher = DEFAULT_HASHER,
) -> UserView:
    """Store a new active user. ``InvalidValueError`` for an unusable name or a machine role,
    ``PasswordPolicyError`` (422) for a password the policy refuses, ``NameTakenError`` (409)."""
    person_id(principal)
    with database.write() as session:
        try:
            made = create_user(SqlAccessStore(session), new.name, new.role, new.password,
                               hasher=hasher)  # fmt: skip
        except ConfigurationError as err:
            raise InvalidValueError(err.detail) from None
        record(session, principal, "user.create", f"user:{made.id}", name=made.name,
               role=made.role)  # fmt: skip
        return _view(_user(session, made.id))


def change_role(database: Database, principal: Principal, user_id: int, role: Role) -> UserView:
    """Give the user another person's role; not the acting admin's own."""
    if role not in PERSON_ROLES:
        raise InvalidValueError(f"{role.value} is a machine role, not a person's")
    if person_id(principal) == user_id:
        raise ConflictError("an admin cannot change their own role")
    with database.write() as session:
        row = _user(session, user_id)
        before, row.role = row.role, role
        session.flush()
        record(session, principal, "user.role", f"user:{row.id}", name=row.name,
               before=before, role=role)  # fmt: skip
        return _view(row)


def set_active(database: Database, principal: Principal, user_id: int, *, active: bool) -> UserView:
    """Deactivate (their sessions and personal tokens stop working at once) or reactivate the
    user; an admin cannot deactivate themselves."""
    if person_id(principal) == user_id and not active:
        raise ConflictError("an admin cannot deactivate themselves")
    with database.write() as session:
        row = _user(session, user_id)
        row.active = active
        if not active:  # a copied cookie must not outlive the account
            revoke_user_sessions(session, row.id, now_utc())
        session.flush()
        action = "user.reactivate" if active else "user.deactivate"
        record(session, principal, action, f"user:{row.id}", name=row.name)
        return _view(row)


def unlock(database: Database, principal: Principal, user_id: int) -> UserView:
    """Lift a lock after failed logins and reset the failure count."""
    person_id(principal)
    with database.write() as session:
        row = _user(session, user_id)
        before = row.failed_logins
        SqlAccessStore(session).set_login(row.id, LoginState(), now_utc(), ok=False)
        session.refresh(row)
        record(session, principal, "user.unlock", f"user:{row.id}", name=row.name,
               failed=before)  # fmt: skip
        return _view(row)
