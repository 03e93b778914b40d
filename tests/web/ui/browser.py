"""Helpers for the browser tests (``test_browser*.py``): Playwright for Python driving Debian's
Chromium (``/usr/bin/chromium``; browsers cannot be downloaded here) against the app served by
uvicorn on a free port.

``serve`` runs an app in a thread until the block ends; ``chromium`` launches the headless
browser (skips when Playwright is missing); ``log_in`` fills the login form (English or
Spanish) and waits for the page the user's role lands on; ``call`` and ``token`` reach the API
as a machine would. ``screenshots`` is the folder for the pages' screenshots,
``tests/web/ui/screenshots/`` (ignored by git; ``PREBOARD_SCREENSHOTS`` chooses another),
emptied once per run, so the browser tests of one run leave their pages there side by side.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI

from preboard.storage import Database, SqlAccessStore
from preboard.users import Role, TokenKind, issue_token
from tests.web.ui.conftest import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)"),
]
# Where each role lands after logging in (``preboard.web.ui.login.HOMES``; the rest: ``/ui/``).
LANDING = {
    Role.ADMIN: "/ui/users",
    Role.ANALYST: "/ui/rules",
    Role.AUDITOR: "/ui/audit",
    Role.CARRIER: "/ui/carrier",
}
_LOGIN_WORDS = {
    "en": ("User name", "Password", "Log in"),
    "es": ("Nombre de usuario", "Contraseña", "Iniciar sesión"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def serve(app: FastAPI) -> Iterator[str]:
    """Serve ``app`` on a free port of 127.0.0.1 until the block ends; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "uvicorn stopped before it started"
        assert time.monotonic() < deadline, "uvicorn did not start in 30 s"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(30)


def call(url: str, token: str, body: bytes | None = None) -> Any:
    """A request with a bearer token; the JSON answer (an error status raises ``HTTPError``)."""
    request = urllib.request.Request(url, data=body, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def token(database: Database, kind: TokenKind, name: str, carrier: str | None = None) -> str:
    with database.write() as session:
        issued, _ = issue_token(SqlAccessStore(session), kind, name=name, carrier=carrier)
    return issued.secret


@functools.cache
def screenshots() -> Path:
    """The screenshots folder, emptied on the first call of the run."""
    chosen = os.environ.get("PREBOARD_SCREENSHOTS")
    folder = Path(chosen) if chosen else Path(__file__).parent / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"\nscreenshots: {folder}")
    return folder


@contextmanager
def chromium() -> Iterator[Any]:
    """Headless Chromium (``--no-sandbox``: tests may run as root in a container)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        try:
            yield browser
        finally:
            browser.close()


def log_in(page: Any, url: str, name: str, role: Role, language: str = "en") -> None:
    """Log in through the form and wait for the role's landing page."""
    user_name, password, button = _LOGIN_WORDS[language]
    page.goto(f"{url}/ui/login")
    page.get_by_label(user_name).fill(name)
    page.get_by_label(password).fill(PASSWORD)
    page.get_by_role("button", name=button).click()
    page.wait_for_url(url + LANDING.get(role, "/ui/"))
