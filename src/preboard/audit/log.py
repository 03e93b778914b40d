"""The append-only audit log: append a record, verify the whole chain.

    append(store, actor="user:ana", action="hit.decide", subject="hit:12",
           detail={"decision": "dismissed"})
    result = verify(store)

``store`` is an ``AuditStore``: ``preboard.storage.audit.SqlAuditStore`` over a session. An
append locks the chain head until the caller's transaction ends (``SELECT ... FOR UPDATE`` on
PostgreSQL, the write lock of ``BEGIN IMMEDIATE`` on SQLite), so two writers never both chain
onto the same record; the record and the new head are committed with the caller's own changes,
or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

import structlog

from preboard.audit.chain import AuditEntry, ChainHead, seal
from preboard.audit.verify import VerifyResult, verify_entries

__all__ = ["AuditStore", "append", "verify"]

log = structlog.get_logger(__name__)


class AuditStore(Protocol):
    """Where the log lives."""

    def lock_head(self) -> ChainHead:
        """The chain head, locked against other appenders until the transaction ends."""

    def head(self) -> ChainHead:
        """The chain head as it stands, without locking."""

    def insert(self, entry: AuditEntry) -> None:
        """Store a sealed record and move the head to it."""

    def entries(self) -> Iterable[AuditEntry]:
        """Every record, in sequence order."""


def append(
    store: AuditStore,
    actor: str,
    action: str,
    subject: str = "",
    detail: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one record after the current head and return it (sealed, with its hash)."""
    head = store.lock_head()
    draft = AuditEntry(0, dt.datetime.now(dt.UTC), actor, action, subject, detail or {})
    entry = seal(head, draft)
    store.insert(entry)
    log.debug("audit.appended", seq=entry.seq, action=action, actor=actor)
    return entry


def verify(store: AuditStore) -> VerifyResult:
    """Check the whole log; the result lists every altered, removed or inserted record."""
    head = store.head()
    result = verify_entries(store.entries(), head)
    log.info("audit.verified", records=result.records, problems=len(result.problems))
    return result
