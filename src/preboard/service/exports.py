"""Exports, each audited with what was exported, its filters and how many rows.

    text, rows = worklist_csv(database, principal, flight_id)          # officers, supervisors
    text, rows = audit_export(database, principal, where, "jsonl")     # auditors: jsonl or csv

The worklist export holds the flight's travellers by priority with their findings' codes and
review status; document numbers are masked (``privacy.mask_tail``), as an export leaves the
screen. Every text cell that a spreadsheet would read as a formula (``= + - @``) is prefixed
with ``'``. The audit export is the filtered trail in chain order, at most ``EXPORT_LIMIT``
records a file (page on with ``after``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, replace
from typing import Any

from sqlalchemy import select

from preboard.errors import NotFoundError
from preboard.privacy import mask_tail
from preboard.service.audit_read import AuditFilter, _query
from preboard.service.errors import InvalidValueError
from preboard.service.trail import record
from preboard.storage import Database
from preboard.storage.tables import AuditRecordRow, FlightRow, HitRow, TravellerRow
from preboard.users import Principal

__all__ = ["AUDIT_FORMATS", "EXPORT_LIMIT", "WORKLIST_COLUMNS", "audit_export", "worklist_csv"]

EXPORT_LIMIT = 100_000
AUDIT_FORMATS = ("jsonl", "csv")
WORKLIST_COLUMNS = (
    "rank", "priority", "traveller_id", "role", "surname", "given_names", "birth_date",
    "document_number", "record_locator", "hits", "findings",
)  # fmt: skip
AUDIT_COLUMNS = ("seq", "at", "actor", "action", "subject", "detail", "hash")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return "" if value is None else value


def _csv(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _document(data: dict[str, Any]) -> str:
    documents = data.get("documents") or []
    number = documents[0].get("number") if documents and isinstance(documents[0], dict) else None
    return mask_tail(str(number)) if number else ""


def worklist_csv(database: Database, principal: Principal, flight_id: int) -> tuple[str, int]:
    """The flight's worklist as CSV (``WORKLIST_COLUMNS``) and its number of travellers."""
    with database.write() as session:
        if session.get(FlightRow, flight_id) is None:
            raise NotFoundError(f"no flight {flight_id}")
        travellers = list(session.scalars(
            select(TravellerRow).where(TravellerRow.flight_id == flight_id)
            .order_by(TravellerRow.priority.desc(), TravellerRow.surname, TravellerRow.id)
        ))  # fmt: skip
        findings: dict[int, list[str]] = defaultdict(list)
        hits = select(HitRow).where(HitRow.traveller_id.in_([t.id for t in travellers]))
        for hit in session.scalars(hits.order_by(HitRow.score.desc(), HitRow.id)):
            findings[hit.traveller_id].append(f"{hit.code}:{hit.status.value}")
        rows = [
            (rank, round(t.priority, 4), t.id, t.role, t.surname, t.given_names,
             t.data.get("birth_date"), _document(t.data), t.record_locator,
             len(findings[t.id]), "; ".join(findings[t.id]))
            for rank, t in enumerate(travellers, 1)
        ]  # fmt: skip
        record(session, principal, "export.worklist", f"flight:{flight_id}", flight=flight_id,
               format="csv", rows=len(rows))  # fmt: skip
    return _csv(WORKLIST_COLUMNS, rows), len(rows)


def _line(row: AuditRecordRow) -> dict[str, Any]:
    return {"seq": row.seq, "at": row.at.isoformat(), "actor": row.actor, "action": row.action,
            "subject": row.subject, "detail": row.detail, "hash": row.hash}  # fmt: skip


def _filters(where: AuditFilter) -> dict[str, Any]:
    found = {k: v for k, v in asdict(where).items() if v is not None and k != "limit"}
    return {k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in found.items()}


def audit_export(
    database: Database, principal: Principal, where: AuditFilter, fmt: str = "jsonl"
) -> tuple[str, int]:
    """The records matching ``where`` (its ``limit`` aside: at most ``EXPORT_LIMIT``), as JSON
    lines or CSV, and how many; the export is appended to the trail after them."""
    if fmt not in AUDIT_FORMATS:
        raise InvalidValueError(f"no export format {fmt!r}", {"formats": list(AUDIT_FORMATS)})
    with database.write() as session:
        stmt = _query(replace(where, limit=1)).limit(EXPORT_LIMIT)
        lines = [_line(row) for row in session.scalars(stmt)]
        record(session, principal, "export.audit", "audit", format=fmt, rows=len(lines),
               **_filters(where))  # fmt: skip
    if fmt == "csv":
        cells = ([*(line[c] for c in AUDIT_COLUMNS[:5]), json.dumps(line["detail"],
                 sort_keys=True, ensure_ascii=False), line["hash"]] for line in lines)  # fmt: skip
        return _csv(AUDIT_COLUMNS, cells), len(lines)
    text = "".join(json.dumps(line, sort_keys=True, ensure_ascii=False) + "\n" for line in lines)
    return text, len(lines)
