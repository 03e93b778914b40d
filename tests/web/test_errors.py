"""The one place errors become HTTP responses: every class of preboard's error tree maps to
its status, with ``detail`` and ``error``; a new class must be added to the table below."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import pkgutil

import pytest

import preboard
from preboard.errors import (
    ConfigurationError,
    EdifactSyntaxError,
    MrzError,
    NotFoundError,
    ParseError,
    PreboardError,
)
from preboard.rules.model import RuleError
from preboard.service import (
    AccessDeniedError,
    ConflictError,
    InvalidValueError,
    MalformedMessageError,
    ServiceError,
)
from preboard.storage import StorageUnavailable
from preboard.users import (
    AccountLockedError,
    AuthenticationError,
    NameTakenError,
    PasswordPolicyError,
)
from preboard.web import RouteWithoutRuleError
from preboard.web.errors import PayloadTooLargeError, error_response

STATUS: dict[type[PreboardError], int] = {
    PreboardError: 500,
    ConfigurationError: 400,
    RouteWithoutRuleError: 400,
    RuleError: 400,
    ParseError: 422,
    EdifactSyntaxError: 422,
    MrzError: 422,
    NotFoundError: 404,
    PasswordPolicyError: 422,
    AuthenticationError: 401,
    AccountLockedError: 423,
    NameTakenError: 409,
    StorageUnavailable: 503,
    ServiceError: 500,
    AccessDeniedError: 403,
    ConflictError: 409,
    InvalidValueError: 422,
    MalformedMessageError: 422,
    PayloadTooLargeError: 413,
}
SPECIAL = {
    AccountLockedError: lambda: AccountLockedError("ana", dt.datetime(2026, 12, 2, tzinfo=dt.UTC)),
    PasswordPolicyError: lambda: PasswordPolicyError(["too short"]),
}


def every_error_class() -> set[type[PreboardError]]:
    for module in pkgutil.walk_packages(preboard.__path__, "preboard."):
        skip = ("preboard.storage.migrations", "preboard.cli", "preboard.__main__")
        if not module.name.startswith(skip):
            importlib.import_module(module.name)
    found, todo = set(), [PreboardError]
    while todo:
        cls = todo.pop()
        found.add(cls)
        todo += cls.__subclasses__()
    return found


def test_every_error_class_has_a_reviewed_status() -> None:
    known = {cls for cls in every_error_class() if cls.__module__.startswith("preboard.")}
    unlisted = {c.__qualname__ for c in known - set(STATUS)}
    assert not unlisted, f"add these to STATUS with their HTTP status: {unlisted}"


@pytest.mark.parametrize("cls", list(STATUS), ids=lambda c: c.__name__)
def test_each_error_class_maps_to_its_status(cls: type[PreboardError]) -> None:
    err = SPECIAL.get(cls, lambda: cls("what went wrong"))()
    response = error_response(err)
    assert response.status_code == STATUS[cls] == err.status
    body = json.loads(response.body)
    assert body["error"] == cls.__name__ and body["detail"]


def test_storage_errors_ask_for_a_retry_and_do_not_name_the_database() -> None:
    response = error_response(StorageUnavailable("database unavailable (postgresql://db/x)"))
    assert response.headers["retry-after"] == "5"
    assert "postgresql" not in json.loads(response.body)["detail"]


def test_service_errors_carry_their_context() -> None:
    err = MalformedMessageError("unreadable", {"id": 3, "problems": [{"message": "empty"}]})
    body = json.loads(error_response(err).body)
    assert body == {"id": 3, "problems": [{"message": "empty"}], "detail": "unreadable",
                    "error": "MalformedMessageError"}  # fmt: skip


def test_an_unknown_token_asks_for_a_bearer_token() -> None:
    response = error_response(AuthenticationError("unknown or revoked token"))
    assert response.headers["www-authenticate"] == "Bearer"
