"""The officers' path in a real browser: Playwright for Python driving Debian's Chromium
(``/usr/bin/chromium``; browsers cannot be downloaded here) against the app served by uvicorn
on a free port over a SQLite file, with the synthetic day's two flights posted to intake
(helpers in ``tests/web/ui/browser.py``).

An officer logs in, opens the F9 flight, opens the traveller with the planted lost passport,
reads the explanation, confirms the hit with a reason and recommends no-board; the carrier's
token then sees the recommendation through the API; an auditor logs in (in Spanish, landing on
the audit trail) and sees the trail. A screenshot of every page visited is saved in
``tests/web/ui/screenshots/`` (ignored by git; ``PREBOARD_SCREENSHOTS`` chooses another
folder), emptied at the start of each run. Skips when Chromium or Playwright is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from preboard.settings import Settings
from preboard.storage import Database, open_database
from preboard.users import Role, TokenKind
from preboard.web import create_app
from tests.service.day import F9, NK, day_files, day_screening
from tests.web.ui.browser import MARKS, call, chromium, log_in, screenshots, serve, token
from tests.web.ui.conftest import add_user

pytestmark = MARKS


@dataclass
class Served:
    url: str
    database: Database
    intake: str
    carrier: str


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    database = open_database(f"sqlite:///{tmp_path / 'preboard.db'}", Settings())
    settings = Settings(screening_poll_seconds=0.5, screening_gather_seconds=0.05)
    app = create_app(settings, database, day_screening())
    try:
        with serve(app) as url:
            add_user(database, "olga", Role.OFFICER)
            add_user(database, "aude", Role.AUDITOR)
            served = Served(
                url, database,
                token(database, TokenKind.INTAKE, "airline-feed"),
                token(database, TokenKind.CARRIER, "frontier", "F9"),
            )  # fmt: skip
            for flight in (F9, NK):
                for _name, body in day_files().messages(flight):
                    call(f"{url}/api/v1/messages", served.intake, body)
            assert app.state.worker.wait_idle(60), "screening did not finish in 60 s"
            yield served
    finally:
        database.dispose()


@pytest.fixture
def shots() -> Path:
    return screenshots()


def test_officer_confirms_recommends_carrier_sees_auditor_reads(
    served: Served, shots: Path
) -> None:
    with chromium() as browser:
        _officer(browser, served, shots)
        notices = call(f"{served.url}/api/v1/carrier/recommendations", served.carrier)
        assert isinstance(notices, list) and len(notices) == 1
        assert notices[0]["kind"] == "no_board" and notices[0]["carrier"] == "F9"
        _auditor(browser, served, shots)


def _officer(browser: Any, served: Served, shots: Path) -> None:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{served.url}/ui/login")
    page.screenshot(path=shots / "01-login.png", full_page=True)
    log_in(page, served.url, "olga", Role.OFFICER)
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
    log_in(page, served.url, "aude", Role.AUDITOR, "es")  # lands on the audit trail
    page.goto(f"{served.url}/ui/audit?user=olga")
    assert page.get_by_role("heading", name="Registro de auditoría").is_visible()
    table = page.locator("table").inner_text()
    for action in ("traveller.view", "hit.decide", "recommendation.create"):
        assert action in table, action
    page.screenshot(path=shots / "07-audit-es.png", full_page=True)
    context.close()
