"""The review forms on a traveller's page (notes, take into review, re-open, approve,
withdraw) and the recommendations page, over the synthetic day's F9 flight with its planted
lost-passport hit: each form end to end with a logged-in user, CSRF and roles refused, markup
shown as text, and the audit records written."""

from __future__ import annotations

from typing import Any

from httpx2 import Response

from preboard.storage import Database
from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, hits_with, screened_flight
from tests.web.ui.conftest import add_user, csrf_of, log_in

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _as(api: Api, database: Database, name: str, role: Role) -> None:
    """Log the client in as a new user ``name`` (any earlier session is dropped)."""
    add_user(database, name, role)
    api.client.cookies.clear()
    assert log_in(api.client, name) == 303


def _lost_passport(api: Api, day: DayFiles) -> tuple[int, int]:
    """The traveller and hit ids of the planted lost-passport hit, screened."""
    traveller, finding = hits_with(screened_flight(api, day), "document.lost_stolen")[0]
    return traveller["id"], finding["id"]


def _post(api: Api, page: str, action: str, data: dict[str, Any]) -> Response:
    """Submit a form of ``page`` to ``action`` with the page's CSRF token, not following the
    redirect."""
    csrf = csrf_of(api.client.get(page).text)
    return api.client.post(action, data={**data, "csrf": csrf}, follow_redirects=False)


def _actions(api: Api, actor: str) -> list[str]:
    return [r.action for r in api.audit() if r.actor == actor and r.action != "traveller.view"]


def _two_person_rule(api: Api) -> None:
    url = "/api/v1/settings/recommendations.require_approval"
    changed = api.client.put(url, headers=api.headers(Role.ADMIN), json={"value": True})
    assert changed.status_code == 200


def test_notes_on_the_traveller_and_on_a_hit(api: Api, database: Database, day: DayFiles) -> None:
    traveller, hit = _lost_passport(api, day)
    _as(api, database, "olga", Role.OFFICER)
    page, action = f"/ui/travellers/{traveller}", f"/ui/travellers/{traveller}/notes"
    assert 'action="' + action + '"' in api.client.get(page).text
    plain = _post(api, page, action, {"text": f"called the issuer {SCRIPT}", "hit": ""})
    assert (plain.status_code, plain.headers["location"]) == (303, f"{page}#notes")
    on_hit = _post(api, page, action, {"text": "number checked twice", "hit": str(hit)})
    assert on_hit.status_code == 303
    shown = api.client.get(page).text
    assert SCRIPT not in shown and f"called the issuer {ESCAPED}" in shown
    assert "on hit document.lost_stolen: number checked twice" in shown
    notes = api.audit("note.add")
    assert [(n.actor, n.detail.get("hit")) for n in notes] == [
        ("user:olga", None),
        ("user:olga", hit),
    ]
    assert all("text" not in n.detail for n in notes)  # the trail holds the note's id, not its text


def test_a_note_needs_the_csrf_token_and_an_officer(
    api: Api, database: Database, day: DayFiles
) -> None:
    traveller, _ = _lost_passport(api, day)
    _as(api, database, "olga", Role.OFFICER)
    action = f"/ui/travellers/{traveller}/notes"
    forged = api.client.post(action, data={"text": "x", "csrf": "forged"})
    assert forged.status_code == 403 and "text/html" in forged.headers["content-type"]
    assert api.client.post(action, data={"text": "x"}).status_code == 422
    _as(api, database, "ana", Role.ANALYST)
    refused = api.client.post(action, data={"text": "x", "csrf": "any"})
    assert refused.status_code == 403  # the role is refused before the token is looked at
    (denial,) = api.audit("access.denied")
    assert (denial.actor, denial.subject) == ("user:ana", f"route:POST {action}")
    assert api.audit("note.add") == []


def test_take_into_review_confirm_and_reopen_with_a_reason(
    api: Api, database: Database, day: DayFiles
) -> None:
    traveller, hit = _lost_passport(api, day)
    _as(api, database, "olga", Role.OFFICER)
    page = f"/ui/travellers/{traveller}"
    assert f'action="/ui/hits/{hit}/review"' in api.client.get(page).text
    data = {"traveller": str(traveller)}
    taken = _post(api, page, f"/ui/hits/{hit}/review", data)
    assert (taken.status_code, taken.headers["location"]) == (303, f"{page}#hit-{hit}")
    decision = {"decision": "confirmed", "reason": "stolen passport", **data}
    assert _post(api, page, f"/ui/hits/{hit}/decision", decision).status_code == 303
    shown = api.client.get(page).text
    assert f'action="/ui/hits/{hit}/reopen"' in shown
    assert f'action="/ui/hits/{hit}/review"' not in shown
    blank = _post(api, page, f"/ui/hits/{hit}/reopen", {"reason": "  ", **data})
    assert blank.status_code == 422
    reopened = _post(api, page, f"/ui/hits/{hit}/reopen", {"reason": f"wrong {SCRIPT}", **data})
    assert reopened.status_code == 303
    shown = api.client.get(page).text
    assert f"wrong {ESCAPED}" in shown and SCRIPT not in shown
    decided = [(r.detail["decision"], r.detail.get("reason")) for r in api.audit("hit.decide")]
    assert decided == [("in_review", ""), ("confirmed", "stolen passport"),
                       ("reopened", f"wrong {SCRIPT}")]  # fmt: skip


