"""Lockout counters as pure state changes."""

from __future__ import annotations

import datetime as dt

from preboard.users import LOCK_FOR, MAX_FAILURES, LoginState
from preboard.users.lockout import after_failure, after_success

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def test_fifth_failure_in_a_row_locks_for_the_lock_period() -> None:
    state = LoginState()
    for _ in range(MAX_FAILURES - 1):
        state = after_failure(state, NOW)
        assert not state.locked(NOW)
    state = after_failure(state, NOW)
    assert state.locked(NOW)
    assert state.locked(NOW + LOCK_FOR - dt.timedelta(seconds=1))
    assert not state.locked(NOW + LOCK_FOR)


def test_counting_starts_again_after_a_lock_ends() -> None:
    state = LoginState(MAX_FAILURES, NOW)
    assert after_failure(state, NOW + dt.timedelta(seconds=1)) == LoginState(1, None)


def test_success_clears_failures() -> None:
    assert after_success(LoginState(3, None), NOW) == LoginState()
