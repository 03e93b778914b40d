"""Users and access: roles, the password policy, argon2 hashes, lockout, and tokens.

This package is pure: storage is reached through the ``AccessStore`` protocol
(``preboard.storage.access.SqlAccessStore`` over a session).
"""

from __future__ import annotations

from preboard.users.access import (
    LoginOutcome,
    Principal,
    create_user,
    login,
    now_utc,
    valid_name,
)
from preboard.users.errors import (
    AccountLockedError,
    AuthenticationError,
    NameTakenError,
    PasswordPolicyError,
)
from preboard.users.lockout import LOCK_FOR, MAX_FAILURES, LoginState
from preboard.users.passwords import (
    check_password,
    hash_password,
    password_problems,
    verify_password,
)
from preboard.users.roles import MACHINE_ROLES, PERSON_ROLES, Role
from preboard.users.store import AccessStore, NewToken, TokenRecord, UserRecord
from preboard.users.token_access import authenticate_token, issue_token, revoke_token
from preboard.users.tokens import IssuedToken, TokenKind, hash_token, new_token

__all__ = [
    "LOCK_FOR",
    "MACHINE_ROLES",
    "MAX_FAILURES",
    "PERSON_ROLES",
    "AccessStore",
    "AccountLockedError",
    "AuthenticationError",
    "IssuedToken",
    "LoginOutcome",
    "LoginState",
    "NameTakenError",
    "NewToken",
    "PasswordPolicyError",
    "Principal",
    "Role",
    "TokenKind",
    "TokenRecord",
    "UserRecord",
    "authenticate_token",
    "check_password",
    "create_user",
    "hash_password",
    "hash_token",
    "issue_token",
    "login",
    "new_token",
    "now_utc",
    "password_problems",
    "revoke_token",
    "valid_name",
    "verify_password",
]
