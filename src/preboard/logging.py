"""structlog set-up: key-value events, console or JSON output chosen by a setting."""

from __future__ import annotations

import logging
import sys

import structlog

from preboard.settings import Settings


class StderrLogger:
    """A structlog logger writing each event to whatever ``sys.stderr`` is at that moment, so
    that a runner which swaps and then closes stderr (typer's CliRunner, pytest) never leaves
    later events writing to a closed file; an event that cannot be written is dropped rather
    than crashing the work that logged it."""

    def msg(self, message: str) -> None:
        try:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()
        except (ValueError, OSError):
            pass

    log = debug = info = warn = warning = error = err = critical = exception = fatal = msg


def _stderr_logger(*_args: object) -> StderrLogger:
    return StderrLogger()


def configure_logging(settings: Settings) -> None:
    """Configure structlog once for the process; events go to stderr."""
    level = getattr(logging, settings.log_level.upper())
    renderer: structlog.typing.Processor = (
        structlog.processors.JSONRenderer()
        if settings.log_format == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=_stderr_logger,
        cache_logger_on_first_use=False,
    )
