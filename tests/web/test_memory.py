"""Dismissed hits are remembered (DOMAIN.md §4.6): a later PNR push re-assesses the flight
without bringing a dismissed hit back, and the same person on a later flight does not raise
the same false alert again."""

from __future__ import annotations

from preboard.users import Role
from tests.service.day import F9, DayFiles
from tests.web.conftest import Api, hits_with, screened_flight

DISMISS = {"decision": "dismissed", "reason": "recovered passport, cleared with the issuer"}


def later_push(body: bytes) -> bytes:
    """The same bookings pushed again 15 minutes later (a new interchange)."""
    assert body.count(b"+261202:1825+1'") == 1  # the UNB: prepared at, control reference
    return body.replace(b"+261202:1825+1'", b"+261202:1840+2'")


def test_a_later_pnr_push_keeps_a_dismissed_hit_dismissed(api: Api, day: DayFiles) -> None:
    traveller, hit = hits_with(screened_flight(api, day), "document.lost_stolen")[0]
    api.post(f"/hits/{hit['id']}/decision", Role.OFFICER, json=DISMISS)
    response = api.post_message(later_push(day.message(F9, "pnrgov-1.edi")))
    assert response.json()["duplicate"] is False
    api.settle()
    view = api.get(f"/travellers/{traveller['id']}", Role.OFFICER).json()
    again = [f for f in view["findings"] if f["code"] == "document.lost_stolen"]
    assert [(f["id"], f["status"]) for f in again] == [(hit["id"], "dismissed")]
    flights = api.get("/flights", Role.OFFICER).json()
    assert flights[0]["hits"].get("new", 0) == 2  # the other lost passport and the expired one


def test_the_same_person_on_a_later_flight_does_not_raise_the_dismissed_alert(
    api: Api, day: DayFiles
) -> None:
    traveller, hit = hits_with(screened_flight(api, day), "document.lost_stolen")[0]
    api.post(f"/hits/{hit['id']}/decision", Role.OFFICER, json=DISMISS)
    for _, body in day.messages(F9, "paxlst"):  # tomorrow's flight F9 2592: same people
        api.post_message(body.replace(b"F92591", b"F92592"))
    api.settle()
    flights = {f["number"]: f["id"] for f in api.get("/flights", Role.OFFICER).json()}
    later = api.get(f"/flights/{flights['2592']}/worklist", Role.OFFICER).json()
    same = [(t, f) for t, f in hits_with(later, "document.lost_stolen")
            if t["surname"] == traveller["surname"]]  # fmt: skip
    assert len(same) == 1
    remembered = same[0][1]
    assert remembered["id"] != hit["id"]
    assert (remembered["status"], remembered["remembered_from"]) == ("dismissed", hit["id"])
    others = [f for t, f in hits_with(later, "document.lost_stolen") if f is not remembered]
    assert [f["status"] for f in others] == ["new"]
