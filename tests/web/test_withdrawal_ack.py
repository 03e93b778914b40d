"""The carrier acknowledges a withdrawal through the same acknowledgement route: the time and
the carrier's token are kept, audited once, and shown to officers and on the carrier's page."""

from __future__ import annotations

from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api
from tests.web.test_recommendations import NO_BOARD, confirmed_traveller

WITHDRAW = {"reason": "issuer confirms the passport was recovered"}


def test_the_carrier_acknowledges_a_withdrawal(api: Api, day: DayFiles) -> None:
    traveller = confirmed_traveller(api, day)
    rec = api.post(
        f"/travellers/{traveller['id']}/recommendations", Role.OFFICER, json=NO_BOARD
    ).json()
    ack = f"/carrier/recommendations/{rec['id']}/ack"
    assert api.get("/carrier/recommendations", Role.CARRIER).status_code == 200
    api.post(f"/recommendations/{rec['id']}/withdraw", Role.OFFICER, json=WITHDRAW)
    (seen,) = api.get("/carrier/recommendations", Role.CARRIER).json()
    assert seen["withdrawn"] and seen["withdrawal_acknowledged_at"] is None
    first = api.post(ack, Role.CARRIER)
    assert first.status_code == 200
    body = first.json()
    assert body["status"] == "withdrawn" and body["withdrawal_acknowledged_at"] is not None
    assert api.post(ack, Role.CARRIER).json() == body  # again: nothing changes
    (officer,) = api.get("/recommendations", Role.OFFICER).json()
    assert officer["withdrawal_acknowledged_by"] == "carrier-f9"
    assert officer["withdrawal_acknowledged_at"] == body["withdrawal_acknowledged_at"]
    assert officer["acknowledged_at"] is None  # the recommendation itself was never acked
    (record,) = api.audit("recommendation.withdrawal.acknowledge")
    assert record.subject == f"recommendation:{rec['id']}" and record.actor == "token:carrier-f9"
    assert set(record.detail) == {"flight", "traveller"}
    page = api.client.get("/ui/carrier", headers=api.headers(Role.CARRIER))
    assert page.status_code == 200 and body["withdrawal_acknowledged_at"][:10] in page.text


def test_another_carrier_cannot_acknowledge_the_withdrawal(api: Api, day: DayFiles) -> None:
    traveller = confirmed_traveller(api, day)
    rec = api.post(
        f"/travellers/{traveller['id']}/recommendations", Role.OFFICER, json=NO_BOARD
    ).json()
    api.post(f"/recommendations/{rec['id']}/withdraw", Role.OFFICER, json=WITHDRAW)
    other = api.headers(Role.CARRIER, carrier="NK")
    path = f"/api/v1/carrier/recommendations/{rec['id']}/ack"
    assert api.client.post(path, headers=other).status_code == 404
    assert api.audit("recommendation.withdrawal.acknowledge") == []
