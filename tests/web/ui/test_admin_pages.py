"""The parse problems pages (officers, supervisors, admins) and the users page (admins): each
form end to end with a logged-in admin, CSRF and roles refused, markup shown as text, the
audit records written, and the effect of each change on logging in."""

from __future__ import annotations

from typing import Any

from httpx2 import Response
from sqlalchemy import select

from preboard.storage import Database
from preboard.storage.tables import UserRow
from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, screened_flight
from tests.web.ui.conftest import PASSWORD, add_user, csrf_of, log_in

NOT_A_MESSAGE = b"this is not an airline message, passenger DOE/JOHN P1234567\n"
GOOD_PASSWORD = "a long enough passphrase 7"


def _as(api: Api, database: Database | None, name: str, role: Role = Role.ADMIN) -> None:
    """Log the client in as ``name`` (added first when ``database`` is given)."""
    if database is not None:
        add_user(database, name, role)
    api.client.cookies.clear()
    assert log_in(api.client, name) == 303


def _post(api: Api, action: str, data: dict[str, Any]) -> Response:
    """Submit a form of the users page with its CSRF token, not following the redirect."""
    csrf = csrf_of(api.client.get("/ui/users").text)
    return api.client.post(action, data={**data, "csrf": csrf}, follow_redirects=False)


def _user_id(database: Database, name: str) -> int:
    with database.session() as session:
        found = session.scalar(select(UserRow.id).where(UserRow.name == name))
    assert found is not None
    return found


def test_the_failed_messages_and_their_problems(api: Api, database: Database) -> None:
    refused = api.post_message(NOT_A_MESSAGE)
    assert refused.status_code == 422
    message_id = refused.json()["id"]
    _as(api, database, "ada")
    listed = api.client.get("/ui/messages", params={"status": "failed"})
    assert listed.status_code == 200
    assert f'href="/ui/messages/{message_id}"' in listed.text and "failed" in listed.text
    assert (
        api.client.get("/ui/messages", params={"status": "screened"}).text.count(
            'href="/ui/messages/'
        )
        == 0
    )
    detail = api.client.get(f"/ui/messages/{message_id}")
    assert detail.status_code == 200 and "not a format preboard reads" in detail.text
    assert "P1234567" not in detail.text and "DOE/JOHN" not in detail.text  # never the body
    actions = [(r.action, r.subject) for r in api.audit() if r.actor == "user:ada"]
    assert ("message.view", f"message:{message_id}") in actions
    assert [a for a, _ in actions].count("messages.list") == 2
    assert api.client.get("/ui/messages/999999").status_code == 404
    assert api.client.get("/ui/messages", params={"status": "odd"}).status_code == 422


def test_the_messages_pages_are_for_officers_supervisors_and_admins(
    api: Api, database: Database
) -> None:
    _as(api, database, "olga", Role.OFFICER)
    assert 'href="/ui/messages"' in api.client.get("/ui/").text
    assert api.client.get("/ui/messages").status_code == 200
    _as(api, database, "ana", Role.ANALYST)
    assert api.client.get("/ui/messages").status_code == 403


def test_a_screened_message_names_its_flight_as_officers_do(
    api: Api, database: Database, day: DayFiles
) -> None:
    worklist = screened_flight(api, day)
    flight = worklist["flight"]
    name = f"{flight['carrier']} {flight['number']} {flight['date']}"
    _as(api, database, "olga", Role.OFFICER)
    listed = api.client.get("/ui/messages", params={"status": "screened"}).text
    assert f'<a href="/ui/flights/{flight["id"]}">{name}</a>' in listed


def test_an_admin_adds_a_user_who_can_then_log_in(api: Api, database: Database) -> None:
    _as(api, database, "ada")
    page = api.client.get("/ui/users")
    assert page.status_code == 200 and 'href="/ui/users"' in page.text
    made = _post(api, "/ui/users", {"name": "Olga", "role": "officer", "password": GOOD_PASSWORD})
    assert (made.status_code, made.headers["location"]) == (303, "/ui/users")
    assert '<th scope="row">olga</th>' in api.client.get("/ui/users").text
    (record,) = api.audit("user.create")
    assert (record.actor, record.detail) == ("user:ada", {"name": "olga", "role": "officer"})
    assert GOOD_PASSWORD not in str(record.detail)
    api.client.cookies.clear()
    assert log_in(api.client, "olga", GOOD_PASSWORD) == 303


def test_a_refused_user_shows_the_reason_on_the_page(api: Api, database: Database) -> None:
    _as(api, database, "ada")
    weak = _post(api, "/ui/users", {"name": "olga", "role": "officer", "password": "olga"})
    assert weak.status_code == 422 and "at least 12 are needed" in weak.text
    assert "it contains the user name" in weak.text
    taken = _post(api, "/ui/users", {"name": "ADA", "role": "officer", "password": GOOD_PASSWORD})
    assert taken.status_code == 409 and "already exists" in taken.text
    markup = _post(api, "/ui/users", {"name": "<b>x</b>", "role": "officer",
                                      "password": GOOD_PASSWORD})  # fmt: skip
    assert markup.status_code == 422 and "&lt;b&gt;x&lt;/b&gt;" in markup.text
    assert "<b>x</b>" not in markup.text
    machine = _post(api, "/ui/users", {"name": "bot", "role": "intake", "password": GOOD_PASSWORD})
    assert machine.status_code == 422
    assert api.audit("user.create") == []


