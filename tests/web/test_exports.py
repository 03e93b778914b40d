"""Exports (``service/exports.py``): a flight's worklist as CSV with document numbers masked,
and the filtered audit trail as JSON lines or CSV; each export audited with its filters and
row count."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import select

from preboard.service.exports import WORKLIST_COLUMNS, _csv
from preboard.storage.tables import TravellerRow
from preboard.users import Role
from tests.service.day import DayFiles
from tests.web.conftest import Api, screened_flight


def test_the_worklist_export_masks_document_numbers_and_is_audited(api: Api, day: DayFiles) -> None:
    worklist = screened_flight(api, day)
    flight = worklist["flight"]["id"]
    response = api.get(f"/flights/{flight}/worklist.csv", Role.SUPERVISOR)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == WORKLIST_COLUMNS
    assert [int(r["traveller_id"]) for r in rows] == [t["id"] for t in worklist["travellers"]]
    flagged = [r for r in rows if "document.lost_stolen:new" in r["findings"]]
    assert len(flagged) == 2 and all(r["rank"] in ("1", "2") for r in flagged)
    with api.database.session() as session:
        stored = session.scalars(select(TravellerRow).where(TravellerRow.flight_id == flight))
        numbers = [d["number"] for t in stored for d in t.data["documents"] if d.get("number")]
    assert numbers and not any(number in response.text for number in numbers)
    assert all(r["document_number"].startswith("•") for r in rows if r["document_number"])
    (record,) = api.audit("export.worklist")
    assert (record.actor, record.subject) == ("user:supervisor", f"flight:{flight}")
    assert record.detail == {"flight": flight, "format": "csv", "rows": len(rows)}


def test_the_worklist_export_of_an_unknown_flight_is_404(api: Api) -> None:
    assert api.get("/flights/424242/worklist.csv", Role.OFFICER).status_code == 404
    assert api.audit("export.worklist") == []


def test_a_cell_a_spreadsheet_would_run_is_neutralised() -> None:
    text = _csv(["a", "b", "c"], [["=HYPERLINK(1)", "-3", 4.5]])
    assert text.splitlines()[1] == "'=HYPERLINK(1),'-3,4.5"


def test_the_audit_export_as_json_lines_filtered_and_audited(api: Api, day: DayFiles) -> None:
    worklist = screened_flight(api, day)
    flight = worklist["flight"]["id"]
    everything = api.get("/audit/export", Role.AUDITOR)
    assert everything.status_code == 200
    lines = [json.loads(line) for line in everything.text.splitlines()]
    assert [r["seq"] for r in lines] == list(range(1, len(lines) + 1))
    assert set(lines[0]) == {"seq", "at", "actor", "action", "subject", "detail", "hash"}
    only = api.get("/audit/export", Role.AUDITOR, params={"flight": flight})
    picked = [json.loads(line) for line in only.text.splitlines()]
    assert picked and all(r["detail"]["flight"] == flight for r in picked)
    first, second = api.audit("export.audit")
    assert first.detail == {"format": "jsonl", "rows": len(lines)}
    assert second.detail == {"format": "jsonl", "rows": len(picked), "flight": flight}


def test_the_audit_export_as_csv(api: Api) -> None:
    api.get("/audit", Role.AUDITOR)
    response = api.get("/audit/export", Role.AUDITOR, params={"format": "csv"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["action"] for r in rows] == ["audit.read"]
    assert json.loads(rows[0]["detail"])["results"] == 0
    assert api.get("/audit/export", Role.AUDITOR, params={"format": "xml"}).status_code == 422
