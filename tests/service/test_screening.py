"""Screening stored messages without the web: links to flights, re-assessment from all of a
flight's messages, stale notes removed but reviewed work kept, a screening bug isolated to
its messages, and a run that finds nothing to do."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from preboard.assessment import Screening
from preboard.service import screen_pending
from preboard.service.reading import Reading
from preboard.storage import (
    Database,
    Decision,
    HitStatus,
    MessageStatus,
    decide,
    store_message,
)
from preboard.storage.tables import (
    HitRow,
    MessageFlightRow,
    MessageRow,
    TravellerRow,
    UserRow,
)
from preboard.users import Role, now_utc
from tests.service.day import F9, day_files, day_screening


def store(database: Database, messages: list[tuple[str, bytes]]) -> None:
    with database.write() as session:
        for _, body in messages:
            store_message(session, body, kind="edifact", source="test", now=now_utc())


def count(database: Database, column: object) -> int:
    with database.session() as session:
        return int(session.scalar(select(func.count(column))) or 0)  # type: ignore[arg-type]


@pytest.fixture
def screening() -> Iterator[Screening]:
    yield day_screening()


def test_nothing_stored_is_nothing_to_do(database: Database, screening: Screening) -> None:
    assert screen_pending(database, screening).messages == 0


def test_a_flight_is_reassessed_from_all_its_messages_and_stale_notes_go(
    database: Database, screening: Screening
) -> None:
    day = day_files()
    store(database, day.messages(F9, "paxlst"))
    first = screen_pending(database, screening)
    assert (len(first.screened), list(first.flights)) == (4, [1])
    assert count(database, MessageFlightRow.message_id) == 4
    no_pnr = select(func.count(HitRow.id)).where(HitRow.code == "data.no_pnr")
    with database.write() as session:
        assert (session.scalar(no_pnr) or 0) > 200
        hit = session.scalars(select(HitRow).where(HitRow.code == "data.no_pnr")).first()
        assert hit is not None
        officer = UserRow(name="olga", role=Role.OFFICER, password_hash="x", active=True,
                          failed_logins=0, created_at=now_utc())  # fmt: skip
        session.add(officer)
        session.flush()
        decide(
            session, hit, officer.id, Decision.DISMISSED, "booked under a company PNR", now_utc()
        )
        kept = hit.id
    store(database, day.messages(F9, "pnrgov"))
    second = screen_pending(database, screening)
    assert list(second.flights) == [1] and len(second.screened) == 2
    with database.session() as session:
        remaining = list(session.scalars(select(HitRow).where(HitRow.code == "data.no_pnr")))
        assert [(h.id, h.status) for h in remaining] == [(kept, HitStatus.DISMISSED)]
        assert session.scalar(select(func.count(TravellerRow.id))) == 225
        statuses = set(session.scalars(select(MessageRow.status)))
    assert statuses == {MessageStatus.SCREENED}


def test_a_screening_bug_fails_its_messages_without_stopping_the_run(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*_args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("preboard.service.screening.screen", explode)
    store(database, day_files().messages(F9, "paxlst-crew"))
    run = screen_pending(database, Screening())
    assert (run.screened, len(run.failed)) == ([], 1)
    with database.session() as session:
        row = session.scalars(select(MessageRow)).one()
    assert row.status is MessageStatus.FAILED
    assert "internal error while screening (RuntimeError)" in str(row.problems)


def test_a_message_whose_flight_cannot_be_stored_fails_alone(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from preboard.service import screening as module

    real = module.save_flight

    def refuse_nk(session: object, flight: object, now: object) -> object:
        if getattr(flight, "carrier", None) == "NK":
            raise ValueError("refused by the database")
        return real(session, flight, now)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "save_flight", refuse_nk)
    day = day_files()
    store(
        database, day.messages(F9, "paxlst-crew") + day.messages("NK1071-2026-12-02", "paxlst-crew")
    )
    run = screen_pending(database, day_screening())
    assert (len(run.screened), len(run.failed)) == (1, 1)
    with database.session() as session:
        failed = session.scalars(select(MessageRow).where(MessageRow.status == "failed")).one()
    assert "while storing its flight (ValueError)" in str(failed.problems)


def test_a_run_stopped_between_flights_leaves_its_messages_for_the_next_run(
    database: Database, screening: Screening
) -> None:
    day = day_files()
    store(database, day.messages(F9, "paxlst"))
    assert screen_pending(database, screening, stopping=lambda: True).messages == 0
    answers = iter([False] * 4 + [True])  # the 4 messages read, then stop before the flight
    stopped = screen_pending(database, screening, stopping=lambda: next(answers))
    assert list(stopped.flights) == [1]  # linked, but not screened
    with database.session() as session:
        statuses = set(session.scalars(select(MessageRow.status)))
        assert statuses == {MessageStatus.RECEIVED}
        assert session.scalar(select(func.count(TravellerRow.id))) == 0
    again = screen_pending(database, screening)
    assert len(again.screened) == 4
    assert count(database, TravellerRow.id) > 0


def test_readings_cached_by_one_run_are_used_by_the_next(
    database: Database, screening: Screening
) -> None:
    day = day_files()
    cache: dict[int, Reading] = {}
    store(database, day.messages(F9, "pnrgov")[:1])
    screen_pending(database, screening, cache=cache)
    assert list(cache) == [1]
    store(database, day.messages(F9, "paxlst"))
    run = screen_pending(database, screening, cache=cache)
    assert len(run.screened) == 4 and len(cache) == 5
