"""Lockout after repeated failed logins, as pure state changes on a user's login counters.

After ``MAX_FAILURES`` failures in a row the account is locked for ``LOCK_FOR``; a successful
login resets the counter. While locked, the password is not even checked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["LOCK_FOR", "MAX_FAILURES", "LoginState", "after_failure", "after_success"]

MAX_FAILURES = 5
LOCK_FOR = dt.timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class LoginState:
    """A user's failed logins in a row and the end of the current lock, if any."""

    failed: int = 0
    locked_until: dt.datetime | None = None

    def locked(self, now: dt.datetime) -> bool:
        """Whether logins are refused at ``now``."""
        return self.locked_until is not None and now < self.locked_until


def after_failure(state: LoginState, now: dt.datetime) -> LoginState:
    """The state after one more failed login at ``now``: locked for ``LOCK_FOR`` when this is
    the ``MAX_FAILURES``-th failure in a row (the counter starts again after a lock ends)."""
    failed = 1 if state.locked_until is not None and not state.locked(now) else state.failed + 1
    if failed >= MAX_FAILURES:
        return LoginState(failed, now + LOCK_FOR)
    return LoginState(failed, None)


def after_success(_state: LoginState, _now: dt.datetime) -> LoginState:
    """The state after a successful login: no failures, no lock."""
    return LoginState()
