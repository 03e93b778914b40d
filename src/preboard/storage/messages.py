"""Messages as received: stored once by content hash, before anything else happens to them."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from preboard.storage.states import MessageStatus
from preboard.storage.tables import MessageRow

__all__ = ["StoredMessage", "content_hash", "mark_message", "pending_messages", "store_message"]


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """Where a message is stored, and whether the same bytes had been stored before."""

    id: int
    duplicate: bool
    content_hash: str


def content_hash(body: bytes) -> str:
    """The SHA-256 hex digest that identifies a message's bytes."""
    return hashlib.sha256(body).hexdigest()


def store_message(
    session: Session, body: bytes, *, kind: str, source: str, now: dt.datetime
) -> StoredMessage:
    """Store ``body`` unless the same bytes are stored already (then ``duplicate``). A single
    ``INSERT ... ON CONFLICT DO NOTHING``, so two clients posting the same message at once
    still store it once. Durable once the caller's transaction commits."""
    digest = content_hash(body)
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = (
        insert(MessageRow)
        .values(
            content_hash=digest,
            kind=kind,
            source=source[:200],
            body=body,
            size=len(body),
            received_at=now,
            status=MessageStatus.RECEIVED,
            problems=[],
        )
        .on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(MessageRow.id)
    )
    new_id = session.scalar(stmt)
    if new_id is not None:
        return StoredMessage(new_id, False, digest)
    existing = session.scalar(select(MessageRow.id).where(MessageRow.content_hash == digest))
    assert existing is not None
    return StoredMessage(existing, True, digest)


def mark_message(
    session: Session,
    message_id: int,
    status: MessageStatus,
    *,
    now: dt.datetime,
    problems: Sequence[dict[str, Any]] = (),
) -> None:
    """Record the outcome of screening a message, with its problems (as JSON-ready dicts)."""
    values: dict[str, Any] = {"status": status, "problems": list(problems)}
    if status is not MessageStatus.RECEIVED:
        values["screened_at"] = now
    session.execute(update(MessageRow).where(MessageRow.id == message_id).values(**values))


def pending_messages(session: Session, limit: int = 1000) -> list[int]:
    """Ids of messages stored but not yet screened, oldest first (to resume after a crash)."""
    stmt = (
        select(MessageRow.id)
        .where(MessageRow.status == MessageStatus.RECEIVED)
        .order_by(MessageRow.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))
