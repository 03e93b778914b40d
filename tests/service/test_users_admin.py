"""Users as an admin manages them (``service.users_admin``), on both databases: each change
audited in its transaction, the password policy of ``preboard.users`` applied, and an admin
kept from deactivating or demoting themselves."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from preboard.errors import NotFoundError
from preboard.service import AccessDeniedError, ConflictError, InvalidValueError
from preboard.service.users_admin import (
    NewUser,
    add_user,
    change_role,
    list_users,
    set_active,
    unlock,
)
from preboard.storage import Database, SqlAccessStore
from preboard.storage.tables import AuditRecordRow
from preboard.users import (
    LoginState,
    NameTakenError,
    PasswordPolicyError,
    Principal,
    Role,
    create_user,
    login,
    now_utc,
)

FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORD = "a long enough passphrase 7"


@pytest.fixture
def admin(database: Database) -> Principal:
    with database.write() as session:
        user = create_user(SqlAccessStore(session), "ada", Role.ADMIN, PASSWORD, hasher=FAST)
    return Principal(user.name, user.role, user_id=user.id)


def _trail(database: Database) -> list[tuple[str, str, str, dict[str, object]]]:
    with database.session() as session:
        rows = session.scalars(select(AuditRecordRow).order_by(AuditRecordRow.seq))
        return [(r.actor, r.action, r.subject, dict(r.detail)) for r in rows]


def _olga(database: Database, admin: Principal) -> int:
    return add_user(database, admin, NewUser("Olga", Role.OFFICER, PASSWORD), hasher=FAST).id


def test_add_a_user_audited_without_the_password(database: Database, admin: Principal) -> None:
    made = add_user(database, admin, NewUser(" Olga ", Role.OFFICER, PASSWORD), hasher=FAST)
    assert (made.name, made.role, made.active, made.failed_logins) == ("olga", "officer", True, 0)
    assert _trail(database) == [
        ("user:ada", "user.create", f"user:{made.id}", {"name": "olga", "role": "officer"})
    ]
    with database.write() as session:
        assert login(SqlAccessStore(session), "olga", PASSWORD, hasher=FAST).principal


def test_refused_users_are_not_stored_nor_audited(database: Database, admin: Principal) -> None:
    with pytest.raises(PasswordPolicyError, match="at least 12"):
        add_user(database, admin, NewUser("olga", Role.OFFICER, "short1"), hasher=FAST)
    with pytest.raises(NameTakenError):
        add_user(database, admin, NewUser("ADA", Role.OFFICER, PASSWORD), hasher=FAST)
    with pytest.raises(InvalidValueError, match="not a user name"):
        add_user(database, admin, NewUser("<b>x</b>", Role.OFFICER, PASSWORD), hasher=FAST)
    with pytest.raises(InvalidValueError, match="machine role"):
        add_user(database, admin, NewUser("bot", Role.CARRIER, PASSWORD), hasher=FAST)
    assert [u.name for u in list_users(database, admin)] == ["ada"]
    assert [a for _, a, _, _ in _trail(database)] == ["users.list"]


def test_change_role_and_the_active_flag(database: Database, admin: Principal) -> None:
    olga = _olga(database, admin)
    assert change_role(database, admin, olga, Role.SUPERVISOR).role == "supervisor"
    assert set_active(database, admin, olga, active=False).active is False
    with database.write() as session:
        assert login(SqlAccessStore(session), "olga", PASSWORD, hasher=FAST).principal is None
    assert set_active(database, admin, olga, active=True).active is True
    trail = _trail(database)[1:]
    assert trail == [
        ("user:ada", "user.role", f"user:{olga}",
         {"name": "olga", "before": "officer", "role": "supervisor"}),
        ("user:ada", "user.deactivate", f"user:{olga}", {"name": "olga"}),
        ("user:ada", "user.reactivate", f"user:{olga}", {"name": "olga"}),
    ]  # fmt: skip
    with pytest.raises(InvalidValueError, match="machine role"):
        change_role(database, admin, olga, Role.INTAKE)
    with pytest.raises(NotFoundError):
        set_active(database, admin, 999999, active=False)


def test_an_admin_cannot_deactivate_or_demote_themselves(
    database: Database, admin: Principal
) -> None:
    assert admin.user_id is not None
    with pytest.raises(ConflictError, match="deactivate themselves"):
        set_active(database, admin, admin.user_id, active=False)
    with pytest.raises(ConflictError, match="own role"):
        change_role(database, admin, admin.user_id, Role.OFFICER)
    (me,) = list_users(database, admin)
    assert (me.role, me.active) == ("admin", True)
    assert [a for _, a, _, _ in _trail(database)] == ["users.list"]


def test_unlock_resets_the_failures(database: Database, admin: Principal) -> None:
    olga = _olga(database, admin)
    now = now_utc()
    locked = LoginState(5, now + dt.timedelta(minutes=15))
    with database.write() as session:
        SqlAccessStore(session).set_login(olga, locked, now, ok=False)
    (before,) = [u for u in list_users(database, admin) if u.id == olga]
    assert before.locked(now) and before.failed_logins == 5
    after = unlock(database, admin, olga)
    assert (after.failed_logins, after.locked_until, after.locked(now)) == (0, None, False)
    assert _trail(database)[-1] == ("user:ada", "user.unlock", f"user:{olga}",
                                    {"name": "olga", "failed": 5})  # fmt: skip


def test_a_machine_token_cannot_manage_users(database: Database) -> None:
    token = Principal("ops", Role.ADMIN, token_id=1)
    with pytest.raises(AccessDeniedError, match="named person"):
        add_user(database, token, NewUser("olga", Role.OFFICER, PASSWORD), hasher=FAST)
