"""Screening stored messages: the work the worker does after intake has acknowledged them.

    run = screen_pending(database, screening)

One run takes the stored messages still ``received`` (oldest first, crash leftovers included):

1. each is read on its own; one that names no flight is marked ``failed`` with its problems;
2. the flights each one describes are stored and linked to it (``message_flights``);
3. every flight touched is re-assessed from *all* of its messages together (PAXLST parts
   assembled, the latest PNR push winning), and its worklist saved (``persist.py``);
4. the messages are marked ``screened`` with their problems.

Each step commits on its own (step 2 message by message, so a message the database refuses
fails alone) and is idempotent: a crash at any point leaves messages ``received``, and the
next run (at the latest, on the next start) finishes the work. Step 3 checks, in the
transaction that saves, that the flight's messages are still those it read; when another
process linked a new one meanwhile, it reads and screens again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import structlog

from preboard.assessment import Screening, screen
from preboard.assessment.flights import FlightKey
from preboard.ingest.export import problem_dict
from preboard.model import Problem, Severity
from preboard.service import links
from preboard.service.persist import save_worklist
from preboard.service.reading import Reading, flight_manifests, message_name, read_message
from preboard.storage import (
    Database,
    MessageStatus,
    StorageUnavailable,
    mark_message,
    save_flight,
)
from preboard.storage.tables import FlightRow
from preboard.users import now_utc

__all__ = ["ScreenRun", "screen_flight", "screen_pending"]

log = structlog.get_logger(__name__)
_ATTEMPTS = 3
CACHED_READINGS = 2_000  # messages a worker keeps read (PNR pushes: tens of kB each)


@dataclass(slots=True)
class ScreenRun:
    """What one run did: messages screened and failed, flights re-assessed."""

    screened: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    flights: dict[int, list[int]] = field(default_factory=dict)  # flight id: its new messages

    @property
    def messages(self) -> int:
        return len(self.screened) + len(self.failed)


def _failed(message_id: int, reading: Reading, reason: str | None = None) -> list[dict[str, Any]]:
    problems = reading.problem_dicts()
    if reason is not None:
        problems.append(
            problem_dict(Problem(message_name(message_id), None, reason, Severity.ERROR))
        )
    return problems


def _link_one(database: Database, message_id: int, reading: Reading, run: ScreenRun) -> None:
    """Store the message's flights and link them, or mark it failed, in one transaction."""
    now = now_utc()
    with database.write() as session:
        if not reading.readable:
            problems = _failed(message_id, reading)
            mark_message(session, message_id, MessageStatus.FAILED, now=now, problems=problems)
            run.failed.append(message_id)
            return
        flights = [save_flight(session, flight, now).id for flight in reading.flights]
        for flight_id in flights:
            links.link(session, message_id, flight_id)
    for flight_id in flights:
        run.flights.setdefault(flight_id, []).append(message_id)
    run.screened.append(message_id)


def _link_all(database: Database, readings: dict[int, Reading], run: ScreenRun) -> None:
    for message_id, reading in readings.items():
        try:
            _link_one(database, message_id, reading, run)
        except StorageUnavailable:
            raise
        except Exception as err:  # e.g. a flight the database refuses: fail this one only
            log.error("screening.link_failed", message=message_id, error=type(err).__name__)
            reason = f"internal error while storing its flight ({type(err).__name__}): report it"
            with database.write() as session:
                problems = _failed(message_id, reading, reason)
                mark_message(session, message_id, MessageStatus.FAILED, now=now_utc(),
                             problems=problems)  # fmt: skip
            run.failed.append(message_id)


def screen_flight(
    database: Database,
    flight_id: int,
    screening: Screening,
    known: Mapping[int, Reading] | None = None,
) -> None:
    """Re-assess one stored flight from all of its messages and save its worklist
    (``known``: messages already read in this run, re-used where that is the same)."""
    for _ in range(_ATTEMPTS):
        started = time.perf_counter()
        with database.session() as session:
            row = session.get(FlightRow, flight_id)
            messages = links.flight_messages(session, flight_id)
        if row is None or not messages:
            return
        key = FlightKey(row.carrier, row.number, row.date)
        manifests = flight_manifests(messages, known or {})
        worklist = next((w for w in screen(manifests, screening) if w.key == key), None)
        with database.write() as session:
            if links.flight_message_ids(session, flight_id) != [i for i, _ in messages]:
                continue  # another process linked a message meanwhile: read them all again
            if worklist is not None:
                saved = save_worklist(session, flight_id, worklist, messages[-1][0], now_utc())
                log.info(
                    "screening.flight",
                    flight=flight_id,
                    messages=len(messages),
                    travellers=saved.travellers,
                    hits=saved.hits,
                    removed=saved.removed_travellers + saved.removed_hits,
                    seconds=round(time.perf_counter() - started, 3),
                )
            return
    log.warning("screening.flight_unsettled", flight=flight_id, attempts=_ATTEMPTS)


def _mark_done(
    database: Database, readings: dict[int, Reading], run: ScreenRun, broken: dict[int, str]
) -> None:
    now = now_utc()
    with database.write() as session:
        for message_id in run.screened:
            status, reason = MessageStatus.SCREENED, None
            if message_id in broken:
                status = MessageStatus.FAILED
                reason = f"internal error while screening ({broken[message_id]}): report it"
            problems = _failed(message_id, readings[message_id], reason)
            mark_message(session, message_id, status, now=now, problems=problems)
    run.failed += [i for i in run.screened if i in broken]
    run.screened = [i for i in run.screened if i not in broken]


def _remember(cache: dict[int, Reading], readings: dict[int, Reading]) -> None:
    cache.update(readings)
    for message_id in list(cache)[: max(0, len(cache) - CACHED_READINGS)]:
        del cache[message_id]


def screen_pending(
    database: Database,
    screening: Screening,
    *,
    limit: int = 200,
    cache: dict[int, Reading] | None = None,
    stopping: Callable[[], bool] | None = None,
) -> ScreenRun:
    """Screen the stored messages not screened yet (see the module docstring). ``cache``
    keeps messages read in earlier runs (a stored message never changes), so that a flight
    re-assessed on its next message does not read its earlier PNR pushes again; the newest
    ``CACHED_READINGS`` are kept. When ``stopping()`` turns true, the run ends before its
    next flight and leaves its messages ``received`` (a flight saved already is saved again by
    the next run: the same result)."""
    run = ScreenRun()
    with database.session() as session:
        pending = links.pending(session, limit)
    if not pending:
        return run
    readings: dict[int, Reading] = {}
    for message_id, body in pending:
        if stopping is not None and stopping():
            return run  # nothing linked yet: all of them stay received
        readings[message_id] = read_message(message_id, body)
    _link_all(database, readings, run)
    known = readings if cache is None else {**cache, **readings}
    broken: dict[int, str] = {}
    for flight_id, message_ids in run.flights.items():
        if stopping is not None and stopping():
            log.info("screening.interrupted", flights=len(run.flights))
            return run  # its messages stay received: the next run screens them again
        try:
            screen_flight(database, flight_id, screening, known)
        except StorageUnavailable:
            raise
        except Exception as err:  # a bug must not stop the other flights, nor loop for ever
            log.error("screening.flight_failed", flight=flight_id, error=type(err).__name__)
            broken.update((i, type(err).__name__) for i in message_ids)
    _mark_done(database, readings, run, broken)
    if cache is not None:
        _remember(cache, readings)
    log.info("screening.run", screened=len(run.screened), failed=len(run.failed))
    return run
