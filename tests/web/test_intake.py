"""Intake at the API: stored before the 202, duplicates recognised by content, malformed
messages refused with their problems and kept as failed, screening after the answer, and
a flight re-assessed as its later parts and pushes arrive."""

from __future__ import annotations

from sqlalchemy import func, select

from preboard.storage import MessageStatus
from preboard.storage.tables import MessageRow
from preboard.users import Role
from tests.service.day import F9, DayFiles
from tests.web.conftest import Api


def statuses(api: Api) -> dict[int, MessageStatus]:
    with api.database.session() as session:
        return {
            row.id: row.status for row in session.execute(select(MessageRow.id, MessageRow.status))
        }


def test_a_message_is_stored_then_acknowledged_and_a_duplicate_is_not_stored_twice(
    api: Api, day: DayFiles
) -> None:
    body = day.message(F9, "paxlst-crew.edi")
    first = api.post_message(body)
    assert first.status_code == 202
    assert first.json() == {"id": first.json()["id"], "duplicate": False}
    again = api.post_message(body)
    assert again.status_code == 202
    assert again.json() == {"id": first.json()["id"], "duplicate": True}
    with api.database.session() as session:
        assert session.scalar(select(func.count(MessageRow.id))) == 1
    api.settle()
    assert statuses(api) == {first.json()["id"]: MessageStatus.SCREENED}
    receipts = api.audit("message.receive")
    assert [r.detail["duplicate"] for r in receipts] == [False, True]
    assert {r.actor for r in receipts} == {"token:intake"}


def test_a_malformed_message_is_refused_with_its_problems_and_kept_as_failed(api: Api) -> None:
    response = api.post_message(b"this is not an airline message\n")
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "MalformedMessageError"
    assert body["problems"] and "not a format preboard reads" in body["problems"][0]["message"]
    assert statuses(api) == {body["id"]: MessageStatus.FAILED}
    again = api.post_message(b"this is not an airline message\n")
    assert (again.status_code, again.json()["id"]) == (422, body["id"])
    listed = api.get("/messages", Role.ADMIN, params={"status": "failed"}).json()
    assert [(m["id"], m["status"]) for m in listed] == [(body["id"], "failed")]
    assert listed[0]["problems"] == body["problems"]


def test_an_edifact_message_without_a_flight_is_malformed(api: Api) -> None:
    body = (
        b"UNA:+.? 'UNB+UNOA:4+X+Y+261202:1825+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+1'"
    )
    response = api.post_message(body)
    assert response.status_code == 422
    assert any(p["severity"] == "error" for p in response.json()["problems"])


def test_a_flight_is_reassessed_as_its_parts_and_pushes_arrive(api: Api, day: DayFiles) -> None:
    api.post_all(day.messages(F9, "paxlst-1"))
    api.settle()
    flights = api.get("/flights", Role.OFFICER).json()
    assert [(f["carrier"], f["number"]) for f in flights] == [("F9", "2591")]
    partial = api.get(f"/flights/{flights[0]['id']}/worklist", Role.OFFICER).json()
    assert {f["code"] for t in partial["travellers"] for f in t["findings"]} == {"data.no_pnr"}
    api.post_all(day.messages(F9))
    api.settle()
    full = api.get(f"/flights/{flights[0]['id']}/worklist", Role.OFFICER).json()
    codes = sorted(f["code"] for t in full["travellers"] for f in t["findings"])
    assert codes.count("document.lost_stolen") == 2
    assert "data.no_pnr" not in codes  # linked once the PNR pushes arrived: the notes went
    assert len(full["travellers"]) == full["flight"]["travellers"]
    assert full["travellers"][0]["priority"] == max(t["priority"] for t in full["travellers"])
    assert set(statuses(api).values()) == {MessageStatus.SCREENED}


def test_an_oversized_message_is_refused_before_it_is_stored(api: Api) -> None:
    api.client.app.state.settings = api.client.app.state.settings.model_copy(
        update={"intake_max_bytes": 10}
    )
    response = api.post_message(b"x" * 11)
    assert response.status_code == 413
    assert statuses(api) == {}
