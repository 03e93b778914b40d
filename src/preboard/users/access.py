"""Users and tokens: create a user, log in with lockout, issue, check and revoke tokens.

Each function works on an ``AccessStore`` inside the caller's transaction. ``login`` returns
its outcome instead of raising, so that the caller commits the failure counter before it turns
a failure into ``AuthenticationError`` (``outcome.principal_or_raise()``): a rolled-back
failure would never lock anyone out.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import argon2
import structlog

from preboard.errors import ConfigurationError
from preboard.users import passwords
from preboard.users.errors import AccountLockedError, AuthenticationError, NameTakenError
from preboard.users.lockout import after_failure, after_success
from preboard.users.roles import PERSON_ROLES, Role
from preboard.users.store import AccessStore, UserRecord

__all__ = ["LoginOutcome", "Principal", "create_user", "login", "now_utc", "valid_name"]

log = structlog.get_logger(__name__)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


@functools.lru_cache(maxsize=4)
def _dummy_hash(hasher: argon2.PasswordHasher) -> str:
    """A hash to check unknown users' passwords against, so they take as long as known ones."""
    return passwords.hash_password("not a password: equalises time for unknown users", hasher)


def now_utc() -> dt.datetime:
    """The current instant, aware, in UTC."""
    return dt.datetime.now(dt.UTC)


def valid_name(name: str, what: str = "user") -> str:
    """``name`` stripped when it is a usable user or token name (letters, digits, ``.`` ``_``
    ``@`` ``-``, at most 64); ``ConfigurationError`` otherwise."""
    value = name.strip()
    if not _NAME.match(value):
        raise ConfigurationError(
            f"not a {what} name: {name!r} (1-64 letters, digits, '.', '_', '@' or '-')"
        )
    return value


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is acting: a user (logged in or through a personal token) or a machine token."""

    name: str
    role: Role
    user_id: int | None = None
    token_id: int | None = None
    carrier: str | None = None

    @property
    def actor(self) -> str:
        """How the audit log names this principal (``user:NAME`` or ``token:NAME``)."""
        if self.user_id is not None:
            return f"user:{self.name}"
        return f"token:{self.name}"


@dataclass(frozen=True, slots=True)
class LoginOutcome:
    """The result of a login attempt: a principal, or the failure to raise once committed."""

    principal: Principal | None
    failure: AuthenticationError | None = None

    def principal_or_raise(self) -> Principal:
        """The principal; raises the failure (``AuthenticationError``, ``AccountLockedError``)."""
        if self.principal is None:
            raise self.failure or AuthenticationError("login failed")
        return self.principal


def create_user(
    store: AccessStore,
    name: str,
    role: Role,
    password: str,
    *,
    hasher: argon2.PasswordHasher = passwords.DEFAULT_HASHER,
) -> UserRecord:
    """Store a new user after checking the name, the role (a person's role: carrier and
    intake are token roles) and the password policy."""
    name = valid_name(name).lower()
    if role not in PERSON_ROLES:
        raise ConfigurationError(
            f"{role.value} is a machine role: issue a token with 'preboard tokens add' instead"
        )
    if store.user_by_name(name) is not None:
        raise NameTakenError(f"user {name!r} already exists")
    passwords.check_password(password, name)
    user = store.add_user(name, role, passwords.hash_password(password, hasher), now_utc())
    log.info("users.created", user=user.name, role=role.value)
    return user


def _fail(name: str | None, message: str) -> LoginOutcome:
    # An unknown name is not logged: it may be a password typed into the wrong field.
    log.info("users.login_failed", user=name, known=name is not None)
    return LoginOutcome(None, AuthenticationError(message))


def login(
    store: AccessStore,
    name: str,
    password: str,
    *,
    now: dt.datetime | None = None,
    hasher: argon2.PasswordHasher = passwords.DEFAULT_HASHER,
) -> LoginOutcome:
    """Check a user's password, counting failures: the fifth in a row locks the account for
    ``lockout.LOCK_FOR``, and while locked the password is not checked at all."""
    now = now or now_utc()
    user = store.user_by_name(name.strip())
    if user is None or not user.active:
        # Check against a dummy hash, so an unknown name takes as long as a wrong password.
        passwords.verify_password(_dummy_hash(hasher), password, hasher)
        return _fail(None, "wrong user name or password")
    if user.login.locked(now):
        assert user.login.locked_until is not None
        return LoginOutcome(None, AccountLockedError(user.name, user.login.locked_until))
    if not passwords.verify_password(user.password_hash, password, hasher):
        state = after_failure(user.login, now)
        store.set_login(user.id, state, now, ok=False)
        if state.locked(now):
            assert state.locked_until is not None
            log.warning("users.locked", user=user.name, failures=state.failed)
            return LoginOutcome(None, AccountLockedError(user.name, state.locked_until))
        return _fail(user.name, "wrong user name or password")
    store.set_login(user.id, after_success(user.login, now), now, ok=True)
    if passwords.needs_rehash(user.password_hash, hasher):
        store.set_password_hash(user.id, passwords.hash_password(password, hasher))
    log.info("users.login", user=user.name)
    return LoginOutcome(Principal(user.name, user.role, user_id=user.id))
