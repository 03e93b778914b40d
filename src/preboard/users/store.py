"""What the access functions need from storage, as records and a protocol.

The core does not import a database driver: ``preboard.storage.access.SqlAccessStore`` is the
implementation over a SQLAlchemy session, and tests may use any object with these methods.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from preboard.users.lockout import LoginState
from preboard.users.roles import Role
from preboard.users.tokens import TokenKind

__all__ = ["AccessStore", "NewToken", "TokenRecord", "UserRecord"]


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A stored user (the password hash stays inside the access functions)."""

    id: int
    name: str
    role: Role
    password_hash: str
    active: bool = True
    login: LoginState = field(default_factory=LoginState)


@dataclass(frozen=True, slots=True)
class NewToken:
    """A token about to be stored: never the secret, only its digest and prefix."""

    name: str
    kind: TokenKind
    digest: str
    prefix: str
    carrier: str | None = None
    user_id: int | None = None
    created_by: str = ""


@dataclass(frozen=True, slots=True)
class TokenRecord:
    """A stored token."""

    id: int
    name: str
    kind: TokenKind
    prefix: str
    carrier: str | None = None
    user_id: int | None = None
    revoked: bool = False
    last_used_at: dt.datetime | None = None


class AccessStore(Protocol):
    """Users and tokens as the access functions read and change them."""

    def user_by_name(self, name: str) -> UserRecord | None:
        """The user called ``name`` (case-insensitive), if any."""

    def user_by_id(self, user_id: int) -> UserRecord | None:
        """The user with id ``user_id``, if any."""

    def add_user(self, name: str, role: Role, password_hash: str, now: dt.datetime) -> UserRecord:
        """Store a new user."""

    def set_login(self, user_id: int, state: LoginState, now: dt.datetime, ok: bool) -> None:
        """Store the login counters after a login attempt (``ok``: it succeeded)."""

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace the user's password hash."""

    def token_by_digest(self, digest: str) -> TokenRecord | None:
        """The token stored under ``digest``, if any."""

    def token_by_name(self, name: str) -> TokenRecord | None:
        """The token called ``name``, if any."""

    def add_token(self, token: NewToken, now: dt.datetime) -> TokenRecord:
        """Store a new token."""

    def revoke_token(self, token_id: int, now: dt.datetime) -> None:
        """Mark the token revoked."""

    def touch_token(self, token_id: int, now: dt.datetime) -> None:
        """Record that the token was used at ``now``."""
