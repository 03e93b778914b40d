"""Helpers for the UI tests (the ``api`` and ``day`` fixtures come from ``tests/web``):
``add_user`` stores a user with the real password ``PASSWORD`` (hashed with cheap argon2
parameters), ``csrf_of`` reads a page's form token, ``log_in`` logs a test client in through
the login form and returns the status."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from preboard.storage import Database, SqlAccessStore
from preboard.users import Role, create_user

PASSWORD = "correct horse battery staple 42"
FAST = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def add_user(database: Database, name: str, role: Role) -> None:
    with database.write() as session:
        create_user(SqlAccessStore(session), name, role, PASSWORD, hasher=FAST)


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "no CSRF field in the page"
    return found.group(1)


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> int:
    form = client.get("/ui/login")
    response = client.post(
        "/ui/login",
        data={"name": name, "password": password, "csrf": csrf_of(form.text)},
        follow_redirects=False,
    )
    return response.status_code
