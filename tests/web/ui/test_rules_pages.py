"""The rules pages over a copy of the shipped example rules (``tests/web/ui/sites.py``): the
list and a rule's versions, a proposal the linter refuses (reasons beside the expression with
line and column, nothing saved), a draft released only by a supervisor who did not write it
and appended as the next version (earlier versions byte for byte), a rejection, a back-test
on the stored messages of the synthetic day with officers' decisions, roles and CSRF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from httpx2 import Response
from sqlalchemy import select

from preboard.rules.files import load_rule_file
from preboard.service.errors import AccessDeniedError
from preboard.service.rule_review import release
from preboard.service.rulebook import RuleBook
from preboard.storage import Database
from preboard.storage.tables import UserRow
from preboard.users import Principal, Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, hits_with, screened_flight
from tests.web.ui.conftest import csrf_of
from tests.web.ui.sites import session_as, site

RULE = "R-FAC-001"
GOOD = {
    "rule_id": RULE, "title": "One-way cash ticket, two days", "owner": "Facilitation desk",
    "purpose": "Cash one-way tickets bought just before departure", "severity": "high",
    "weight": "0.55", "valid_from": "2024-12-01", "valid_to": "", "review_date": "2027-06-30",
    "expression": 'booking.one_way == true\n  && "cash" in booking.payment_methods\n'
                  "  && booking.days_before_departure != null\n"
                  "  && booking.days_before_departure <= 2",
    "reason": "narrower window after the back-test of 2026-12",
}  # fmt: skip


def _propose(api: Api, values: dict[str, str], csrf: str | None = None) -> Response:
    token = csrf or csrf_of(api.client.get(f"/ui/rules/{RULE}/edit").text)
    return api.client.post(
        "/ui/rules/drafts", data={**values, "csrf": token}, follow_redirects=False
    )


def _drafts(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "data" / "rule-drafts"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_officers_read_the_rules_and_a_rules_versions(database: Database, tmp_path: Path) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "olga", Role.OFFICER)
        listed = api.client.get("/ui/rules")
        assert listed.status_code == 200
        assert f'href="/ui/rules/{RULE}"' in listed.text and "R-DOC-001" in listed.text
        assert "2027-05-31" in listed.text  # the review date
        page = api.client.get(f"/ui/rules/{RULE}")
        assert page.status_code == 200
        assert 'id="v1"' in page.text and 'id="v2"' in page.text
        assert "booking.days_before_departure != null" in page.text
        assert f"/ui/rules/{RULE}/edit" not in page.text  # officers do not propose
        assert api.client.get(f"/ui/rules/{RULE}/edit").status_code == 403
        assert api.client.get(f"/ui/rules/{RULE}/backtest").status_code == 403


def test_a_refused_proposal_shows_the_linter_inline_and_saves_nothing(
    database: Database, tmp_path: Path
) -> None:
    with site(database, tmp_path) as api:
        before = (tmp_path / "rules" / f"{RULE}.yaml").read_bytes()
        session_as(api, "ana", Role.ANALYST)
        restricted = 'traveller.nationality == "XXX"\n  && traveller.sex == "M"'
        refused = _propose(api, {**GOOD, "expression": restricted})
        assert refused.status_code == 422
        text = refused.text
        lint = re.search(r'<ul id="lint".*?</ul>', text, re.S)
        assert lint and "restricted-only" in lint.group() and "line 1, column 1" in lint.group()
        assert 'aria-describedby="lint"' in text and "Refused: nothing was saved" in text
        typo = "booking.one_way == true &&\n  booking.fo > 1"
        unknown = _propose(api, {**GOOD, "expression": typo})
        assert "unknown-field" in unknown.text and "line 2, column 3" in unknown.text
        heavy = _propose(api, {**GOOD, "weight": "2"})
        assert heavy.status_code == 422 and 'id="err-weight"' in heavy.text
        assert _drafts(tmp_path) == []
        assert (tmp_path / "rules" / f"{RULE}.yaml").read_bytes() == before
        assert api.audit("rule.draft.propose") == []


def test_a_draft_is_released_only_by_another_supervisor_and_appended(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "rules" / f"{RULE}.yaml"
    with site(database, tmp_path) as api:
        before = path.read_text(encoding="utf-8")
        session_as(api, "ana", Role.ANALYST)
        made = _propose(api, GOOD)
        assert made.status_code == 303
        draft_url = made.headers["location"]
        draft_id = draft_url.rsplit("/", 1)[1]
        assert path.read_text(encoding="utf-8") == before  # a draft is not a release
        csrf = csrf_of(api.client.get(draft_url).text)
        own = api.client.post(f"{draft_url}/release", data={"csrf": csrf})
        assert own.status_code == 403  # an analyst never releases
        # a supervisor acting as the draft's author (same user) is refused by the service
        author = Principal("ana", Role.SUPERVISOR, user_id=_uid(api, "ana"))
        with pytest.raises(AccessDeniedError, match="other than its author"):
            book = RuleBook(path.parent, tmp_path / "data" / "rule-drafts")
            release(database, author, book, draft_id)
        session_as(api, "sam", Role.SUPERVISOR)
        page = api.client.get(draft_url)
        assert "Release as the next version" in page.text
        done = api.client.post(
            f"{draft_url}/release", data={"csrf": csrf_of(page.text), "note": "agreed"},
            follow_redirects=False,
        )  # fmt: skip
        assert done.status_code == 303 and done.headers["location"].endswith("#v3")
        after = path.read_text(encoding="utf-8")
        assert after.startswith(before)  # earlier versions untouched, byte for byte
        history = load_rule_file(path).history
        assert [v.version for v in history.versions] == [1, 2, 3]
        assert (history.latest.author, history.latest.weight) == ("ana", 0.55)
        assert "days_before_departure <= 2" in history.latest.expression
        (proposed,) = api.audit("rule.draft.propose")
        (released,) = api.audit("rule.release")
        assert proposed.actor == "user:ana" and released.actor == "user:sam"
        assert released.detail["draft"] == draft_id and released.detail["version"] == 3
        again = api.client.post(f"{draft_url}/release", data={"csrf": csrf_of(page.text)})
        assert again.status_code == 409
        assert "v3" in api.client.get(f"/ui/rules/{RULE}").text


def _uid(api: Api, name: str) -> int:
    with api.database.session() as session:
        found = session.scalar(select(UserRow.id).where(UserRow.name == name))
    assert found is not None
    return found


def test_a_rejected_draft_cannot_be_released(database: Database, tmp_path: Path) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        draft_url = _propose(api, GOOD).headers["location"]
        session_as(api, "sam", Role.SUPERVISOR)
        csrf = csrf_of(api.client.get(draft_url).text)
        blank = api.client.post(f"{draft_url}/reject", data={"csrf": csrf, "reason": ""})
        assert blank.status_code == 422
        done = api.client.post(f"{draft_url}/reject", data={"csrf": csrf, "reason": "too broad"})
        assert done.status_code == 200 and "too broad" in done.text and "rejected" in done.text
        assert api.client.post(f"{draft_url}/release", data={"csrf": csrf}).status_code == 409
        (record,) = api.audit("rule.draft.reject")
        assert record.actor == "user:sam" and record.detail["reason"] == "too broad"
        assert len(load_rule_file(tmp_path / "rules" / f"{RULE}.yaml").history.versions) == 2


def test_a_new_rule_is_proposed_and_released_as_its_own_file(
    database: Database, tmp_path: Path
) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        form = api.client.get("/ui/rules/new")
        assert form.status_code == 200 and 'name="rule_id"' in form.text
        values = {**GOOD, "new": "true", "csrf": csrf_of(form.text)}
        taken = api.client.post("/ui/rules/drafts", data={**values, "rule_id": RULE})
        assert taken.status_code == 422 and "a rule with this id exists" in taken.text
        made = api.client.post(
            "/ui/rules/drafts", data={**values, "rule_id": "R-FAC-009"}, follow_redirects=False
        )
        assert made.status_code == 303
        session_as(api, "sam", Role.SUPERVISOR)
        csrf = csrf_of(api.client.get(made.headers["location"]).text)
        api.client.post(made.headers["location"] + "/release", data={"csrf": csrf})
        history = load_rule_file(tmp_path / "rules" / "R-FAC-009.yaml").history
        assert [v.version for v in history.versions] == [1]
        assert "R-FAC-009" in api.client.get("/ui/rules").text


def test_forms_without_the_sessions_csrf_token_are_refused(
    database: Database, tmp_path: Path
) -> None:
    with site(database, tmp_path) as api:
        session_as(api, "ana", Role.ANALYST)
        forged = _propose(api, GOOD, csrf="forged")
        assert forged.status_code == 403 and _drafts(tmp_path) == []
        draft_url = _propose(api, GOOD).headers["location"]
        session_as(api, "sam", Role.SUPERVISOR)
        assert api.client.post(f"{draft_url}/release", data={"csrf": "x"}).status_code == 403
        assert api.audit("rule.release") == []


def test_a_backtest_runs_on_the_stored_messages_with_officers_decisions(
    database: Database, tmp_path: Path, day: DayFiles
) -> None:
    with site(database, tmp_path, with_rules=True) as api:
        worklist = screened_flight(api, day)
        hits = hits_with(worklist, f"rule.{RULE}")
        assert len(hits) == 7
        path = f"/hits/{hits[0][1]['id']}"
        api.post(f"{path}/review", Role.OFFICER)
        body = {"decision": "confirmed", "reason": "facilitator's cash booking"}
        assert api.post(f"{path}/decision", Role.OFFICER, json=body).status_code == 200
        session_as(api, "ana", Role.ANALYST)
        page = api.client.get(f"/ui/rules/{RULE}/backtest", params={"version": 2})
        assert page.status_code == 200
        table = re.search(r'<table class="grid small" id="backtest">.*?</table>', page.text, re.S)
        assert table is not None
        cells = re.findall(r"<t[dh][^>]*>([^<]*)</t[dh]>", table.group().split("<tfoot>")[1])
        # total: flights, travellers, flagged, per flight, share, not evaluated, confirmed,
        # dismissed, precision
        assert cells[1:4] == ["1", "225", "7"] and cells[7:10] == ["1", "0", "100.0%"]
        assert "2026-12-02" in page.text
        (record,) = api.audit("rule.backtest")
        assert record.actor == "user:ana" and record.detail["flagged"] == 7
        draft_url = _propose(api, GOOD).headers["location"]
        tested = api.client.get(f"{draft_url}/backtest")
        assert tested.status_code == 200 and f"{RULE} v3" in tested.text
