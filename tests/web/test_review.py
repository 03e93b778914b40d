"""Review at the API: a hit moves new → in review → confirmed or dismissed with a reason →
re-opened; notes; every decision audited with the flight and traveller it concerns."""

from __future__ import annotations

from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, hits_with, screened_flight


def test_a_hit_is_reviewed_decided_with_a_reason_and_reopened(api: Api, day: DayFiles) -> None:
    worklist = screened_flight(api, day)
    traveller, hit = hits_with(worklist, "document.lost_stolen")[0]
    assert hit["status"] == "new" and hit["explanation"]
    path = f"/hits/{hit['id']}"
    assert api.post(f"{path}/review", Role.OFFICER).json()["status"] == "in_review"
    blank = api.post(
        f"{path}/decision", Role.OFFICER, json={"decision": "confirmed", "reason": " "}
    )
    assert blank.status_code == 422
    missing = api.post(f"{path}/decision", Role.OFFICER, json={"decision": "confirmed"})
    assert missing.status_code == 422
    body = {"decision": "confirmed", "reason": "passport on the lost and stolen list"}
    assert api.post(f"{path}/decision", Role.OFFICER, json=body).json()["status"] == "confirmed"
    twice = api.post(f"{path}/decision", Role.OFFICER, json={**body, "decision": "dismissed"})
    assert twice.status_code == 409  # a decided hit is re-opened before it is decided again
    assert api.post(f"{path}/reopen", Role.OFFICER, json={"reason": ""}).status_code == 422
    reopened = api.post(f"{path}/reopen", Role.SUPERVISOR, json={"reason": "number mistyped"})
    assert reopened.json()["status"] == "reopened"
    dismissed = api.post(f"{path}/decision", Role.OFFICER, json={**body, "decision": "dismissed"})
    assert dismissed.json()["status"] == "dismissed"
    view = api.get(f"/travellers/{traveller['id']}", Role.OFFICER).json()
    steps = [(d["decision"], d["reason"]) for d in view["decisions"]]
    assert steps == [
        ("in_review", ""),
        ("confirmed", "passport on the lost and stolen list"),
        ("reopened", "number mistyped"),
        ("dismissed", "passport on the lost and stolen list"),
    ]
    assert [d["by_name"] for d in view["decisions"]] == [
        "officer", "officer", "supervisor", "officer",
    ]  # fmt: skip
    records = api.audit("hit.decide")
    assert [r.detail["decision"] for r in records] == [s for s, _ in steps]
    assert {(r.detail["flight"], r.detail["traveller"]) for r in records} == {
        (worklist["flight"]["id"], traveller["id"])
    }
    assert records[1].actor == "user:officer" and records[2].actor == "user:supervisor"


def test_notes_and_the_traveller_view_with_api_and_pnr_side_by_side(
    api: Api, day: DayFiles
) -> None:
    worklist = screened_flight(api, day)
    traveller, hit = hits_with(worklist, "document.lost_stolen")[0]
    note = {"text": "spoke to the station manager", "hit_id": hit["id"]}
    created = api.post(f"/travellers/{traveller['id']}/notes", Role.OFFICER, json=note)
    assert created.status_code == 201
    view = api.get(f"/travellers/{traveller['id']}", Role.OFFICER).json()
    assert [n["text"] for n in view["notes"]] == ["spoke to the station manager"]
    assert view["api"]["surname"] == view["pnr"]["traveller"]["surname"] == traveller["surname"]
    assert view["pnr"]["booking"]["record_locator"] == traveller["record_locator"]
    assert view["findings"][0]["detail"] is not None
    assert [r.action for r in api.audit()][-2:] == ["note.add", "traveller.view"]
    assert api.get("/travellers/999999", Role.OFFICER).status_code == 404


def test_a_machine_token_never_decides(api: Api, day: DayFiles) -> None:
    worklist = screened_flight(api, day)
    _, hit = hits_with(worklist, "document.lost_stolen")[0]
    body = {"decision": "confirmed", "reason": "automated"}
    response = api.post(f"/hits/{hit['id']}/decision", Role.INTAKE, json=body)
    assert response.status_code == 403
