"""Login, the session cookie, CSRF, lockout and logout (``web/session.py``, ``ui/login.py``)."""

from __future__ import annotations

from preboard.storage import Database
from preboard.users import Role
from preboard.web.session import SESSION_COOKIE, SessionSigner
from tests.web.conftest import Api
from tests.web.ui.conftest import add_user, csrf_of, log_in


def test_a_page_without_a_session_shows_the_login_form_with_401(api: Api) -> None:
    response = api.client.get("/ui/")
    assert response.status_code == 401
    assert 'action="/ui/login"' in response.text and 'name="next" value="/ui/"' in response.text


def test_login_sets_an_httponly_samesite_cookie_and_logout_clears_it(
    api: Api, database: Database
) -> None:
    add_user(database, "olga", Role.OFFICER)
    form = api.client.get("/ui/login")
    response = api.client.post(
        "/ui/login",
        data={"name": "olga", "password": "correct horse battery staple 42",
              "csrf": csrf_of(form.text)},
        follow_redirects=False,
    )  # fmt: skip
    assert response.status_code == 303 and response.headers["location"] == "/ui/"
    cookie = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    board = api.client.get("/ui/")
    assert board.status_code == 200 and "olga" in board.text
    out = api.client.post("/ui/logout", data={"csrf": csrf_of(board.text)}, follow_redirects=False)
    assert out.status_code == 303
    assert api.client.get("/ui/").status_code == 401


def test_the_cookie_is_secure_over_https(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    api.client.base_url = api.client.base_url.copy_with(scheme="https")
    form = api.client.get("/ui/login")
    assert "Secure" in form.headers["set-cookie"]


def test_login_without_the_form_token_is_refused(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    api.client.get("/ui/login")
    response = api.client.post(
        "/ui/login", data={"name": "olga", "password": "x", "csrf": "forged"}
    )
    assert response.status_code == 403


def test_five_failures_lock_the_account(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    codes = [log_in(api.client, "olga", "wrong password") for _ in range(5)]
    assert codes == [401, 401, 401, 401, 423]
    assert log_in(api.client, "olga") == 423


def test_a_form_without_the_session_token_is_refused(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    assert log_in(api.client, "olga") == 303
    response = api.client.post("/ui/logout", data={"csrf": "forged"})
    assert response.status_code == 403
    assert api.client.get("/ui/").status_code == 200


def test_an_api_change_with_the_session_needs_the_csrf_header(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    assert log_in(api.client, "olga") == 303
    assert api.client.get("/api/v1/flights").status_code == 200
    body = {"decision": "confirmed", "reason": "x"}
    assert api.client.post("/api/v1/hits/1/decision", json=body).status_code == 403
    token = csrf_of(api.client.get("/ui/").text)
    sent = api.client.post("/api/v1/hits/1/decision", json=body, headers={"X-CSRF-Token": token})
    assert sent.status_code == 404  # past access control: there is no hit 1


def test_a_forged_or_expired_cookie_is_no_session() -> None:
    signer = SessionSigner(b"k" * 32)
    value = signer.issue(7, now=1000)
    assert signer.read(value, now=1001) is not None
    assert signer.read(value, now=1000 + 9 * 3600) is None
    assert signer.read(value.replace("7.", "8.", 1), now=1001) is None
    assert SessionSigner(b"j" * 32).read(value, now=1001) is None
    assert signer.read("garbage", now=1001) is None
