"""Login, the session cookie, CSRF, lockout and logout (``web/session.py``, ``ui/login.py``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from preboard.service import revoke_sessions
from preboard.storage import Database
from preboard.storage.tables import UiSessionRow, UserRow
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


def _session_rows(database: Database) -> list[UiSessionRow]:
    with database.session() as session:
        return list(session.scalars(select(UiSessionRow).order_by(UiSessionRow.created_at)))


def test_login_stores_the_session_until_it_expires(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    assert log_in(api.client, "olga") == 303
    (row,) = _session_rows(database)
    assert row.nonce in api.client.cookies[SESSION_COOKIE] and row.revoked_at is None
    assert abs(row.expires_at - row.created_at - dt.timedelta(hours=8)) < dt.timedelta(seconds=1)


def test_a_copied_cookie_fails_after_logout(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    assert log_in(api.client, "olga") == 303
    copied = api.client.cookies[SESSION_COOKIE]
    board = api.client.get("/ui/")
    out = api.client.post("/ui/logout", data={"csrf": csrf_of(board.text)}, follow_redirects=False)
    assert out.status_code == 303
    api.client.cookies.set(SESSION_COOKIE, copied)  # the copy, still signed and not expired
    assert api.client.get("/ui/").status_code == 401
    assert api.client.get("/api/v1/flights").status_code == 401
    (row,) = _session_rows(database)
    assert row.revoked_at is not None


def test_logging_out_ends_only_that_session(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    assert log_in(api.client, "olga") == 303
    other = api.client.cookies[SESSION_COOKIE]
    api.client.cookies.clear()
    assert log_in(api.client, "olga") == 303
    board = api.client.get("/ui/")
    api.client.post("/ui/logout", data={"csrf": csrf_of(board.text)}, follow_redirects=False)
    api.client.cookies.set(SESSION_COOKIE, other)
    assert api.client.get("/ui/").status_code == 200


def test_revoking_a_users_sessions_ends_them_all_and_is_audited(
    api: Api, database: Database
) -> None:
    add_user(database, "olga", Role.OFFICER)
    cookies = []
    for _ in range(2):
        api.client.cookies.clear()
        assert log_in(api.client, "olga") == 303
        cookies.append(api.client.cookies[SESSION_COOKIE])
    with database.session() as session:
        user_id = session.scalars(select(UserRow.id).where(UserRow.name == "olga")).one()
    assert revoke_sessions(database, None, user_id, "password changed") == 2
    for cookie in cookies:
        api.client.cookies.set(SESSION_COOKIE, cookie)
        assert api.client.get("/ui/").status_code == 401
    (record,) = api.audit("sessions.revoke")
    assert record.subject == f"user:{user_id}"
    assert record.detail == {"reason": "password changed", "sessions": 2}
    assert log_in(api.client, "olga") == 303  # a new login works again
    assert api.client.get("/ui/").status_code == 200


def test_a_signed_cookie_without_a_stored_session_is_refused(api: Api, database: Database) -> None:
    add_user(database, "olga", Role.OFFICER)
    with database.session() as session:
        user_id = session.scalars(select(UserRow.id).where(UserRow.name == "olga")).one()
    signer: SessionSigner = api.client.app.state.session_signer
    api.client.cookies.set(SESSION_COOKIE, signer.issue(user_id))
    assert api.client.get("/ui/").status_code == 401
