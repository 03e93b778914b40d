"""The one exception tree of preboard.

    PreboardError                  detail, status (HTTP status used by the web edge)
    ├── ConfigurationError         settings or command-line input that cannot be used (400)
    │   └── RuleError              a rule the linter refuses (rules.model)
    ├── ParseError                 input that cannot be read; carries file, segment, reason (422)
    │   ├── EdifactSyntaxError     the EDIFACT envelope or service string is unusable
    │   └── MrzError               an MRZ that is not TD1, TD2, TD3, MRV-A or MRV-B
    ├── NotFoundError              a named thing does not exist (404)
    ├── PasswordPolicyError        a password the policy refuses (422, users.errors)
    ├── AuthenticationError        wrong credentials or token (401, users.errors)
    │   └── AccountLockedError     locked after repeated failures (423)
    ├── NameTakenError             a user or token name already in use (409, users.errors)
    └── StorageUnavailable         the database cannot be reached (503, storage.errors)

Subclasses outside this module live beside the code that raises them (named above).

Parsers in ``preboard.ingest`` do not raise for bad *content*: they record a ``Problem`` on the
result and read on. They raise ``ParseError`` only where nothing at all can be read from the
input (for example an MRZ of the wrong length), so every caller can catch one class.
"""

from __future__ import annotations

__all__ = [
    "ConfigurationError",
    "EdifactSyntaxError",
    "MrzError",
    "NotFoundError",
    "ParseError",
    "PreboardError",
]


class PreboardError(Exception):
    """Root of every error preboard raises on purpose."""

    status: int = 500

    def __init__(self, detail: str, status: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status


class ConfigurationError(PreboardError):
    """Settings or command-line input that cannot be used."""

    status = 400


class NotFoundError(PreboardError):
    """A named thing (file, flight, list) does not exist."""

    status = 404


class ParseError(PreboardError):
    """Input that cannot be read, with where and why."""

    status = 422

    def __init__(self, reason: str, *, file: str = "", segment: int | None = None) -> None:
        where = file + (f" segment {segment}" if segment is not None else "")
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason = reason
        self.file = file
        self.segment = segment


class EdifactSyntaxError(ParseError):
    """The EDIFACT envelope or service string advice cannot be used."""


class MrzError(ParseError):
    """Text that is not a machine-readable zone of a known layout."""
