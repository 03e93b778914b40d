"""Which stored messages describe which flight (the ``message_flights`` table)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.storage import MessageStatus
from preboard.storage.tables import MessageFlightRow, MessageRow

__all__ = ["flight_message_ids", "flight_messages", "link", "pending"]


def link(session: Session, message_id: int, flight_id: int) -> None:
    """Record that the message describes the flight (once)."""
    if session.get(MessageFlightRow, (message_id, flight_id)) is None:
        session.add(MessageFlightRow(message_id=message_id, flight_id=flight_id))
        session.flush()


def flight_messages(session: Session, flight_id: int) -> list[tuple[int, bytes]]:
    """Ids and bodies of the flight's messages that are not failed, in the order received."""
    stmt = (
        select(MessageRow.id, MessageRow.body)
        .join(MessageFlightRow, MessageFlightRow.message_id == MessageRow.id)
        .where(MessageFlightRow.flight_id == flight_id)
        .where(MessageRow.status != MessageStatus.FAILED)
        .order_by(MessageRow.id)
    )
    return [(row.id, row.body) for row in session.execute(stmt)]


def flight_message_ids(session: Session, flight_id: int) -> list[int]:
    """Ids of the flight's messages that are not failed, in the order received."""
    stmt = (
        select(MessageRow.id)
        .join(MessageFlightRow, MessageFlightRow.message_id == MessageRow.id)
        .where(MessageFlightRow.flight_id == flight_id)
        .where(MessageRow.status != MessageStatus.FAILED)
        .order_by(MessageRow.id)
    )
    return list(session.scalars(stmt))


def pending(session: Session, limit: int) -> list[tuple[int, bytes]]:
    """Ids and bodies of stored messages not yet screened, oldest first."""
    stmt = (
        select(MessageRow.id, MessageRow.body)
        .where(MessageRow.status == MessageStatus.RECEIVED)
        .order_by(MessageRow.id)
        .limit(limit)
    )
    return [(row.id, row.body) for row in session.execute(stmt)]
