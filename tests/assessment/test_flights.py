"""Grouping messages by departure: API travellers and PNR bookings of the same flight."""

from __future__ import annotations

import datetime as dt

from preboard.assessment import FlightKey, group_by_flight
from preboard.model import Booking, Flight, Leg, Manifest, Role, SourceKind, Traveller

DEP = dt.datetime(2026, 12, 2, 9, 30)


def flight(number: str, departure: dt.datetime = DEP) -> Flight:
    return Flight("AA", number, (Leg("CUN", "MIA", departure),))


def pax(*names: str, number: str = "1234") -> Manifest:
    people = tuple(Traveller(Role.PASSENGER, n, "ANA") for n in names)
    return Manifest(SourceKind.PAXLST, flight(number), travellers=people)


def pnr(*bookings: Booking, number: str = "1234") -> Manifest:
    return Manifest(SourceKind.PNRGOV, flight(number), bookings=bookings)


def booking(locator: str, *names: str, modified: int = 0) -> Booking:
    people = tuple(Traveller(Role.PASSENGER, n, "ANA") for n in names)
    at = DEP - dt.timedelta(days=3) + dt.timedelta(hours=modified)
    return Booking(locator, "AA", travellers=people, last_modified_at=at)


def test_api_and_pnr_of_one_departure_are_one_flight_whatever_the_zero_padding() -> None:
    groups = group_by_flight([pax("LOPEZ", number="0123"), pnr(booking("ABC123", "LOPEZ"))])
    assert len(groups) == 2  # 0123 and 1234 are different flights
    groups = group_by_flight(
        [pax("LOPEZ", number="0123"), pnr(booking("ABC123", "LOPEZ"), number="123")]
    )
    assert len(groups) == 1
    assert groups[0].key == FlightKey("AA", "123", DEP.date())
    assert [t.surname for t in groups[0].travellers] == ["LOPEZ"]
    assert list(groups[0].bookings) == ["ABC123"]


def test_parts_add_up_and_a_later_push_replaces_the_booking() -> None:
    groups = group_by_flight(
        [
            pax("LOPEZ"),
            pax("PEREZ"),
            pnr(booking("ABC123", "LOPEZ")),
            pnr(booking("ABC123", "LOPEZ", "PEREZ", modified=5)),
        ]
    )
    (only,) = groups
    assert [t.surname for t in only.travellers] == ["LOPEZ", "PEREZ"]
    assert len(only.bookings["ABC123"].travellers) == 2


def test_a_flight_known_only_from_pnr_is_screened_from_its_bookings() -> None:
    (only,) = group_by_flight([pnr(booking("XYZ789", "SMITH", "JONES"))])
    assert [t.surname for t in only.travellers] == ["SMITH", "JONES"]


def test_flights_come_in_order_of_departure() -> None:
    later = pax("A", number="9")
    earlier = Manifest(SourceKind.PAXLST, flight("10", DEP - dt.timedelta(hours=2)))
    keys = [g.key.number for g in group_by_flight([later, earlier])]
    assert keys == ["10", "9"]
