"""Names containing markup come back verbatim as JSON strings: the API renders no HTML, and
escaping is the business of whatever displays them."""

from __future__ import annotations

from preboard.users import Role
from tests.service.day import F9, DayFiles
from tests.web.conftest import Api

SCRIPT = "<script>alert(1)</script>"


def test_a_surname_with_markup_is_returned_verbatim(api: Api, day: DayFiles) -> None:
    part = day.message(F9, "paxlst-1.edi")
    assert part.count(b"NAD+FL+++MARTINEZ ZAPATA:DAVID'") == 1
    api.post_message(part.replace(b"MARTINEZ ZAPATA:DAVID", SCRIPT.encode() + b":DAVID"))
    api.settle()
    flight = api.get("/flights", Role.OFFICER).json()[0]
    response = api.get(f"/flights/{flight['id']}/worklist", Role.OFFICER)
    assert response.headers["content-type"] == "application/json"
    assert SCRIPT in response.text  # not escaped to &lt;script&gt;
    names = [t["surname"] for t in response.json()["travellers"]]
    assert SCRIPT in names
    found = api.get("/travellers", Role.OFFICER, params={"name": "<script"}).json()
    assert [(t["surname"], t["given_names"]) for t in found] == [(SCRIPT, "DAVID")]
    view = api.get(f"/travellers/{found[0]['id']}", Role.OFFICER).json()
    assert view["surname"] == view["api"]["surname"] == SCRIPT
