"""The audit trail, for auditors."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from preboard.service import AuditFilter, AuditRecord, read_audit
from preboard.web.deps import AuditorDep, DatabaseDep

router = APIRouter(tags=["audit"])


@router.get("/audit")
def get_audit(
    principal: AuditorDep,
    database: DatabaseDep,
    user: Annotated[str | None, Query(max_length=64, description="user or token name")] = None,
    traveller: int | None = None,
    flight: int | None = None,
    since: Annotated[dt.datetime | None, Query(description="from this instant")] = None,
    until: Annotated[dt.datetime | None, Query(description="before this instant")] = None,
    after: Annotated[int | None, Query(description="records after this sequence number")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditRecord]:
    """Audit records in chain order, filtered; the read is itself recorded."""
    where = AuditFilter(user, traveller, flight, since, until, after, limit)
    return read_audit(database, principal, where)
