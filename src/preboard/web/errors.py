"""The one place where errors become HTTP responses.

Every ``PreboardError`` becomes ``{"detail", "error"}`` with the error's own ``status`` (and a
``ServiceError``'s ``context`` beside them, such as a malformed message's ``id`` and
``problems``). ``StorageUnavailable`` is 503 with ``Retry-After`` and a detail that does not
name the database; ``AuthenticationError`` (401) asks for a bearer token. Anything else is a
bug: 500 with a generic detail, logged with its type only (a message could hold data).

    PreboardError
    └── PayloadTooLargeError   a message body over the ``intake_max_bytes`` setting (413)
"""

from __future__ import annotations

from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from preboard.errors import PreboardError
from preboard.service import ServiceError
from preboard.storage import StorageUnavailable
from preboard.users import AuthenticationError

__all__ = ["PayloadTooLargeError", "error_response", "install_error_handlers"]

log = structlog.get_logger(__name__)
RETRY_AFTER = "5"


class PayloadTooLargeError(PreboardError):
    """A request body larger than the service accepts."""

    status = 413


def error_response(err: PreboardError) -> JSONResponse:
    """The JSON response for one of preboard's errors."""
    headers: dict[str, str] = {}
    detail = err.detail
    if isinstance(err, StorageUnavailable):
        detail = "the database is unavailable: nothing was stored, try again later"
        headers["Retry-After"] = RETRY_AFTER
    if isinstance(err, AuthenticationError) and err.status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    body: dict[str, Any] = dict(err.context) if isinstance(err, ServiceError) else {}
    body.update(detail=detail, error=type(err).__name__)
    return JSONResponse(body, status_code=err.status, headers=headers)


async def _preboard_error(_request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, PreboardError)
    return error_response(err)


async def _unexpected(request: Request, err: Exception) -> JSONResponse:
    log.error("web.internal_error", path=request.url.path, error=type(err).__name__)
    body = {"detail": "internal error: please report it", "error": "InternalError"}
    return JSONResponse(body, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Map preboard's errors (and unexpected ones) to JSON responses on ``app``."""
    app.add_exception_handler(PreboardError, _preboard_error)
    app.add_exception_handler(Exception, _unexpected)