def test_role_change_deactivation_and_reactivation(api: Api, database: Database) -> None:
    _as(api, database, "ada")
    _post(api, "/ui/users", {"name": "olga", "role": "officer", "password": GOOD_PASSWORD})
    olga = _user_id(database, "olga")
    assert _post(api, f"/ui/users/{olga}/role", {"role": "supervisor"}).status_code == 303
    (changed,) = api.audit("user.role")
    assert changed.detail == {"name": "olga", "before": "officer", "role": "supervisor"}
    assert _post(api, f"/ui/users/{olga}/active", {"active": "false"}).status_code == 303
    assert 'value="true"' in api.client.get("/ui/users").text  # the reactivate form
    api.client.cookies.clear()
    assert log_in(api.client, "olga", GOOD_PASSWORD) == 401
    _as(api, None, "ada")
    assert _post(api, f"/ui/users/{olga}/active", {"active": "true"}).status_code == 303
    api.client.cookies.clear()
    assert log_in(api.client, "olga", GOOD_PASSWORD) == 303
    assert "(supervisor)" in api.client.get("/ui/").text
    assert [r.action for r in api.audit() if r.action.startswith("user.")] == [
        "user.create", "user.role", "user.deactivate", "user.reactivate",
    ]  # fmt: skip


def test_deactivation_ends_live_sessions_for_good(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    api.client.cookies.clear()
    assert log_in(api.client, "olga") == 303
    olga_cookies = dict(api.client.cookies)
    assert api.client.get("/ui/", follow_redirects=False).status_code == 200
    _as(api, database, "ada")
    olga = _user_id(database, "olga")
    assert _post(api, f"/ui/users/{olga}/active", {"active": "false"}).status_code == 303
    assert _post(api, f"/ui/users/{olga}/active", {"active": "true"}).status_code == 303
    api.client.cookies.clear()
    api.client.cookies.update(olga_cookies)  # her old cookie, after reactivation
    assert api.client.get("/ui/", follow_redirects=False).status_code == 401


def test_each_role_lands_on_its_own_page_after_login(api: Api, database: Database) -> None:
    homes = {Role.OFFICER: "/ui/", Role.ADMIN: "/ui/users", Role.ANALYST: "/ui/rules",
             Role.AUDITOR: "/ui/audit"}  # fmt: skip
    for role, home in homes.items():
        add_user(database, f"u{role.value}", role)
        api.client.cookies.clear()
        form = api.client.get("/ui/login")
        response = api.client.post(
            "/ui/login",
            data={"name": f"u{role.value}", "password": PASSWORD, "csrf": csrf_of(form.text)},
            follow_redirects=False,
        )
        assert response.headers["location"] == home
        assert api.client.get(home, follow_redirects=False).status_code == 200


def test_an_admin_cannot_deactivate_or_demote_themselves(api: Api, database: Database) -> None:
    _as(api, database, "ada")
    ada = _user_id(database, "ada")
    assert "your own role and access cannot be changed" in api.client.get("/ui/users").text
    refused = _post(api, f"/ui/users/{ada}/active", {"active": "false"})
    assert refused.status_code == 409 and "cannot deactivate themselves" in refused.text
    demoted = _post(api, f"/ui/users/{ada}/role", {"role": "officer"})
    assert demoted.status_code == 409
    assert api.client.get("/ui/users").status_code == 200  # still an active admin
    assert api.audit("user.deactivate") == api.audit("user.role") == []
    assert {r.actor for r in api.audit("users.list")} == {"user:ada"}


def test_unlock_after_failed_logins(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    for _ in range(5):
        assert log_in(api.client, "olga", "wrong password for olga") in (401, 423)
    assert log_in(api.client, "olga") == 423
    _as(api, database, "ada")
    page = api.client.get("/ui/users").text
    assert "Unlock olga" in page
    olga = _user_id(database, "olga")
    assert _post(api, f"/ui/users/{olga}/unlock", {}).status_code == 303
    assert "Unlock olga" not in api.client.get("/ui/users").text
    (unlocked,) = api.audit("user.unlock")
    assert (unlocked.actor, unlocked.detail) == ("user:ada", {"name": "olga", "failed": 5})
    api.client.cookies.clear()
    assert log_in(api.client, "olga") == 303


def test_the_users_forms_need_the_token_and_an_admin(api: Api, database: Database) -> None:
    _as(api, database, "ada")
    data = {"name": "olga", "role": "officer", "password": GOOD_PASSWORD, "csrf": "forged"}
    assert api.client.post("/ui/users", data=data).status_code == 403
    _as(api, database, "sam", Role.SUPERVISOR)
    assert api.client.get("/ui/users").status_code == 403
    assert api.client.post("/ui/users", data=data).status_code == 403
    assert api.audit("user.create") == []
    denied = {(r.actor, r.subject) for r in api.audit("access.denied")}
    assert denied == {("user:sam", "route:GET /ui/users"), ("user:sam", "route:POST /ui/users")}
