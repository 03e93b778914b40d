"""The one settings class. Values come from ``PREBOARD_*`` environment variables or a ``.env``.

Read it once at start-up (``Settings()``) and pass it on; nothing else reads ``os.environ``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Settings of a preboard installation."""

    model_config = SettingsConfigDict(env_prefix="PREBOARD_", env_file=".env", extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    log_format: Literal["console", "json"] = "console"
    log_level: Literal["debug", "info", "warning", "error"] = "warning"
    data_dir: Path = Path("var")
    intake_max_bytes: int = 20_000_000  # a larger message body is refused (413)
    screening_poll_seconds: float = 2.0  # how often the worker looks for unscreened messages
    screening_gather_seconds: float = 0.2  # after a message, wait for the rest of a burst
    # Signs the UI's session cookies. Unset in development: a random key per process (sessions
    # end with the process). Required in production, at least 32 characters.
    session_secret: SecretStr | None = None

    @model_validator(mode="after")
    def _secret_in_production(self) -> Settings:
        secret = self.session_secret.get_secret_value() if self.session_secret else ""
        if self.environment == "production" and len(secret) < 32:
            raise ValueError(
                "PREBOARD_SESSION_SECRET must be set to at least 32 characters in production"
            )
        return self
