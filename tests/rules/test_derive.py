"""Derived booking values: one-way, stay, route, agency, third-party payment, age."""

from __future__ import annotations

import datetime as dt

from preboard.model import Booking, ItinerarySegment, PartialDate
from preboard.rules import derive
from tests.rules.builders import DAY, booking, flight, traveller


def seg(origin: str, dest: str, day: int | None = None) -> ItinerarySegment:
    when = dt.datetime(2026, 11, day, 10) if day else None
    return ItinerarySegment("XX", "1", origin, dest, when, when and when + dt.timedelta(hours=3))


def test_one_way_and_unknown() -> None:
    assert derive.one_way([seg("CUN", "MEX"), seg("MEX", "MAD")]) is True
    assert derive.one_way([seg("CUN", "MEX"), seg("MEX", "CUN")]) is False
    assert derive.one_way([]) is None


def test_stay_is_the_longest_wait_of_a_return_trip() -> None:
    trip = [seg("CUN", "MEX", 1), seg("MEX", "JFK", 1), seg("JFK", "MEX", 9), seg("MEX", "CUN", 9)]
    assert derive.stay_days(trip) == 8
    assert derive.stay_days(trip[:2]) is None  # one-way
    assert derive.stay_days([seg("CUN", "MEX"), seg("MEX", "CUN")]) is None  # no times


def test_route_of_the_outward_journey() -> None:
    trip = [seg("CUN", "MEX", 1), seg("MEX", "JFK", 1), seg("JFK", "MEX", 9), seg("MEX", "CUN", 9)]
    b = Booking("X", itinerary=tuple(trip))
    assert derive.route(b, None) == ("CUN", "JFK", ["MEX"])
    untimed = Booking("X", itinerary=tuple(seg(s.origin or "", s.destination or "") for s in trip))
    assert derive.route(untimed, None) == ("CUN", "JFK", ["MEX"])  # half of the segments
    assert derive.route(None, None) == (None, None, [])


def test_via_agency() -> None:
    assert derive.via_agency(booking(agency="1A 86512345 CUNVC2107"), None) is True
    assert derive.via_agency(booking(agency="VIAJES EJEMPLO"), None) is True
    assert derive.via_agency(booking(agency="86512345"), None) is True  # PNRGOV XML
    assert derive.via_agency(booking(agency="BOOKING.COM"), None) is True  # an online agency
    for direct in (None, "XX WEB", "XX 70379193 LON", "1A", "XX.COM", "1A HDQKE2400", "YY 55107"):
        assert derive.via_agency(booking(agency=direct), flight()) is False, direct


def test_paid_by_traveller() -> None:
    assert derive.paid_by_traveller(booking(payer="EXAMPLE/ALEX MR")) is True
    assert derive.paid_by_traveller(booking(payer="SOMEONE ELSE")) is False
    assert derive.paid_by_traveller(booking(payer=None)) is None


def test_days_before_departure_unknown_without_booked_date() -> None:
    assert derive.days_before_departure(booking(days_ahead=4), flight()) == 4
    assert derive.days_before_departure(booking(days_ahead=4), None) == 4  # first segment
    assert derive.days_before_departure(booking(days_ahead=None), flight()) is None


def test_age_needs_a_full_birth_date() -> None:
    assert derive.age_years(PartialDate(2000, 11, 21), DAY) == 25
    assert derive.age_years(PartialDate(2000, 11, 20), DAY) == 26
    assert derive.age_years(PartialDate(2000), DAY) is None


def test_main_document_prefers_the_passport() -> None:
    t = traveller()
    assert derive.main_document(t) is t.documents[0]
