"""The one settings class. Values come from ``PREBOARD_*`` environment variables or a ``.env``.

Read it once at start-up (``Settings()``) and pass it on; nothing else reads ``os.environ``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings of a preboard installation."""

    model_config = SettingsConfigDict(env_prefix="PREBOARD_", env_file=".env", extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    log_format: Literal["console", "json"] = "console"
    log_level: Literal["debug", "info", "warning", "error"] = "warning"
    data_dir: Path = Path("var")  # watchlist versions, rule drafts (``data_dir/rule-drafts``)
    # The database (sqlite:///PATH or postgresql://...); unset: preboard.db under data_dir.
    database_url: str | None = None
    rules_dir: Path | None = None  # the released rule files (*.yaml) screening runs
    # The time zone of the airport the unit works at: airlines send departure times as local
    # times there, and the departures board counts down to them from any browser.
    station_timezone: str = "America/Cancun"
    request_threads: int = 8  # requests a server process works on at once (the rest queue)
    intake_max_bytes: int = 20_000_000  # a larger message body is refused (413)
    screening_poll_seconds: float = 2.0  # how often the worker looks for unscreened messages
    screening_gather_seconds: float = 0.2  # after a message, wait for the rest of a burst
    # Signs the UI's session cookies. Unset in development: a random key per process (sessions
    # end with the process). Required in production, at least 32 characters.
    session_secret: SecretStr | None = None
    # Signs the carriers' webhook calls (X-Preboard-Signature: sha256=HMAC of the body). Unset:
    # no webhook is sent (deliveries wait), since a carrier could not tell them from forgeries.
    webhook_secret: SecretStr | None = None
    webhook_poll_seconds: float = 5.0  # how often due webhook deliveries are looked for

    @field_validator("station_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r} (an IANA name: America/Cancun)"
            ) from None
        return value

    @model_validator(mode="after")
    def _secret_in_production(self) -> Settings:
        secret = self.session_secret.get_secret_value() if self.session_secret else ""
        if self.environment == "production" and len(secret) < 32:
            raise ValueError(
                "PREBOARD_SESSION_SECRET must be set to at least 32 characters in production"
            )
        return self
