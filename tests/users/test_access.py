"""Users in the database: creation, roles, login with lockout after 5 failures."""

from __future__ import annotations

import datetime as dt

import argon2
import pytest

from preboard.errors import ConfigurationError
from preboard.storage import Database, SqlAccessStore
from preboard.users import (
    LOCK_FOR,
    MAX_FAILURES,
    PERSON_ROLES,
    AccountLockedError,
    AuthenticationError,
    LoginOutcome,
    NameTakenError,
    PasswordPolicyError,
    Role,
    create_user,
    login,
)
from preboard.users.passwords import verify_password

PASSWORD = "Tulum-Sunrise-7"
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def test_roles_are_those_of_the_domain() -> None:
    assert [r.value for r in Role] == [
        "officer",
        "supervisor",
        "analyst",
        "auditor",
        "admin",
        "carrier",
        "intake",
    ]
    assert Role.CARRIER not in PERSON_ROLES and Role.INTAKE not in PERSON_ROLES


def test_user_is_stored_with_an_argon2_hash_and_a_lower_case_name(
    database: Database, hasher: argon2.PasswordHasher
) -> None:
    with database.write() as session:
        user = create_user(
            SqlAccessStore(session), "Ana.Garcia", Role.SUPERVISOR, PASSWORD, hasher=hasher
        )
    assert user.name == "ana.garcia"
    with database.session() as session:
        stored = SqlAccessStore(session).user_by_name("ANA.GARCIA")
    assert stored is not None
    assert stored.role is Role.SUPERVISOR
    assert stored.password_hash.startswith("$argon2id$")
    assert verify_password(stored.password_hash, PASSWORD, hasher)


def test_refusals_say_why(database: Database, hasher: argon2.PasswordHasher) -> None:
    with database.write() as session:
        store = SqlAccessStore(session)
        create_user(store, "ana", Role.OFFICER, PASSWORD, hasher=hasher)
        with pytest.raises(NameTakenError, match="already exists"):
            create_user(store, "ANA", Role.OFFICER, PASSWORD, hasher=hasher)
        with pytest.raises(ConfigurationError, match="machine role"):
            create_user(store, "feed", Role.INTAKE, PASSWORD, hasher=hasher)
        with pytest.raises(ConfigurationError, match="not a user name"):
            create_user(store, "ana garcia", Role.OFFICER, PASSWORD, hasher=hasher)
        with pytest.raises(PasswordPolicyError, match="contains the user name"):
            create_user(store, "bruno", Role.OFFICER, "bruno-Sunrise-7", hasher=hasher)


def _attempt(
    database: Database, password: str, hasher: argon2.PasswordHasher, now: dt.datetime
) -> LoginOutcome:
    with database.write() as session:
        outcome = login(SqlAccessStore(session), "ana", password, now=now, hasher=hasher)
    return outcome  # committed before the caller raises


def test_fifth_failed_login_locks_even_the_right_password_out(
    database: Database, hasher: argon2.PasswordHasher
) -> None:
    with database.write() as session:
        create_user(SqlAccessStore(session), "ana", Role.OFFICER, PASSWORD, hasher=hasher)
    for attempt in range(1, MAX_FAILURES + 1):
        outcome = _attempt(database, "wrong-Password-1", hasher, NOW)
        expected = AccountLockedError if attempt == MAX_FAILURES else AuthenticationError
        assert type(outcome.failure) is expected
    locked = _attempt(database, PASSWORD, hasher, NOW + dt.timedelta(minutes=1))
    with pytest.raises(AccountLockedError, match="locked until") as caught:
        locked.principal_or_raise()
    assert caught.value.until == NOW + LOCK_FOR
    after = _attempt(database, PASSWORD, hasher, NOW + LOCK_FOR)
    assert after.principal_or_raise().role is Role.OFFICER
    with database.session() as session:
        user = SqlAccessStore(session).user_by_name("ana")
    assert user is not None and user.login.failed == 0 and user.login.locked_until is None


def test_unknown_user_and_wrong_password_read_alike(
    database: Database, hasher: argon2.PasswordHasher
) -> None:
    with database.write() as session:
        create_user(SqlAccessStore(session), "ana", Role.OFFICER, PASSWORD, hasher=hasher)
        unknown = login(SqlAccessStore(session), "nobody", PASSWORD, now=NOW, hasher=hasher)
        wrong = login(SqlAccessStore(session), "ana", "wrong-Password-1", now=NOW, hasher=hasher)
    assert unknown.failure is not None and wrong.failure is not None
    assert unknown.failure.detail == wrong.failure.detail == "wrong user name or password"
    assert unknown.failure.status == 401


def test_successful_login_gives_the_users_principal(
    database: Database, hasher: argon2.PasswordHasher
) -> None:
    with database.write() as session:
        user = create_user(SqlAccessStore(session), "ana", Role.ANALYST, PASSWORD, hasher=hasher)
        principal = login(
            SqlAccessStore(session), "Ana", PASSWORD, now=NOW, hasher=hasher
        ).principal_or_raise()
    assert (principal.name, principal.role, principal.user_id) == ("ana", Role.ANALYST, user.id)
    assert principal.actor == "user:ana"
