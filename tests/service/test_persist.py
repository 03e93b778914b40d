"""The whole-flight storage functions the worker uses behave as their one-traveller
counterparts: the same row for the same identity, hits refreshed with their review kept, a
dismissal remembered from an earlier flight."""

from __future__ import annotations

from preboard.storage import (
    Database,
    Decision,
    HitStatus,
    TravellerData,
    decide,
    record_flight_hits,
    record_hits,
    save_flight,
    save_traveller,
    save_travellers,
)
from preboard.storage.tables import UserRow
from preboard.users import Role
from tests.storage.test_hits import ANA, NOW, flight, match


def officer_id(database: Database) -> int:
    with database.write() as session:
        user = UserRow(name="olga", role=Role.OFFICER, password_hash="x", active=True,
                       failed_logins=0, created_at=NOW)  # fmt: skip
        session.add(user)
        session.flush()
        return user.id


def test_save_travellers_keeps_one_row_per_identity_in_order(database: Database) -> None:
    with database.write() as session:
        flight_id = save_flight(session, flight(1), NOW).id
        before = save_traveller(session, flight_id, TravellerData(ANA, priority=0.1), NOW)
        rows = save_travellers(
            session,
            flight_id,
            [TravellerData(ANA, priority=0.5), TravellerData(ANA, priority=0.9)],
            NOW,
        )
        assert [r.id for r in rows] == [before.id, before.id]
        assert rows[0].priority == 0.9  # the later item wins


def test_record_flight_hits_keeps_reviews_and_remembers_dismissals(database: Database) -> None:
    officer = officer_id(database)
    with database.write() as session:
        monday = save_traveller(
            session, save_flight(session, flight(1), NOW).id, TravellerData(ANA), NOW
        )
        (hit,) = record_hits(session, monday, [match("Q1")], NOW)
        decide(session, hit, officer, Decision.DISMISSED, "not the listed person", NOW)
        tuesday_id = save_flight(session, flight(2), NOW).id
        (tuesday,) = save_travellers(session, tuesday_id, [TravellerData(ANA)], NOW)
        ((same, other),) = record_flight_hits(session, [(tuesday, [match("Q1"), match("Q2")])], NOW)
        assert (same.status, same.remembered_from_id) == (HitStatus.DISMISSED, hit.id)
        assert (other.status, other.remembered_from_id) == (HitStatus.NEW, None)
        decide(session, other, officer, Decision.IN_REVIEW, "", NOW)
        ((again,),) = record_flight_hits(session, [(tuesday, [match("Q2")])], NOW)
        assert (again.id, again.status) == (other.id, HitStatus.IN_REVIEW)
