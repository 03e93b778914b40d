"""The audit trail as auditors read it, filtered by user, traveller, flight and time.

Filters: ``user`` (a user's or token's name: ``ana`` matches ``user:ana`` and ``token:ana``),
``traveller`` and ``flight`` (ids, as every record about them names them in its detail),
``since`` and ``until`` (instants), ``after`` (a sequence number, to page on). The read itself
is audited, with its filters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Select, or_, select

from preboard.service.trail import record
from preboard.storage import Database
from preboard.storage.tables import AuditRecordRow
from preboard.users import Principal

__all__ = ["AuditFilter", "AuditRecord", "read_audit"]

MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What to read (every field optional)."""

    user: str | None = None
    traveller: int | None = None
    flight: int | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    after: int | None = None
    limit: int = 200


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One record of the trail, with its place in the chain."""

    seq: int
    at: dt.datetime
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]
    hash: str


def _aware(at: dt.datetime) -> dt.datetime:
    """An instant: a time given without a zone is taken as UTC."""
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)


def _query(f: AuditFilter) -> Select[AuditRecordRow]:
    stmt = select(AuditRecordRow).order_by(AuditRecordRow.seq)
    if f.user:
        name = f.user.strip().lower()
        stmt = stmt.where(or_(AuditRecordRow.actor == f"user:{name}",
                              AuditRecordRow.actor == f"token:{f.user.strip()}"))  # fmt: skip
    if f.traveller is not None:
        stmt = stmt.where(AuditRecordRow.detail["traveller"].as_integer() == f.traveller)
    if f.flight is not None:
        stmt = stmt.where(AuditRecordRow.detail["flight"].as_integer() == f.flight)
    if f.since is not None:
        stmt = stmt.where(AuditRecordRow.at >= _aware(f.since))
    if f.until is not None:
        stmt = stmt.where(AuditRecordRow.at < _aware(f.until))
    if f.after is not None:
        stmt = stmt.where(AuditRecordRow.seq > f.after)
    return stmt.limit(max(1, min(f.limit, MAX_LIMIT)))


def read_audit(database: Database, principal: Principal, where: AuditFilter) -> list[AuditRecord]:
    """The records that match, in chain order; the read is appended to the trail after it."""
    with database.write() as session:
        rows = [
            AuditRecord(r.seq, r.at, r.actor, r.action, r.subject, dict(r.detail), r.hash)
            for r in session.scalars(_query(where))
        ]
        filters = {k: v for k, v in asdict(where).items() if v is not None}
        filters = {
            k: v.isoformat() if isinstance(v, dt.datetime) else v for k, v in filters.items()
        }
        record(session, principal, "audit.read", "audit", results=len(rows), **filters)
        return rows