def test_a_supervisor_approves_another_persons_recommendation(
    api: Api, database: Database, day: DayFiles
) -> None:
    _two_person_rule(api)
    traveller, hit = _lost_passport(api, day)
    _as(api, database, "sara", Role.SUPERVISOR)
    page = f"/ui/travellers/{traveller}"
    decision = {"decision": "confirmed", "reason": "stolen", "traveller": str(traveller)}
    assert _post(api, page, f"/ui/hits/{hit}/decision", decision).status_code == 303
    made = _post(api, page, f"{page}/recommendation", {"reason": "do not board"})
    assert made.status_code == 303
    (rec,) = api.audit("recommendation.create")
    rec_id = int(rec.subject.split(":")[1])
    own = api.client.get(page).text
    assert "pending approval" in own and "another supervisor must approve" in own
    assert f'action="/ui/recommendations/{rec_id}/approve"' not in own
    refused = _post(api, page, f"/ui/recommendations/{rec_id}/approve", {})
    assert refused.status_code == 409  # the service: not the officer who made it
    _as(api, database, "olga", Role.OFFICER)
    officer = _post(api, "/ui/recommendations", f"/ui/recommendations/{rec_id}/approve", {})
    assert officer.status_code == 403
    _as(api, database, "sven", Role.SUPERVISOR)
    queue = api.client.get("/ui/recommendations", params={"status": "pending_approval"})
    assert f'href="/ui/travellers/{traveller}#recommendations"' in queue.text
    assert f'action="/ui/recommendations/{rec_id}/approve"' in queue.text
    approved = _post(api, queue.url.path + "?status=pending_approval",
                     f"/ui/recommendations/{rec_id}/approve", {"back": "queue"})  # fmt: skip
    assert approved.status_code == 303
    assert approved.headers["location"] == "/ui/recommendations?status=pending_approval"
    emptied = api.client.get(approved.headers["location"]).text
    assert f'action="/ui/recommendations/{rec_id}/approve"' not in emptied
    assert "No recommendations." in emptied
    assert "issued" in api.client.get(page).text
    (approval,) = api.audit("recommendation.approve")
    assert (approval.actor, approval.detail["traveller"]) == ("user:sven", traveller)


def test_withdraw_a_recommendation_with_a_reason(
    api: Api, database: Database, day: DayFiles
) -> None:
    traveller, hit = _lost_passport(api, day)
    _as(api, database, "olga", Role.OFFICER)
    page = f"/ui/travellers/{traveller}"
    decision = {"decision": "confirmed", "reason": "stolen", "traveller": str(traveller)}
    assert _post(api, page, f"/ui/hits/{hit}/decision", decision).status_code == 303
    assert _post(api, page, f"{page}/recommendation", {"reason": SCRIPT}).status_code == 303
    (made,) = api.audit("recommendation.create")
    action = f"/ui/recommendations/{made.subject.split(':')[1]}/withdraw"
    listed = api.client.get("/ui/recommendations").text
    assert ESCAPED in listed and SCRIPT not in listed and "issued" in listed
    assert f'action="{action}"' in api.client.get(page).text
    forged = api.client.post(action, data={"reason": "x", "csrf": "forged"})
    assert forged.status_code == 403
    done = _post(api, page, action, {"reason": "passport recovered"})
    assert (done.status_code, done.headers["location"]) == (303, f"{page}#recommendations")
    shown = api.client.get(page).text
    assert "withdrawn" in shown and "passport recovered" in shown
    assert f'action="{action}"' not in shown
    (withdrawal,) = api.audit("recommendation.withdraw")
    assert (withdrawal.actor, withdrawal.detail["reason"]) == ("user:olga", "passport recovered")
    assert _post(api, page, action, {"reason": "again"}).status_code == 409
    assert "withdrawal acknowledged" not in shown
    rec_id = made.subject.split(":")[1]
    assert api.post(f"/carrier/recommendations/{rec_id}/ack", Role.CARRIER).status_code == 200
    acked = api.client.get(page).text
    assert "withdrawal acknowledged" in acked and "withdrawal acknowledged by the carrier" in acked
    assert "recommendations.list" in _actions(api, "user:olga")
