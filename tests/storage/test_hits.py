"""Flights, travellers and hits; a dismissed hit is remembered for the same person and entry
on later messages (DOMAIN.md §4.6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from preboard.model import Flight, Leg, PartialDate, Role, TravelDocument, Traveller
from preboard.model.findings import Finding, FindingKind, FindingSeverity
from preboard.storage import (
    Database,
    Decision,
    HitStatus,
    TravellerData,
    decide,
    record_hits,
    save_flight,
    save_traveller,
    traveller_identity,
)
from preboard.storage.tables import UserRow
from preboard.users import Role as UserRole

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
ANA = Traveller(
    Role.PASSENGER,
    "GARCIA LOPEZ",
    "ANA MARIA",
    birth_date=PartialDate(1990, 5, 17),
    documents=(TravelDocument("P", "X1234567", "MEX"),),
    ref="1",
)


def flight(day: int, number: str = "0989") -> Flight:
    leg = Leg("CUN", "IAH", dt.datetime(2026, 12, day, 15, 40), dt.datetime(2026, 12, day, 18, 5))
    return Flight("UA", number, (leg,))


def match(entry: str) -> Finding:
    return Finding(
        FindingKind.WATCHLIST,
        "watchlist.match",
        FindingSeverity.HIGH,
        0.91,
        "Possible match on the test list: names agree",
        "test-list@1",
        (("entry_id", entry), ("weights", "v4")),
    )


def _officer(database: Database) -> int:
    with database.write() as session:
        user = UserRow(name="olga", role=UserRole.OFFICER, password_hash="x", active=True)
        user.failed_logins, user.created_at = 0, NOW
        session.add(user)
        session.flush()
        return user.id


def test_flight_is_one_row_per_departure_whatever_the_zero_padding(database: Database) -> None:
    with database.write() as session:
        first = save_flight(session, flight(1, "0989"), NOW)
        again = save_flight(session, flight(1, "989"), NOW)
        next_day = save_flight(session, flight(2, "989"), NOW)
        assert first.id == again.id != next_day.id
        assert (first.carrier, first.number, first.date) == ("UA", "989", dt.date(2026, 12, 1))
        assert (first.origin, first.destination) == ("CUN", "IAH")
        assert first.departure == dt.datetime(2026, 12, 1, 15, 40)


def test_traveller_is_replaced_by_a_later_message(database: Database) -> None:
    with database.write() as session:
        flight_id = save_flight(session, flight(1), NOW).id
        first = save_traveller(session, flight_id, TravellerData(ANA, priority=0.2), NOW)
        later = save_traveller(session, flight_id, TravellerData(ANA, priority=0.7), NOW)
        assert first.id == later.id
        assert later.priority == 0.7
        assert (later.surname, later.given_names) == ("GARCIA LOPEZ", "ANA MARIA")
        assert later.data["documents"][0]["number"] == "X1234567"


def test_identity_ignores_message_references_and_spacing_but_not_the_document() -> None:
    same = Traveller(
        Role.PASSENGER,
        "Garcia-Lopez",
        "Ana  Maria",
        birth_date=PartialDate(1990, 5, 17),
        documents=(TravelDocument("P", "X 1234567", "MEX"),),
        ref="7",
    )
    other = Traveller(
        Role.PASSENGER,
        "GARCIA LOPEZ",
        "ANA MARIA",
        birth_date=PartialDate(1990, 5, 17),
        documents=(TravelDocument("P", "X7654321", "MEX"),),
    )
    assert traveller_identity(same) == traveller_identity(ANA) != traveller_identity(other)


def test_dismissed_hit_is_remembered_on_the_next_message(database: Database) -> None:
    officer = _officer(database)
    with database.write() as session:
        monday = save_traveller(
            session, save_flight(session, flight(1), NOW).id, TravellerData(ANA), NOW
        )
        (hit,) = record_hits(session, monday, [match("Q1")], NOW)
        assert hit.status is HitStatus.NEW
        decide(session, hit, officer, Decision.DISMISSED, "different birth date on file", NOW)
        dismissed_id = hit.id
    with database.write() as session:
        tuesday = save_traveller(
            session, save_flight(session, flight(2), NOW).id, TravellerData(ANA), NOW
        )
        same, other_entry = record_hits(session, tuesday, [match("Q1"), match("Q2")], NOW)
        assert same.status is HitStatus.DISMISSED
        assert same.remembered_from_id == dismissed_id
        assert other_entry.status is HitStatus.NEW
        assert other_entry.remembered_from_id is None


def test_reopening_ends_the_memory(database: Database) -> None:
    officer = _officer(database)
    with database.write() as session:
        monday = save_traveller(
            session, save_flight(session, flight(1), NOW).id, TravellerData(ANA), NOW
        )
        (hit,) = record_hits(session, monday, [match("Q1")], NOW)
        decide(session, hit, officer, Decision.DISMISSED, "not the listed person", NOW)
        decide(session, hit, officer, Decision.REOPENED, "new information from the liaison", NOW)
        tuesday = save_traveller(
            session, save_flight(session, flight(2), NOW).id, TravellerData(ANA), NOW
        )
        (again,) = record_hits(session, tuesday, [match("Q1")], NOW)
        assert again.status is HitStatus.NEW


def test_rescreening_the_same_traveller_refreshes_a_hit_and_keeps_its_review(
    database: Database,
) -> None:
    officer = _officer(database)
    with database.write() as session:
        row = save_traveller(
            session, save_flight(session, flight(1), NOW).id, TravellerData(ANA), NOW
        )
        (hit,) = record_hits(session, row, [match("Q1")], NOW)
        decide(session, hit, officer, Decision.IN_REVIEW, "checking the list entry", NOW)
        stronger = replace(match("Q1"), score=0.97)
        (again,) = record_hits(session, row, [stronger], NOW)
        assert again.id == hit.id
        assert again.status is HitStatus.IN_REVIEW
        assert again.score == 0.97
