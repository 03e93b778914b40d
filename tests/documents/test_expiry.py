"""Expiry against the journey and recently issued documents."""

from __future__ import annotations

import datetime as dt

from preboard.documents import Journey, check_expiry, check_recent_issue, journey
from preboard.model import ItinerarySegment, TravelDocument
from preboard.model.findings import Finding, FindingSeverity
from tests.documents.helpers import DEPARTURE, TODAY, booking, flight, passport, person

TRIP = Journey(TODAY, dt.date(2026, 12, 12), "the last date of booking KXTR4P")


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_journey_ends_with_the_last_date_of_the_booking() -> None:
    trip = journey(flight(), booking(back=dt.datetime(2026, 12, 12, 15, 35)), TODAY)
    assert trip == Journey(TODAY, dt.date(2026, 12, 12), "the last date of booking KXTR4P")


def test_journey_without_a_booking_ends_with_the_flight() -> None:
    late = flight(departure=dt.datetime(2026, 11, 28, 22, 0))  # lands after midnight
    trip = journey(late, None, dt.date(2026, 11, 20))
    assert (trip.departure, trip.end) == (TODAY, dt.date(2026, 11, 29))
    assert trip.end_source == "the arrival of flight AM402"


def test_journey_ignores_an_itinerary_that_ends_before_departure() -> None:
    old = booking()
    old = type(old)(
        "OLD123", itinerary=(ItinerarySegment("AM", "1", "MEX", "CUN", dt.datetime(2026, 1, 1)),)
    )
    trip = journey(flight(), old, TODAY)
    assert trip.end_source == "the arrival of flight AM402"


def test_journey_without_a_flight_departs_on_the_evaluation_date() -> None:
    assert journey(None, None, TODAY) == Journey(TODAY, TODAY, "the departure date")
    assert journey(flight(departure=None), None, TODAY).departure == TODAY


def test_expired_before_departure_is_high() -> None:
    traveller = person(passport(expiry=dt.date(2026, 10, 1)))
    [finding] = check_expiry(traveller, TRIP)
    assert finding.code == "document.expired"
    assert finding.severity is FindingSeverity.HIGH
    assert "expired on 2026-10-01, before departure on 2026-11-28" in finding.explanation
    assert "G24681357" not in finding.explanation


def test_expiring_during_the_trip_is_medium_and_names_the_journey_end() -> None:
    [finding] = check_expiry(person(passport(expiry=dt.date(2026, 12, 5))), TRIP)
    assert finding.code == "document.expires_during_trip"
    assert finding.severity is FindingSeverity.MEDIUM
    assert "2026-12-12 (the last date of booking KXTR4P)" in finding.explanation


def test_valid_through_the_expiry_day() -> None:
    assert check_expiry(person(passport(expiry=TODAY)), Journey(TODAY, TODAY, "x")) == []
    assert check_expiry(person(passport(expiry=dt.date(2026, 12, 12))), TRIP) == []


def test_a_visa_needs_to_be_valid_at_departure_only() -> None:
    short = TravelDocument("V", "61234567", "USA", expiry=dt.date(2026, 12, 1))
    assert check_expiry(person(passport(), short), TRIP) == []
    expired = TravelDocument("V", "61234567", "USA", expiry=dt.date(2026, 11, 1))
    assert codes(check_expiry(person(passport(), expired), TRIP)) == ["document.expired"]


def test_no_expiry_no_finding() -> None:
    assert check_expiry(person(passport(expiry=None)), TRIP) == []


def test_recently_issued_is_low_within_the_threshold() -> None:
    traveller = person(passport(issued=dt.date(2026, 11, 10)))
    [finding] = check_recent_issue(traveller, TRIP)
    assert finding.code == "document.recently_issued"
    assert finding.severity is FindingSeverity.LOW
    assert "18 days before departure" in finding.explanation
    assert ("age_days", "18") in finding.detail


def test_recently_issued_threshold_is_configurable() -> None:
    traveller = person(passport(issued=dt.date(2026, 11, 10)))
    assert check_recent_issue(traveller, TRIP, days=14) == []
    assert len(check_recent_issue(traveller, TRIP, days=18)) == 1


def test_issued_long_ago_or_unknown_or_in_the_future_is_not_recent() -> None:
    assert check_recent_issue(person(passport(issued=dt.date(2020, 1, 1))), TRIP) == []
    assert check_recent_issue(person(passport(issued=None)), TRIP) == []
    assert check_recent_issue(person(passport(issued=dt.date(2026, 12, 1))), TRIP) == []


def test_a_departure_time_does_not_shift_the_day() -> None:
    trip = journey(flight(departure=DEPARTURE.replace(hour=23, minute=59)), None, TODAY)
    assert trip.departure == TODAY
