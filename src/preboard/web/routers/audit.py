"""The audit trail, for auditors."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from preboard.service import AuditFilter, AuditRecord, read_audit
from preboard.web.deps import AuditorDep, DatabaseDep

router = APIRouter(tags=["audit"])


def audit_filter(
    user: Annotated[str | None, Query(max_length=64, description="user or token name")] = None,
    traveller: int | None = None,
    flight: int | None = None,
    since: Annotated[dt.datetime | None, Query(description="from this instant")] = None,
    until: Annotated[dt.datetime | None, Query(description="before this instant")] = None,
    after: Annotated[int | None, Query(description="records after this sequence number")] = None,
) -> AuditFilter:
    """The trail's filters, the same for reading it and exporting it."""
    return AuditFilter(user, traveller, flight, since, until, after)


AuditFilterDep = Annotated[AuditFilter, Depends(audit_filter)]


@router.get("/audit")
def get_audit(
    principal: AuditorDep,
    database: DatabaseDep,
    where: AuditFilterDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[AuditRecord]:
    """Audit records in chain order, filtered; the read is itself recorded."""
    return read_audit(database, principal, dataclasses.replace(where, limit=limit))
