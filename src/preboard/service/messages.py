"""Stored messages as officers and admins inspect them: status, problems, flights.

Parse problems are never lost: every message keeps the problems found when it was read, and a
message that could not be screened stays ``failed`` with them. Reads are audited.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.service.errors import InvalidValueError
from preboard.service.trail import record
from preboard.storage import Database, MessageStatus
from preboard.storage.tables import FlightRow, MessageFlightRow, MessageRow
from preboard.users import Principal

__all__ = ["MessageView", "list_messages", "view_message"]

LIST_LIMIT = 500


@dataclass(frozen=True, slots=True)
class MessageView:
    """A stored message without its body."""

    id: int
    kind: str
    source: str
    size: int
    received_at: dt.datetime
    status: str
    screened_at: dt.datetime | None
    problems: list[dict[str, Any]]
    flights: list[int]
    flight_names: list[str]  # the same flights as officers name them: ``F9 2591 2026-12-02``


_COLUMNS = (
    MessageRow.id,
    MessageRow.kind,
    MessageRow.source,
    MessageRow.size,
    MessageRow.received_at,
    MessageRow.status,
    MessageRow.screened_at,
    MessageRow.problems,
)


def _flights(session: Session, ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    stmt = (
        select(MessageFlightRow.message_id, FlightRow.id, FlightRow.carrier, FlightRow.number,
               FlightRow.date)
        .join(FlightRow, FlightRow.id == MessageFlightRow.flight_id)
        .where(MessageFlightRow.message_id.in_(ids))
        .order_by(MessageFlightRow.flight_id)
    )  # fmt: skip
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for message_id, flight_id, carrier, number, date in session.execute(stmt):
        day = f" {date.isoformat()}" if date else ""
        found[message_id].append((flight_id, f"{carrier} {number}{day}"))
    return found


def _views(session: Session, rows: list[Any]) -> list[MessageView]:
    flights = _flights(session, [r.id for r in rows])
    return [
        MessageView(r.id, r.kind, r.source, r.size, r.received_at, r.status.value, r.screened_at,
                    [dict(p) for p in r.problems], [i for i, _ in flights.get(r.id, [])],
                    [name for _, name in flights.get(r.id, [])])
        for r in rows
    ]  # fmt: skip


def list_messages(
    database: Database, principal: Principal, status: str | None = None
) -> list[MessageView]:
    """The latest messages (at most ``LIST_LIMIT``), newest first, optionally in one status."""
    stmt = select(*_COLUMNS).order_by(MessageRow.id.desc()).limit(LIST_LIMIT)
    if status:
        try:
            stmt = stmt.where(MessageRow.status == MessageStatus(status))
        except ValueError:
            raise InvalidValueError(f"no message status {status!r}") from None
    with database.write() as session:
        views = _views(session, list(session.execute(stmt)))
        record(session, principal, "messages.list", "messages", status=status, results=len(views))
        return views


def view_message(database: Database, principal: Principal, message_id: int) -> MessageView:
    """One stored message's status and problems."""
    with database.write() as session:
        rows = list(session.execute(select(*_COLUMNS).where(MessageRow.id == message_id)))
        if not rows:
            raise NotFoundError(f"no message {message_id}")
        record(session, principal, "message.view", f"message:{message_id}")
        return _views(session, rows)[0]
