"""Intake: a message is stored (committed, durable) before anything else happens to it.

    receipt = receive(database, principal, body)      # then 202 {"id", "duplicate"}

1. The body is stored by content hash (the same bytes twice are stored once) with status
   ``received``, and the intake is audited, in one transaction that commits before the caller
   acknowledges anything: a crash after the acknowledgement loses nothing.
2. The message is checked cheaply (``reading.check_message``: its envelope and flight
   segment, not the full read) to tell the sender at once when nothing in it can be
   screened: it is then marked ``failed`` with its problems, kept for inspection, and
   ``MalformedMessageError`` raised (422 with the problems). The full read is the worker's,
   so that the process answering requests does not spend tens of milliseconds per message.
3. Screening happens later, in the worker (``worker.py``), which picks every stored message
   still ``received``, including those left by a crash.
"""

from __future__ import annotations

from dataclasses import dataclass

import structlog
from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.service.errors import MalformedMessageError
from preboard.service.reading import check_message, message_kind
from preboard.service.trail import record
from preboard.storage import Database, MessageStatus, mark_message, store_message
from preboard.storage.messages import StoredMessage
from preboard.storage.tables import MessageRow
from preboard.users import Principal, now_utc

__all__ = ["Receipt", "receive"]

log = structlog.get_logger(__name__)


@dataclass(frozen=True, slots=True)
class Receipt:
    """The acknowledgement of a stored message."""

    id: int
    duplicate: bool


def _store(database: Database, principal: Principal, body: bytes) -> tuple[int, bool]:
    """Store the message and its audit record, committed with those of other messages
    arriving at the same moment (``Database.grouped``); return once they are durable."""
    kind = message_kind(body)
    stored: list[StoredMessage] = []

    def work(session: Session) -> None:
        stored[:] = [store_message(session, body, kind=kind, source=principal.actor, now=now_utc())]
        detail = {"size": len(body), "kind": kind, "duplicate": stored[0].duplicate}
        record(session, principal, "message.receive", f"message:{stored[0].id}", **detail)

    database.grouped(work)
    (message,) = stored
    log.info("intake.stored", message=message.id, duplicate=message.duplicate, size=len(body))
    return message.id, message.duplicate


def _refuse_failed(database: Database, message_id: int) -> None:
    with database.session() as session:
        row = session.get(MessageRow, message_id)
        failed = row is not None and row.status is MessageStatus.FAILED
        problems = list(row.problems) if row is not None else []
    if failed:
        raise MalformedMessageError(
            "the message cannot be screened (sent before, kept as failed)",
            {"id": message_id, "problems": problems},
        )


def receive(database: Database, principal: Principal, body: bytes) -> Receipt:
    """Store ``body`` durably and acknowledge it (see the module docstring). A duplicate of a
    malformed message is refused again with its stored problems."""
    message_id, duplicate = _store(database, principal, body)
    if duplicate:
        _refuse_failed(database, message_id)
        return Receipt(message_id, True)
    problems = check_message(message_id, body)
    if not problems:
        return Receipt(message_id, False)
    with database.write() as session:
        status = session.scalar(select(MessageRow.status).where(MessageRow.id == message_id))
        if status is MessageStatus.RECEIVED:  # the worker may have been quicker
            now = now_utc()
            mark_message(session, message_id, MessageStatus.FAILED, now=now, problems=problems)
    log.info("intake.malformed", message=message_id, problems=len(problems))
    raise MalformedMessageError(
        "the message cannot be screened (see its problems); it is kept as failed",
        {"id": message_id, "problems": problems},
    )
