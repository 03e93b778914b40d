"""The watchlist pages (``tests/web/ui/sites.py``): an analyst imports two versions of a small
CSV list written here (and the FollowTheMoney fixture), the loader's problems are shown, the
versions listed, the difference between them shown with document numbers masked; a file with
nothing usable saves nothing; officers read but do not import; CSRF; the import audited."""

from __future__ import annotations

from pathlib import Path

from httpx2 import Response

from preboard.storage import Database
from preboard.users import Role
from tests.web.conftest import Api
from tests.web.ui.conftest import csrf_of
from tests.web.ui.sites import session_as, site

FIRST = (
    "id,name,aliases,birth_date,nationality,document_number\n"
    "W1,Ivan Synthetic Petrov,,1971-03-04,RUS,P1234567\n"
    "W2,Maria Example Lopez,,1980-13-45,MEX,\n"  # a bad birth date: a problem on line 3
    "W3,Removed Person,,1960,USA,\n"
)
SECOND = (
    "id,name,aliases,birth_date,nationality,document_number\n"
    "W1,Ivan Synthetic Petrov,Vanya Petrov,1971-03-04,RUS,P7654321\n"
    "W2,Maria Example Lopez,,1980,MEX,\n"
    "W4,New Listed Person,,1990,COL,\n"
)


def _import(api: Api, text: bytes, version: str, csrf: str | None = None) -> Response:
    token = csrf or csrf_of(api.client.get("/ui/watchlists").text)
    form = {"list_id": "local", "name": "Local list", "severity": "high", "version": version}
    return api.client.post(
        "/ui/watchlists/import",
        data={**form, "csrf": token},
        files={"file": ("local.csv", text, "text/csv")},
        follow_redirects=False,
    )


def test_import_versions_and_diff(database: Database, tmp_path: Path) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        first = _import(api, FIRST.encode(), "2026-11")
        assert first.status_code == 303
        assert first.headers["location"] == "/ui/watchlists/local/versions/2026-11"
        shown = api.client.get(first.headers["location"])
        assert shown.status_code == 200 and "line 3" in shown.text  # the loader's problem
        assert "First version" in shown.text
        assert _import(api, SECOND.encode(), "2026-12").status_code == 303
        listing = api.client.get("/ui/watchlists/local")
        assert listing.status_code == 200
        assert "2026-11" in listing.text and "2026-12" in listing.text
        diff = api.client.get("/ui/watchlists/local/diff", params={"from": "2026-11"})
        assert diff.status_code == 200
        added, removed = diff.text.split('id="added"')[1], diff.text.split('id="removed"')[1]
        assert "<li>W4</li>" in added.split("</ul>")[0]
        assert "<li>W3</li>" in removed.split("</ul>")[0]
        changed = diff.text.split('id="changed"')[1]
        assert "W1" in changed and "Vanya Petrov" in changed and "W2" in changed
        assert "••••321" in changed and "7654321" not in changed.replace("••••321", "")
        assert "1234567" not in diff.text
        records = api.audit("watchlist.import")
        assert [r.detail["version"] for r in records] == ["2026-11", "2026-12"]
        assert records[1].actor == "user:ana" and records[1].detail["added"] == 1
        assert records[1].detail["removed"] == 1 and records[1].detail["changed"] == 2
        again = _import(api, SECOND.encode(), "2026-12")
        assert again.status_code == 400 and "already has version" in again.text


def test_a_followthemoney_file_imports(database: Database, tmp_path: Path, fixtures: Path) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        data = (fixtures / "watchlist" / "persons.ftm.jsonl").read_bytes()
        assert _import(api, data, "ftm-1").status_code == 303
        board = api.client.get("/ui/watchlists")
        assert board.status_code == 200 and 'href="/ui/watchlists/local"' in board.text


def test_a_file_with_nothing_usable_saves_nothing(database: Database, tmp_path: Path) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        refused = _import(api, b"id,name\n,\n", "v1")
        assert refused.status_code == 422 and "no version was saved" in refused.text
        assert "line 2" in refused.text
        assert not (tmp_path / "data" / "watchlists" / "local").exists()
        assert api.audit("watchlist.import") == []


def test_officers_read_lists_but_do_not_import_and_csrf_is_checked(
    database: Database, tmp_path: Path
) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        assert _import(api, FIRST.encode(), "v1", csrf="forged").status_code == 403
        assert api.client.get("/ui/watchlists/local").status_code == 404
        assert _import(api, FIRST.encode(), "v1").status_code == 303
        session_as(api, "olga", Role.OFFICER)
        page = api.client.get("/ui/watchlists")
        assert page.status_code == 200 and "v1" in page.text
        assert 'action="/ui/watchlists/import"' not in page.text
        assert _import(api, SECOND.encode(), "v2").status_code == 403
        assert api.client.get("/ui/watchlists/local/versions/v1").status_code == 200
        session_as(api, "aude", Role.AUDITOR)
        assert api.client.get("/ui/watchlists").status_code == 403
