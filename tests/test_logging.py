"""structlog set-up: events go to the stderr of the moment, and a closed one never crashes the
caller (the bug: a CLI test swapped stderr for its runner, which closed it, and every later
warning raised "I/O operation on closed file" in unrelated tests)."""

from __future__ import annotations

import io
import sys

import pytest
import structlog

from preboard.logging import configure_logging
from preboard.settings import Settings


def test_events_follow_stderr_and_a_closed_stderr_is_harmless(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    configure_logging(Settings(log_level="info"))
    first, second = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stderr", first)
    structlog.get_logger("t").info("one.event", n=1)
    monkeypatch.setattr(sys, "stderr", second)
    structlog.get_logger("t").info("two.event", n=2)
    assert "one.event" in first.getvalue() and "two.event" not in first.getvalue()
    assert "two.event" in second.getvalue()
    second.close()
    structlog.get_logger("t").warning("after.close")  # must not raise
