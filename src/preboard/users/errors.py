"""Errors of users and access, in the one tree rooted at ``PreboardError``.

    PreboardError
    ├── PasswordPolicyError       the password policy refuses a password, saying why (422)
    ├── AuthenticationError       unknown user or token, wrong password, revoked token (401)
    │   └── AccountLockedError    too many failed logins: locked until a time (423)
    └── NameTakenError            a user or token name already taken (409)

A wrong user name and a wrong password give the same message.
"""

from __future__ import annotations

import datetime as dt

from preboard.errors import PreboardError

__all__ = ["AccountLockedError", "AuthenticationError", "NameTakenError", "PasswordPolicyError"]


class PasswordPolicyError(PreboardError):
    """A password the policy refuses; ``reasons`` lists every rule it breaks."""

    status = 422

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("password refused: " + "; ".join(reasons))
        self.reasons = tuple(reasons)


class AuthenticationError(PreboardError):
    """Credentials that do not identify an active user or token."""

    status = 401


class AccountLockedError(AuthenticationError):
    """The account is locked after repeated failed logins, until ``until``."""

    status = 423

    def __init__(self, name: str, until: dt.datetime) -> None:
        super().__init__(f"user {name!r} is locked until {until.isoformat(timespec='seconds')}")
        self.until = until


class NameTakenError(PreboardError):
    """A user or token name that is already taken."""

    status = 409
