"""Recommendations at the API: refused (409) without a confirmed hit, made by a named
officer, approved by a second person when the setting says so, delivered to the carrier of
the flight only, acknowledged, withdrawn, and the withdrawal seen by the carrier."""

from __future__ import annotations

from typing import Any

from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, hits_with, screened_flight

NO_BOARD = {"kind": "no_board", "reason": "passport reported stolen, confirmed with issuer"}


def confirmed_traveller(api: Api, day: DayFiles) -> dict[str, Any]:
    traveller, hit = hits_with(screened_flight(api, day), "document.lost_stolen")[0]
    body = {"decision": "confirmed", "reason": "number matches the stolen passport"}
    assert api.post(f"/hits/{hit['id']}/decision", Role.OFFICER, json=body).status_code == 200
    return traveller


def test_no_recommendation_without_a_confirmed_hit_at_the_api(api: Api, day: DayFiles) -> None:
    traveller, hit = hits_with(screened_flight(api, day), "document.lost_stolen")[0]
    path = f"/travellers/{traveller['id']}/recommendations"
    refused = api.post(path, Role.OFFICER, json=NO_BOARD)
    assert refused.status_code == 409
    assert "confirmed hit" in refused.json()["detail"]
    dismiss = {"decision": "dismissed", "reason": "different person, birth dates differ"}
    api.post(f"/hits/{hit['id']}/decision", Role.OFFICER, json=dismiss)
    assert api.post(path, Role.OFFICER, json=NO_BOARD).status_code == 409
    assert api.audit("recommendation.create") == []


def test_issued_delivered_to_its_carrier_only_acknowledged_and_withdrawn(
    api: Api, day: DayFiles
) -> None:
    traveller = confirmed_traveller(api, day)
    made = api.post(f"/travellers/{traveller['id']}/recommendations", Role.OFFICER, json=NO_BOARD)
    assert made.status_code == 201
    rec = made.json()
    assert (rec["status"], rec["carrier"], rec["issued_at"] is not None) == ("issued", "F9", True)
    again = api.post(f"/travellers/{traveller['id']}/recommendations", Role.OFFICER, json=NO_BOARD)
    assert again.status_code == 409
    other = api.headers(Role.CARRIER, carrier="NK")
    assert api.client.get("/api/v1/carrier/recommendations", headers=other).json() == []
    ack_other = api.client.post(f"/api/v1/carrier/recommendations/{rec['id']}/ack", headers=other)
    assert ack_other.status_code == 404
    seen = api.get("/carrier/recommendations", Role.CARRIER).json()
    assert [(n["id"], n["status"], n["surname"]) for n in seen] == [
        (rec["id"], "delivered", traveller["surname"])
    ]
    assert "reason" not in seen[0]
    acked = api.post(f"/carrier/recommendations/{rec['id']}/ack", Role.CARRIER).json()
    assert acked["status"] == "acknowledged"
    withdraw = {"reason": "issuer confirms the passport was recovered"}
    done = api.post(f"/recommendations/{rec['id']}/withdraw", Role.OFFICER, json=withdraw)
    assert done.json()["status"] == "withdrawn"
    seen = api.get("/carrier/recommendations", Role.CARRIER).json()
    assert [(n["status"], n["withdrawn"]) for n in seen] == [("withdrawn", True)]
    actions = [r.action for r in api.audit() if r.subject == f"recommendation:{rec['id']}"]
    assert actions == [
        "recommendation.create",
        "recommendation.deliver",
        "recommendation.acknowledge",
        "recommendation.withdraw",
    ]


def test_a_second_person_approves_when_the_setting_requires_it(api: Api, day: DayFiles) -> None:
    setting = {"value": True}
    changed = api.client.put(
        "/api/v1/settings/recommendations.require_approval",
        headers=api.headers(Role.ADMIN),
        json=setting,
    )
    assert changed.status_code == 200
    traveller = confirmed_traveller(api, day)
    rec = api.post(
        f"/travellers/{traveller['id']}/recommendations", Role.SUPERVISOR, json=NO_BOARD
    ).json()
    assert rec["status"] == "pending_approval"
    assert api.get("/carrier/recommendations", Role.CARRIER).json() == []
    approve = f"/recommendations/{rec['id']}/approve"
    assert api.post(approve, Role.OFFICER).status_code == 403
    assert api.post(approve, Role.SUPERVISOR).status_code == 409  # the one who made it
    second = api.client.post(
        f"/api/v1{approve}", headers=api.headers(Role.SUPERVISOR, name="sam")
    ).json()
    assert (second["status"], second["supervisor_id"] is not None) == ("issued", True)
    assert [n["id"] for n in api.get("/carrier/recommendations", Role.CARRIER).json()] == [
        rec["id"]
    ]
    assert api.audit("setting.change")[0].detail == {"before": False, "after": True}


def test_reopening_the_hit_a_standing_recommendation_rests_on_is_refused(
    api: Api, day: DayFiles
) -> None:
    traveller = confirmed_traveller(api, day)
    api.post(f"/travellers/{traveller['id']}/recommendations", Role.OFFICER, json=NO_BOARD)
    view = api.get(f"/travellers/{traveller['id']}", Role.OFFICER).json()
    confirmed = next(f for f in view["findings"] if f["status"] == "confirmed")
    reopen = api.post(f"/hits/{confirmed['id']}/reopen", Role.OFFICER, json={"reason": "check"})
    assert reopen.status_code == 409
