"""The audit log in the database: the ``AuditStore`` of ``preboard.audit`` over a session.

The chain head is one row (``audit_head``). ``lock_head`` reads it ``FOR UPDATE`` on
PostgreSQL, so a second appender waits until the first commits and then sees the new head; on
SQLite it first touches the row, which takes the database's write lock (at once in a
``Database.write()`` session, whose transaction began with ``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from preboard.audit.chain import AuditEntry, ChainHead
from preboard.storage.tables import AuditHeadRow, AuditRecordRow

__all__ = ["SqlAuditStore"]

_BATCH = 1000
_HELD = "preboard.audit_head"  # session.info: (transaction, head) once the head is locked


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


# Built once: an append runs several statements, and building them is most of its cost.
_HEAD = select(AuditHeadRow.seq, AuditHeadRow.hash).where(AuditHeadRow.id == 1)
_HEAD_LOCKED = _HEAD.with_for_update()
_WRITE_LOCK = update(AuditHeadRow).where(AuditHeadRow.id == -1).values(seq=0)
_INSERT = insert(AuditRecordRow)
_MOVE = (
    update(AuditHeadRow)
    .where(AuditHeadRow.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)


class SqlAuditStore:
    """``preboard.audit.AuditStore`` on a SQLAlchemy session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def _head(self, *, lock: bool) -> ChainHead:
        row = self.session.execute(_HEAD_LOCKED if lock else _HEAD).one()
        return ChainHead(row.seq, row.hash)

    def lock_head(self) -> ChainHead:
        """The head, locked against other appenders until this transaction ends (read once
        per transaction: after that, the head this transaction moved it to)."""
        held = self.session.info.get(_HELD)
        if held is not None and held[0] is self.session.get_transaction():
            head: ChainHead = held[1]
            return head
        if self.session.get_bind().dialect.name == "sqlite":
            # A write statement takes SQLite's one write lock even when it matches no row; the
            # real head row is not touched, so its trigger does not fire.
            self.session.execute(_WRITE_LOCK)
        locked = self._head(lock=True)
        self.session.info[_HELD] = (self.session.get_transaction(), locked)
        return locked

    def head(self) -> ChainHead:
        """The head as it stands."""
        return self._head(lock=False)

    def insert(self, entry: AuditEntry) -> None:
        """Store ``entry`` and move the head to it (the triggers check both steps)."""
        record = {
            "seq": entry.seq,
            "at": entry.at,
            "actor": entry.actor,
            "action": entry.action,
            "subject": entry.subject,
            "detail": dict(entry.detail),
            "prev_hash": entry.prev_hash,
            "hash": entry.hash,
        }
        connection = self.session.connection()  # Core statements: no ORM unit of work
        connection.execute(_INSERT, record)
        connection.execute(_MOVE, {"new_seq": entry.seq, "new_hash": entry.hash})
        self.session.info[_HELD] = (
            self.session.get_transaction(),
            ChainHead(entry.seq, entry.hash),
        )

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
