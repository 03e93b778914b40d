"""The pages over the synthetic day's F9 flight (``tests/service/day.py``): the board, the
worklist, a traveller with the planted lost-passport hit, the decision and recommendation
forms, the carrier's page, the audit page, Spanish, and names with markup shown as text."""

from __future__ import annotations

import re

from preboard.storage import Database
from preboard.users import Role
from tests.service.day import F9, DayFiles
from tests.web.conftest import Api, hits_with, screened_flight
from tests.web.ui.conftest import add_user, csrf_of, log_in

SCRIPT = "<script>alert(1)</script>"


def _officer(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    assert log_in(api.client, "olga") == 303


def test_board_worklist_and_traveller_pages(api: Api, database: Database, day: DayFiles) -> None:
    worklist = screened_flight(api, day)
    (traveller, finding), *_ = hits_with(worklist, "document.lost_stolen")
    _officer(api, database)
    board = api.client.get("/ui/")
    flight_id = worklist["flight"]["id"]
    assert board.status_code == 200 and f'href="/ui/flights/{flight_id}"' in board.text
    page = api.client.get(f"/ui/flights/{flight_id}")
    assert page.status_code == 200 and f'href="/ui/travellers/{traveller["id"]}"' in page.text
    assert "document.lost_stolen" in page.text
    view = api.client.get(f"/ui/travellers/{traveller['id']}")
    assert view.status_code == 200
    assert "lost and stolen documents list" in view.text
    assert f'action="/ui/hits/{finding["id"]}/decision"' in view.text
    assert "API (PAXLST)" in view.text
    actions = [r.action for r in api.audit() if r.actor == "user:olga"]
    assert actions == ["flight.worklist.view", "traveller.view"]


def test_confirm_then_recommend_through_the_forms(
    api: Api, database: Database, day: DayFiles
) -> None:
    worklist = screened_flight(api, day)
    (traveller, finding), *_ = hits_with(worklist, "document.lost_stolen")
    _officer(api, database)
    url = f"/ui/travellers/{traveller['id']}"
    csrf = csrf_of(api.client.get(url).text)
    assert "Recommend no board" not in api.client.get(url).text
    refused = api.client.post(url + "/recommendation", data={"reason": "x", "csrf": csrf})
    assert refused.status_code == 409 and "confirmed hit" in refused.text
    decided = api.client.post(
        f"/ui/hits/{finding['id']}/decision",
        data={"decision": "confirmed", "reason": "stolen passport", "traveller": traveller["id"],
              "csrf": csrf},
    )  # fmt: skip
    assert decided.status_code == 200 and "stolen passport" in decided.text
    made = api.client.post(url + "/recommendation", data={"reason": "do not board", "csrf": csrf})
    assert made.status_code == 200 and "do not board" in made.text
    carrier = api.client.get("/ui/carrier", headers=api.headers(Role.CARRIER))
    assert carrier.status_code == 200 and traveller["surname"] in carrier.text


def test_the_audit_page_shows_the_trail_to_auditors(
    api: Api, database: Database, day: DayFiles
) -> None:
    screened_flight(api, day)
    add_user(database, "aude", Role.AUDITOR)
    assert log_in(api.client, "aude") == 303
    page = api.client.get("/ui/audit", params={"user": "officer"})
    assert page.status_code == 200 and "flight.worklist.view" in page.text
    assert api.audit()[-1].action == "audit.read"
    assert api.client.get("/ui/").status_code == 403


def test_the_audit_page_filters_by_day_and_exports_the_same_selection(
    api: Api, database: Database, day: DayFiles
) -> None:
    screened_flight(api, day)
    add_user(database, "aude", Role.AUDITOR)
    assert log_in(api.client, "aude") == 303
    today = api.audit()[-1].at.date()
    page = api.client.get("/ui/audit", params={"since": str(today), "until": str(today)})
    assert "flight.worklist.view" in page.text
    earlier = today.replace(year=today.year - 1)
    old = api.client.get("/ui/audit", params={"since": str(earlier), "until": str(earlier)})
    assert "flight.worklist.view" not in old.text
    link = re.search(r'href="(/api/v1/audit/export\?[^"]+)"', page.text)
    assert link and "format=csv" in link.group(1)
    exported = api.client.get(link.group(1).replace("&amp;", "&"))
    assert exported.status_code == 200 and "flight.worklist.view" in exported.text
    assert api.audit()[-1].action == "export.audit"


def test_pages_follow_the_browser_language_and_the_user_setting(
    api: Api, database: Database
) -> None:
    _officer(api, database)
    spanish = api.client.get("/ui/", headers={"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"})
    assert "Salidas" in spanish.text and '<html lang="es">' in spanish.text
    english = api.client.get("/ui/", headers={"Accept-Language": "fr,en;q=0.5"})
    assert "Departures" in english.text
    csrf = csrf_of(english.text)
    api.client.post("/ui/language", data={"language": "es", "csrf": csrf})
    assert "Salidas" in api.client.get("/ui/", headers={"Accept-Language": "en"}).text
    api.client.cookies.clear()
    assert log_in(api.client, "olga") == 303  # the stored setting comes back at login
    assert "Salidas" in api.client.get("/ui/", headers={"Accept-Language": "en"}).text


def test_a_surname_with_markup_is_shown_as_text(
    api: Api, database: Database, day: DayFiles
) -> None:
    part = day.message(F9, "paxlst-1.edi")
    api.post_message(part.replace(b"MARTINEZ ZAPATA:DAVID", SCRIPT.encode() + b":DAVID"))
    api.settle()
    _officer(api, database)
    flight = api.client.get("/ui/")
    flight_url = re.search(r'href="(/ui/flights/\d+)"', flight.text)
    assert flight_url
    page = api.client.get(flight_url.group(1))
    assert SCRIPT not in page.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    found = re.search(r'href="(/ui/travellers/\d+)">&lt;script', page.text)
    assert found
    view = api.client.get(found.group(1))
    assert SCRIPT not in view.text and "&lt;script&gt;" in view.text


def test_a_form_missing_a_field_gets_a_page_not_json(api: Api, database: Database) -> None:
    _officer(api, database)
    response = api.client.post("/ui/travellers/1/recommendation", data={"csrf": "x"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html") and "reason" in response.text
    assert api.client.post("/api/v1/hits/1/decision", json={}).status_code in (403, 422)


def test_countdowns_get_departures_as_instants_at_the_station(
    api: Api, database: Database, day: DayFiles
) -> None:
    """Airlines send local times; a browser in another zone must still count down right
    (Cancun is UTC-5 all year)."""
    worklist = screened_flight(api, day)
    departure = worklist["flight"]["departure"]
    _officer(api, database)
    board = api.client.get("/ui/").text
    stamps = re.findall(r'data-departure="([^"]+)"', board)
    assert stamps == [f"{departure}-05:00"]
