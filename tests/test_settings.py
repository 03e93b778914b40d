"""Settings: a production installation refuses to start without a session secret."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from preboard.settings import Settings


def test_production_needs_a_long_session_secret() -> None:
    with pytest.raises(ValidationError, match="PREBOARD_SESSION_SECRET"):
        Settings(environment="production")
    with pytest.raises(ValidationError, match="at least 32"):
        Settings(environment="production", session_secret="short")
    ok = Settings(environment="production", session_secret="x" * 32)
    assert ok.session_secret is not None and ok.session_secret.get_secret_value() == "x" * 32
    assert "x" * 32 not in repr(ok)  # never shown


def test_development_runs_without_one() -> None:
    assert Settings(environment="development").session_secret is None


def test_sessions_signed_with_the_secret_survive_a_restart() -> None:
    from preboard.web.session import SessionSigner

    first, second = SessionSigner(b"k" * 32), SessionSigner(b"k" * 32)
    cookie = first.issue(7)
    data = second.read(cookie)
    assert data is not None and data.user_id == 7
    assert SessionSigner().read(cookie) is None


def test_an_unknown_station_time_zone_is_refused_at_start() -> None:
    with pytest.raises(ValidationError, match="unknown time zone 'Cancun'"):
        Settings(station_timezone="Cancun")
    assert Settings(station_timezone="America/Mexico_City").station_timezone
