"""Errors of the service layer, in the one tree rooted at ``PreboardError``.

    PreboardError
    └── ServiceError                carries ``context``: JSON-ready facts for the client
        ├── AccessDeniedError       the principal's role may not do this (403, audited)
        ├── ConflictError           not in a state that allows this (409)
        ├── InvalidValueError       a value the service refuses, e.g. a blank reason (422)
        └── MalformedMessageError   nothing readable; kept with its problems (422)

``NotFoundError`` (404), ``AuthenticationError`` (401) and ``StorageUnavailable`` (503) come
from ``preboard.errors``, ``preboard.users`` and ``preboard.storage``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from preboard.errors import PreboardError

__all__ = [
    "AccessDeniedError",
    "ConflictError",
    "InvalidValueError",
    "MalformedMessageError",
    "ServiceError",
]


class ServiceError(PreboardError):
    """An error of the service layer with facts for the client (``context``)."""

    def __init__(self, detail: str, context: Mapping[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.context: dict[str, Any] = dict(context or {})


class AccessDeniedError(ServiceError):
    """The principal's role may not do this."""

    status = 403


class ConflictError(ServiceError):
    """The hit, traveller or recommendation is not in a state that allows this."""

    status = 409


class InvalidValueError(ServiceError):
    """A value the service refuses (a blank reason, an unknown setting)."""

    status = 422


class MalformedMessageError(ServiceError):
    """A message from which nothing could be screened; it is stored (status ``failed``) for
    inspection, and ``context`` holds its ``id`` and ``problems``."""

    status = 422
