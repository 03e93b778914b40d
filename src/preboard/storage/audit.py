"""The audit log in the database: the ``AuditStore`` of ``preboard.audit`` over a session.

The chain head is one row (``audit_head``). ``lock_head`` reads it ``FOR UPDATE`` on
PostgreSQL, so a second appender waits until the first commits and then sees the new head; on
SQLite it first touches the row, which takes the database's write lock (at once in a
``Database.write()`` session, whose transaction began with ``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from preboard.audit.chain import AuditEntry, ChainHead
from preboard.storage.tables import AuditHeadRow, AuditRecordRow

__all__ = ["SqlAuditStore"]

_BATCH = 1000


_COLUMNS = (
    AuditRecordRow.seq,
    AuditRecordRow.at,
    AuditRecordRow.actor,
    AuditRecordRow.action,
    AuditRecordRow.subject,
    AuditRecordRow.detail,
    AuditRecordRow.prev_hash,
    AuditRecordRow.hash,
)


class SqlAuditStore:
    """``preboard.audit.AuditStore`` on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _head(self, *, lock: bool) -> ChainHead:
        stmt = select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
        if lock:
            stmt = stmt.with_for_update()
        row = self.session.execute(stmt).one()
        return ChainHead(row.seq, row.hash)

    def lock_head(self) -> ChainHead:
        """The head, locked against other appenders until this transaction ends."""
        if self.session.get_bind().dialect.name == "sqlite":
            # A write statement takes SQLite's one write lock even when it matches no row; the
            # real head row is not touched, so its trigger does not fire.
            self.session.execute(update(AuditHeadRow).where(AuditHeadRow.id == -1).values(seq=0))
        return self._head(lock=True)

    def head(self) -> ChainHead:
        """The head as it stands."""
        return self._head(lock=False)

    def insert(self, entry: AuditEntry) -> None:
        """Store ``entry`` and move the head to it (the triggers check both steps)."""
        self.session.add(
            AuditRecordRow(
                seq=entry.seq,
                at=entry.at,
                actor=entry.actor,
                action=entry.action,
                subject=entry.subject,
                detail=dict(entry.detail),
                prev_hash=entry.prev_hash,
                hash=entry.hash,
            )
        )
        self.session.flush()
        stmt = update(AuditHeadRow).where(AuditHeadRow.id == 1)
        self.session.execute(stmt.values(seq=entry.seq, hash=entry.hash))

    def entries(self) -> Iterator[AuditEntry]:
        """Every record in sequence order, read in batches of plain rows (not ORM objects, so
        a long log does not fill the session)."""
        stmt = select(*_COLUMNS).order_by(AuditRecordRow.seq).limit(_BATCH)
        last: int | None = None
        while True:
            page = stmt if last is None else stmt.where(AuditRecordRow.seq > last)
            rows = self.session.execute(page).all()
            for row in rows:
                yield AuditEntry(*row)
            if len(rows) < _BATCH:
                return
            last = rows[-1].seq
