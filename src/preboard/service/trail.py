"""Writing the audit trail from the service layer: who did what to whom, in the same
transaction as the change itself, so a change is never committed without its record.

Every record about a traveller, hit or recommendation names its ``flight`` and ``traveller``
ids in ``detail``, so an auditor can filter the trail by flight and by traveller. Details
never hold a secret, a password, a token or a full document number.
"""

from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy.orm import Session

from preboard.audit import append
from preboard.storage import Database, SqlAuditStore
from preboard.users import Principal

__all__ = ["SYSTEM", "actor_of", "audit_read", "denied", "record"]

log = structlog.get_logger(__name__)
SYSTEM = "system"


def actor_of(principal: Principal | None) -> str:
    """The audit log's name for ``principal`` (``system`` for the service's own work)."""
    return principal.actor if principal is not None else SYSTEM


def record(
    session: Session,
    principal: Principal | None,
    action: str,
    subject: str = "",
    **detail: Any,
) -> None:
    """Append one record in ``session``'s transaction; ``None`` details are left out."""
    facts = {key: value for key, value in detail.items() if value is not None}
    append(SqlAuditStore(session), actor_of(principal), action, subject, facts)


def audit_read(
    database: Database, principal: Principal, action: str, subject: str = "", **detail: Any
) -> None:
    """Record a read after it and before anything is shown: when the record cannot be
    written, the caller raises and shows nothing. Reading outside the write transaction keeps
    SQLite's single writer free while pages are built, and the records of reads made at the
    same moment are committed together (``Database.grouped``)."""
    database.grouped(lambda session: record(session, principal, action, subject, **detail))


def denied(database: Database, principal: Principal, method: str, path: str) -> None:
    """Record, in a transaction of its own, a request refused for the principal's role (the
    refusal itself rolls nothing else back, so the record must commit on its own)."""
    with database.write() as session:
        record(session, principal, "access.denied", f"route:{method} {path}", role=principal.role)
    log.info("access.denied", actor=principal.actor, role=principal.role.value, path=path)
