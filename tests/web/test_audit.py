"""The audit trail at the API: intake, views, searches, decisions, recommendations and
refusals are recorded; auditors read it filtered by user, traveller, flight and time."""

from __future__ import annotations

import datetime as dt

from preboard.audit import verify
from preboard.storage import SqlAuditStore
from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, hits_with, screened_flight


def test_auditors_read_every_kind_of_action_filtered(api: Api, day: DayFiles) -> None:
    start = dt.datetime.now(dt.UTC)
    worklist = screened_flight(api, day)
    traveller, hit = hits_with(worklist, "document.lost_stolen")[0]
    flight_id = worklist["flight"]["id"]
    api.get("/travellers", Role.OFFICER, params={"name": traveller["surname"][:3]})
    api.get(f"/travellers/{traveller['id']}", Role.OFFICER)
    decision = {"decision": "confirmed", "reason": "stolen passport, confirmed"}
    api.post(f"/hits/{hit['id']}/decision", Role.OFFICER, json=decision)
    rec = {"kind": "no_board", "reason": "confirmed stolen passport"}
    api.post(f"/travellers/{traveller['id']}/recommendations", Role.OFFICER, json=rec)
    api.get("/audit", Role.CARRIER)  # refused, and recorded

    everything = api.get("/audit", Role.AUDITOR, params={"limit": 1000}).json()
    actions = {r["action"] for r in everything}
    assert actions >= {
        "message.receive", "flight.worklist.view", "traveller.search", "traveller.view",
        "hit.decide", "recommendation.create", "access.denied",
    }  # fmt: skip
    search = next(r for r in everything if r["action"] == "traveller.search")
    assert search["detail"]["name"] == traveller["surname"][:3]

    by_traveller = api.get("/audit", Role.AUDITOR, params={"traveller": traveller["id"]}).json()
    assert [r["action"] for r in by_traveller] == [
        "traveller.view", "hit.decide", "recommendation.create",
    ]  # fmt: skip
    by_flight = api.get("/audit", Role.AUDITOR, params={"flight": flight_id}).json()
    assert {r["action"] for r in by_flight} >= {"flight.worklist.view", "hit.decide"}
    by_user = api.get("/audit", Role.AUDITOR, params={"user": "officer"}).json()
    assert {r["actor"] for r in by_user} == {"user:officer"}
    later = api.get("/audit", Role.AUDITOR, params={"since": dt.datetime.now(dt.UTC).isoformat()})
    assert [r["action"] for r in later.json()] == []
    until = api.get("/audit", Role.AUDITOR, params={"until": start.isoformat()}).json()
    assert until == []
    assert api.audit()[-1].action == "audit.read"
    with api.database.snapshot() as session:
        assert verify(SqlAuditStore(session)).ok
