"""Exports as files: a flight's worklist as CSV (officers, supervisors) and the filtered audit
trail as JSON lines or CSV (auditors). Each export is audited by the service."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response

from preboard.service import audit_export, worklist_csv
from preboard.web.deps import AuditorDep, DatabaseDep, ReviewerDep
from preboard.web.routers.audit import AuditFilterDep

router = APIRouter(tags=["exports"])
_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def _file(text: str, name: str, fmt: str, rows: int) -> Response:
    headers = {
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"',
        "Cache-Control": "no-store",
        "X-Rows": str(rows),
    }
    return Response(text, media_type=_TYPES[fmt], headers=headers)


@router.get("/flights/{flight_id}/worklist.csv", response_class=Response)
def get_worklist_csv(principal: ReviewerDep, database: DatabaseDep, flight_id: int) -> Response:
    """The flight's travellers by priority with their findings' codes and review status, as
    CSV; document numbers masked. Audited."""
    text, rows = worklist_csv(database, principal, flight_id)
    return _file(text, f"worklist-flight-{flight_id}", "csv", rows)


@router.get("/audit/export", response_class=Response)
def get_audit_export(
    principal: AuditorDep,
    database: DatabaseDep,
    where: AuditFilterDep,
    format: Literal["jsonl", "csv"] = "jsonl",
) -> Response:
    """The filtered audit trail in chain order as JSON lines or CSV (at most 100,000 records:
    page on with ``after``). The export is itself audited, with its filters."""
    text, rows = audit_export(database, principal, where, format)
    return _file(text, "audit", format, rows)
