"""Fixtures for the API tests: the app over the ``database`` fixture (SQLite and PostgreSQL,
see ``tests/pg.py``), with its screening worker running, and an ``Api`` helper.

- ``api``: a started ``TestClient`` and helpers: ``headers(role)`` gives the bearer header of
  a principal of that role (a personal token of a user named after the role, or a machine
  token; ``carrier`` tokens act for ``F9`` unless another code is given), ``post_message``,
  ``settle()`` (waits until the worker has screened everything stored), ``audit()`` (the
  trail's records);
- ``day``: the synthetic day (``tests/service/day.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import select

from preboard.settings import Settings
from preboard.storage import Database, SqlAccessStore
from preboard.storage.tables import AuditRecordRow
from preboard.users import Role, TokenKind, issue_token, now_utc
from preboard.web import create_app
from tests.service.day import F9, DayFiles, day_files, day_screening

PERSONS = (Role.OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR, Role.ADMIN)


class Api:
    """A client of the app with tokens for each role."""

    def __init__(self, client: TestClient, database: Database) -> None:
        self.client = client
        self.database = database
        self._headers: dict[str, dict[str, str]] = {}

    def _issue(self, key: str, role: Role, carrier: str | None) -> dict[str, str]:
        with self.database.write() as session:
            store = SqlAccessStore(session)
            if role in PERSONS:
                user = store.add_user(key, role, "not-a-password-hash", now_utc())
                issued, _ = issue_token(store, TokenKind.PERSONAL, user=user)
            else:
                kind = TokenKind(role.value)
                issued, _ = issue_token(store, kind, name=key, carrier=carrier)
        return {"Authorization": f"Bearer {issued.secret}"}

    def headers(self, role: Role, name: str | None = None, carrier: str = "F9") -> dict[str, str]:
        key = name or (f"{role.value}-{carrier.lower()}" if role is Role.CARRIER else role.value)
        if key not in self._headers:
            code = carrier if role is Role.CARRIER else None
            self._headers[key] = self._issue(key, role, code)
        return self._headers[key]

    def get(self, path: str, role: Role, **kwargs: Any) -> Response:
        return self.client.get(f"/api/v1{path}", headers=self.headers(role), **kwargs)

    def post(self, path: str, role: Role, **kwargs: Any) -> Response:
        return self.client.post(f"/api/v1{path}", headers=self.headers(role), **kwargs)

    def post_message(self, body: bytes) -> Response:
        return self.post("/messages", Role.INTAKE, content=body)

    def post_all(self, messages: list[tuple[str, bytes]]) -> list[int]:
        ids = []
        for name, body in messages:
            response = self.post_message(body)
            assert response.status_code == 202, (name, response.text)
            ids.append(response.json()["id"])
        return ids

    def settle(self) -> None:
        assert self.client.app.state.worker.wait_idle(60), "the worker did not finish in 60 s"

    def audit(self, action: str | None = None) -> list[AuditRecordRow]:
        stmt = select(AuditRecordRow).order_by(AuditRecordRow.seq)
        if action:
            stmt = stmt.where(AuditRecordRow.action == action)
        with self.database.session() as session:
            return list(session.scalars(stmt))


def make_api(database: Database, *, worker: bool = True) -> tuple[TestClient, Api]:
    settings = Settings(screening_poll_seconds=0.5, screening_gather_seconds=0.05)
    app = create_app(settings, database, day_screening(), start_worker=worker)
    client = TestClient(app)
    return client, Api(client, database)


@pytest.fixture
def api(database: Database) -> Iterator[Api]:
    client, helper = make_api(database)
    with client:
        yield helper


@pytest.fixture
def day() -> DayFiles:
    return day_files()


def screened_flight(api: Api, day: DayFiles, flight: str = F9) -> dict[str, Any]:
    """Post every message of ``flight``, wait for screening, return its worklist."""
    api.post_all(day.messages(flight))
    api.settle()
    flights = {
        (f["carrier"], f["number"]): f["id"] for f in api.get("/flights", Role.OFFICER).json()
    }
    flight_id = flights[(flight[:2], flight[2:].split("-")[0])]
    worklist: dict[str, Any] = api.get(f"/flights/{flight_id}/worklist", Role.OFFICER).json()
    return worklist


def hits_with(worklist: dict[str, Any], code: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """``(traveller, finding)`` pairs of the worklist whose finding has ``code``."""
    return [(t, f) for t in worklist["travellers"] for f in t["findings"] if f["code"] == code]
