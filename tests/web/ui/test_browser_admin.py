"""The back-office paths in a real browser (helpers in ``tests/web/ui/browser.py``): the app
served by uvicorn over a SQLite file, with a copy of the shipped example rules, the F9 flight
of the synthetic day and one message preboard cannot read posted to intake.

An analyst logs in (landing on the rules), opens R-FAC-001 and its edit form, proposes an
expression the linter refuses (nationality and sex alone: the refusal is shown beside the
expression with line and column), then an acceptable one, and sees the pending draft; a
supervisor opens the draft from the rules page and releases it, and the rule shows v3; the
analyst imports a small CSV watchlist through the upload form and reads the list's versions;
an admin (landing on the users) adds a user and deactivates them; an officer opens the parse
problems page and the unreadable message's page. Every control is found by its label or
role. A screenshot of every page visited is saved next to ``test_browser.py``'s (10-...).
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.error
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from preboard.rules import EXAMPLES
from preboard.settings import Settings
from preboard.storage import Database, open_database
from preboard.users import Role, TokenKind
from preboard.web import create_app
from tests.service.day import F9, day_files, day_screening
from tests.web.ui.browser import MARKS, call, chromium, log_in, screenshots, serve, token
from tests.web.ui.conftest import add_user

pytestmark = MARKS
RULE = "R-FAC-001"
RESTRICTED = 'traveller.nationality == "XXX"\n  && traveller.sex == "M"'
NARROWER = (
    'booking.one_way == true\n  && "cash" in booking.payment_methods\n'
    "  && booking.days_before_departure != null\n  && booking.days_before_departure <= 2"
)
LIST_CSV = (
    "id,name,aliases,birth_date,nationality,document_number\n"
    "W1,Ivan Synthetic Petrov,,1971-03-04,RUS,P1234567\n"
    "W2,Maria Example Lopez,,1980-13-45,MEX,\n"  # a bad birth date: a problem on line 3
    "W3,Listed Person,,1960,USA,\n"
)
NOT_A_MESSAGE = b"this is not an airline message, passenger DOE/JOHN P1234567\n"
NEW_PASSWORD = "a long enough passphrase 7"


@dataclass
class Site:
    url: str
    database: Database
    failed: int  # the id of the message preboard could not read


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in EXAMPLES.glob("*.yaml"):
        shutil.copy(path, rules / path.name)
    settings = Settings(
        data_dir=tmp_path, rules_dir=rules,
        screening_poll_seconds=0.5, screening_gather_seconds=0.05,
    )  # fmt: skip
    database = open_database(f"sqlite:///{tmp_path / 'preboard.db'}", settings)
    app = create_app(settings, database, day_screening())
    try:
        with serve(app) as url:
            for name, role in (("ana", Role.ANALYST), ("sam", Role.SUPERVISOR),
                               ("ada", Role.ADMIN), ("olga", Role.OFFICER)):  # fmt: skip
                add_user(database, name, role)
            intake = token(database, TokenKind.INTAKE, "airline-feed")
            for _name, body in day_files().messages(F9):
                call(f"{url}/api/v1/messages", intake, body)
            with pytest.raises(urllib.error.HTTPError) as refused:
                call(f"{url}/api/v1/messages", intake, NOT_A_MESSAGE)
            assert refused.value.code == 422
            failed = json.loads(refused.value.read())["id"]
            assert app.state.worker.wait_idle(60), "screening did not finish in 60 s"
            yield Site(url, database, failed)
    finally:
        database.dispose()


@pytest.fixture
def shots() -> Path:
    return screenshots()


def test_analyst_supervisor_admin_and_officer_back_office(
    site: Site, shots: Path, tmp_path: Path
) -> None:
    with chromium() as browser:
        analyst = _page(browser)
        log_in(analyst, site.url, "ana", Role.ANALYST)
        _propose(analyst, shots)
        supervisor = _page(browser)
        log_in(supervisor, site.url, "sam", Role.SUPERVISOR)
        _release(supervisor, shots)
        _import_list(analyst, shots, tmp_path)
        admin = _page(browser)
        log_in(admin, site.url, "ada", Role.ADMIN)
        _users(admin, shots)
        officer = _page(browser)
        log_in(officer, site.url, "olga", Role.OFFICER)
        _messages(officer, site, shots)


def _page(browser: Any) -> Any:
    """A page in a browser context of its own (its own cookies: one user each)."""
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    return context.new_page()


def _expect(locator: Any) -> Any:
    from playwright.sync_api import expect

    return expect(locator)


def _propose(page: Any, shots: Path) -> None:
    _expect(page.get_by_role("heading", level=1, name="Rules")).to_be_visible()
    _expect(page.get_by_text("No pending drafts.")).to_be_visible()
    page.screenshot(path=shots / "10-rules.png", full_page=True)
    page.get_by_role("link", name=RULE, exact=True).click()
    page.wait_for_url(f"**/ui/rules/{RULE}")
    _expect(page.get_by_role("heading", level=1)).to_contain_text(RULE)
    _expect(page.get_by_role("heading", level=3, name="v2 ·")).to_be_visible()
    page.screenshot(path=shots / "11-rule.png", full_page=True)
    page.get_by_role("link", name="Propose a new version").click()
    page.wait_for_url(f"**/ui/rules/{RULE}/edit")
    _expect(page.get_by_role("heading", level=1)).to_have_text(f"Propose a new version of {RULE}")
    page.screenshot(path=shots / "12-rule-edit.png", full_page=True)
    expression = page.get_by_label("Expression (CEL)")
    expression.fill(RESTRICTED)
    page.get_by_label("Reason for the change").fill("narrower window after the back-test")
    page.get_by_role("button", name="Check and propose").click()
    page.wait_for_url("**/ui/rules/drafts")
    _expect(page.get_by_role("alert")).to_contain_text("Refused: nothing was saved")
    lint = page.locator("#lint")
    _expect(lint).to_contain_text("restricted-only")
    _expect(lint).to_contain_text("line 1, column 1")
    _expect(lint).to_contain_text("nationality")
    _expect(expression).to_have_accessible_description(re.compile("restricted-only"))
    _expect(expression).to_have_attribute("aria-invalid", "true")
    _expect(expression).to_have_value(RESTRICTED)  # the proposal is kept for correcting
    page.screenshot(path=shots / "13-rule-refused.png", full_page=True)
    expression.fill(NARROWER)
    page.get_by_label("Weight (0 to 1)").fill("0.55")
    page.get_by_role("button", name="Check and propose").click()
    page.wait_for_url("**/ui/rules/drafts/*")
    heading = page.get_by_role("heading", level=1)
    _expect(heading).to_contain_text(f"Draft {RULE} v3")
    _expect(heading).to_contain_text("pending")
    _expect(page.locator("pre.expression").first).to_have_text(NARROWER)
    weight = page.get_by_role("row", name="Weight")
    _expect(weight.get_by_role("cell").first).to_have_text("0.55")
    _expect(page.get_by_role("button", name="Release as the next version")).to_have_count(0)
    page.screenshot(path=shots / "14-draft.png", full_page=True)


def _release(page: Any, shots: Path) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Rules").click()
    page.wait_for_url("**/ui/rules")
    page.get_by_role("link", name=f"{RULE} v3").click()
    page.wait_for_url("**/ui/rules/drafts/*")
    _expect(page.get_by_text(re.compile(r"Proposed by ana "))).to_be_visible()
    page.screenshot(path=shots / "15-draft-supervisor.png", full_page=True)
    page.get_by_label("Note (optional)").fill("agreed after the back-test")
    page.get_by_role("button", name="Release as the next version").click()
    page.wait_for_url(f"**/ui/rules/{RULE}#v3")
    released = page.locator("section#v3")
    _expect(released.get_by_role("heading", level=3)).to_contain_text("v3 ·")
    _expect(released.locator("pre.expression")).to_have_text(NARROWER)
    _expect(released.locator("dd").first).to_have_text("ana")  # the author
    _expect(page.get_by_text("in force: v3")).to_be_visible()
    page.screenshot(path=shots / "16-rule-released.png", full_page=True)


def _import_list(page: Any, shots: Path, tmp_path: Path) -> None:
    csv = tmp_path / "local.csv"
    csv.write_text(LIST_CSV, encoding="utf-8")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Watchlists").click()
    page.wait_for_url("**/ui/watchlists")
    _expect(page.get_by_role("cell", name="No watchlist has been imported.")).to_be_visible()
    page.get_by_label("File").set_input_files(csv)
    page.get_by_label("List id").fill("local")
    page.get_by_label("Name (optional)").fill("Local list")
    page.get_by_label("Severity (optional)").select_option("high")
    page.get_by_label("Version (optional; default the date and time)").fill("2026-11")
    page.screenshot(path=shots / "17-watchlists-import.png", full_page=True)
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/ui/watchlists/local/versions/2026-11")
    _expect(page.get_by_role("heading", level=1)).to_have_text("local version 2026-11")
    _expect(page.locator("#problems")).to_contain_text("line 3")  # the bad birth date
    page.screenshot(path=shots / "18-watchlist-version.png", full_page=True)
    page.get_by_role("link", name="← local").click()
    page.wait_for_url("**/ui/watchlists/local")
    _expect(page.get_by_role("heading", level=1)).to_contain_text("Local list")
    version = page.get_by_role("row", name="2026-11")
    _expect(version.get_by_role("cell").nth(2)).to_have_text("3")  # entries
    _expect(version).to_contain_text("first version")
    page.screenshot(path=shots / "19-watchlist-versions.png", full_page=True)


def _users(page: Any, shots: Path) -> None:
    _expect(page.get_by_role("heading", level=1, name="Users")).to_be_visible()
    page.screenshot(path=shots / "20-users.png", full_page=True)
    page.get_by_label("Name", exact=True).fill("nina")
    page.get_by_label("Role", exact=True).select_option("officer")
    page.get_by_label("Initial password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Add user").click()
    page.wait_for_url("**/ui/users")
    nina = page.locator("tr", has=page.get_by_role("rowheader", name="nina", exact=True))
    _expect(nina.get_by_role("cell").nth(0)).to_have_text("officer")
    _expect(nina.get_by_role("cell").nth(1)).to_have_text("yes")
    page.screenshot(path=shots / "21-user-added.png", full_page=True)
    nina.get_by_role("button", name="Deactivate nina").click()
    page.wait_for_url("**/ui/users")
    _expect(nina.get_by_role("cell").nth(1)).to_have_text("no")
    _expect(nina.get_by_role("button", name="Reactivate nina")).to_be_visible()
    page.screenshot(path=shots / "22-user-deactivated.png", full_page=True)


def _messages(page: Any, site: Site, shots: Path) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Messages").click()
    page.wait_for_url("**/ui/messages")
    _expect(page.get_by_role("heading", level=1)).to_have_text("Messages and parse problems")
    failed = page.get_by_role("row").filter(
        has=page.get_by_role("link", name=str(site.failed), exact=True)
    )
    _expect(failed).to_contain_text("failed")
    _expect(failed.get_by_role("cell").nth(5)).to_have_text("1")  # one error
    page.screenshot(path=shots / "23-messages.png", full_page=True)
    failed.get_by_role("link", name=str(site.failed), exact=True).click()
    page.wait_for_url(f"**/ui/messages/{site.failed}")
    _expect(page.get_by_role("heading", level=1)).to_contain_text(f"Message {site.failed}")
    problems = page.get_by_role("table", name="Problems found when the message was read")
    _expect(problems.get_by_role("cell", name="not a format preboard reads")).to_be_visible()
    _expect(page.locator("main")).not_to_contain_text("DOE/JOHN")  # never the body
    page.screenshot(path=shots / "24-message.png", full_page=True)
