"""The officers' path in a real browser: Playwright for Python driving Debian's Chromium
(``/usr/bin/chromium``; browsers cannot be downloaded here) against the app served by uvicorn
on a free port over a SQLite file, with the synthetic day's two flights posted to intake.

An officer logs in, opens the F9 flight, opens the traveller with the planted lost passport,
reads the explanation, confirms the hit with a reason and recommends no-board; the carrier's
token then sees the recommendation through the API; an auditor logs in and sees the trail.
A screenshot of every page visited is saved in ``tests/web/ui/screenshots/`` (ignored by
git; ``PREBOARD_SCREENSHOTS`` chooses another folder), emptied at the start of each run.
Skips when Chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from preboard.settings import Settings
from preboard.storage import Database, SqlAccessStore, open_database
from preboard.users import Role, TokenKind, issue_token
from preboard.web import create_app
from tests.service.day import F9, NK, day_files, day_screening
from tests.web.ui.conftest import PASSWORD, add_user

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)"),
]


@dataclass
class Served:
    url: str
    database: Database
    intake: str
    carrier: str


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _call(url: str, token: str, body: bytes | None = None) -> object:
    request = urllib.request.Request(url, data=body, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _token(database: Database, kind: TokenKind, name: str, carrier: str | None = None) -> str:
    with database.write() as session:
        issued, _ = issue_token(SqlAccessStore(session), kind, name=name, carrier=carrier)
    return issued.secret


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    database = open_database(f"sqlite:///{tmp_path / 'preboard.db'}", Settings())
    settings = Settings(screening_poll_seconds=0.5, screening_gather_seconds=0.05)
    app = create_app(settings, database, day_screening())
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start in 30 s"
        time.sleep(0.05)
    add_user(database, "olga", Role.OFFICER)
    add_user(database, "aude", Role.AUDITOR)
    served = Served(
        f"http://127.0.0.1:{port}", database,
        _token(database, TokenKind.INTAKE, "airline-feed"),
        _token(database, TokenKind.CARRIER, "frontier", "F9"),
    )  # fmt: skip
    for flight in (F9, NK):
        for _name, body in day_files().messages(flight):
            _call(f"{served.url}/api/v1/messages", served.intake, body)
    assert app.state.worker.wait_idle(60), "screening did not finish in 60 s"
    try:
        yield served
    finally:
        server.should_exit = True
        thread.join(30)
        database.dispose()


@pytest.fixture
def shots() -> Path:
    chosen = os.environ.get("PREBOARD_SCREENSHOTS")
    folder = Path(chosen) if chosen else Path(__file__).parent / "screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"\nscreenshots: {folder}")
    return folder


def test_officer_confirms_recommends_carrier_sees_auditor_reads(
    served: Served, shots: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        try:
            _officer(browser, served, shots)
            notices = _call(f"{served.url}/api/v1/carrier/recommendations", served.carrier)
            assert isinstance(notices, list) and len(notices) == 1
            assert notices[0]["kind"] == "no_board" and notices[0]["carrier"] == "F9"
            _auditor(browser, served, shots)
        finally:
            browser.close()


def _log_in(page: Any, served: Served, name: str) -> None:
    page.goto(f"{served.url}/ui/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def _officer(browser: Any, served: Served, shots: Path) -> None:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{served.url}/ui/login")
    page.screenshot(path=shots / "01-login.png", full_page=True)
    _log_in(page, served, "olga")
    page.wait_for_url(f"{served.url}/ui/")
    assert page.get_by_role("heading", name="Departures").is_visible()
    page.screenshot(path=shots / "02-departures.png", full_page=True)
    page.get_by_role("link", name="F9 2591").click()
    page.wait_for_url("**/ui/flights/*")
    page.screenshot(path=shots / "03-worklist.png")
    row = page.locator("tr.has-findings", has_text="document.lost_stolen").first
    row.get_by_role("link").click()
    page.wait_for_url("**/ui/travellers/*")
    finding = page.locator("article.finding", has_text="document.lost_stolen").first
    explanation = finding.locator(".explanation").inner_text()
    assert "lost and stolen documents list" in explanation
    page.screenshot(path=shots / "04-traveller.png", full_page=True)
    finding.get_by_label("Confirm the hit").check()
    finding.get_by_label("Reason").fill("Passport on the lost and stolen list; checked with SLTD.")
    finding.get_by_role("button", name="Record decision").click()
    page.wait_for_load_state()
    assert page.locator(".decision", has_text="checked with SLTD").first.is_visible()
    page.get_by_label("Reason for a no-board recommendation").fill(
        "Travelling on a stolen passport."
    )
    page.screenshot(path=shots / "05-decided.png", full_page=True)
    page.get_by_role("button", name="Recommend no board").click()
    page.wait_for_load_state()
    assert page.locator(".recommendation", has_text="stolen passport").is_visible()
    page.screenshot(path=shots / "06-recommended.png", full_page=True)
    context.close()


def _auditor(browser: Any, served: Served, shots: Path) -> None:
    context = browser.new_context(locale="es-MX", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _log_in_es(page, served, "aude")
    page.goto(f"{served.url}/ui/audit?user=olga")
    assert page.get_by_role("heading", name="Registro de auditoría").is_visible()
    table = page.locator("table").inner_text()
    for action in ("traveller.view", "hit.decide", "recommendation.create"):
        assert action in table, action
    page.screenshot(path=shots / "07-audit-es.png", full_page=True)
    context.close()


def _log_in_es(page: Any, served: Served, name: str) -> None:
    page.goto(f"{served.url}/ui/login")
    page.get_by_label("Nombre de usuario").fill(name)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(f"{served.url}/ui/")
