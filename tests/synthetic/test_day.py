"""The demo day (``make_day``): a whole day built once for the module (seed 1, 42 flights).

Checks the sizes, the timetable, the travellers' documents, that innocent bookings have none
of the shapes the example rules look for and share no contact, and that every planted case
is where the truth says, spread over nationalities and flights.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest

from preboard.model import Booking, PaymentMethod, Traveller
from preboard.synthetic.day import Day, make_day
from preboard.synthetic.day.documents import ESTA_NATIONALITIES, VISA_NATIONALITIES
from preboard.synthetic.day.registry import document_key
from preboard.synthetic.day.schedule import DESTINATIONS, TICKET_CODES
from preboard.synthetic.entries import name_key

DAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="module")
def day() -> Day:
    return make_day(1)


def _planted(day: Day) -> set[tuple[str, str, str]]:
    return {(c.record_locator, c.surname, c.given_names) for c in day.truth}


def _innocent(day: Day) -> list[tuple[Booking, Traveller]]:
    planted = _planted(day)
    return [
        (b, t)
        for b in day.bookings
        for t in b.travellers
        if (b.record_locator, t.surname, t.given_names) not in planted
    ]


def _ring_locators(day: Day) -> set[str]:
    return {c.record_locator for c in day.truth if c.kind == "facilitation"}


def _days_ahead(b: Booking) -> int:
    assert b.booked_at is not None
    return (DAY - b.booked_at.date()).days


def test_counts_are_those_of_a_busy_day(day: Day) -> None:
    assert 40 <= len(day.flights) <= 45
    assert 7_000 <= len(day.passengers) <= 9_000
    assert 2_500 <= len(day.bookings) <= 4_000
    assert 60 <= len(day.truth) <= 100
    assert 300 <= len(day.watchlist) <= 5_000 and 1_000 <= len(day.lost_stolen) <= 5_000
    for f in day.flights:
        assert 140 <= f.seats <= 300
        assert 0.7 * f.seats <= len(f.passengers) <= f.seats
        assert len(f.crew) >= 5
    assert {len(b.travellers) for b in day.bookings} == {1, 2, 3, 4, 5, 6}
    assert Counter(c.kind for c in day.truth).keys() == {
        "watchlist", "lost_stolen", "expired", "facilitation", "lookalike",
    }  # fmt: skip


def test_flights_leave_cancun_for_us_airports_over_the_day(day: Day) -> None:
    carriers = {f.flight.carrier for f in day.flights}
    assert carriers <= set(TICKET_CODES) and {"AA", "UA", "DL", "WN", "AM", "Y4"} <= carriers
    hours = sorted(f.flight.departure.hour for f in day.flights if f.flight.departure)
    assert hours[0] <= 7 and hours[-1] >= 18
    for f in day.flights:
        assert f.flight.origin == "CUN" and f.flight.destination in DESTINATIONS
        assert f.flight.departure is not None and f.flight.departure.date() == DAY
        assert f.flight.arrival is not None and f.flight.arrival > f.flight.departure
    assert len({f.key for f in day.flights}) == len(day.flights)


def test_nationalities_are_those_of_the_routes(day: Day) -> None:
    shares = Counter(t.nationality for t in day.passengers)
    total = sum(shares.values())
    assert shares["USA"] / total > 0.45 and shares["MEX"] / total > 0.1
    assert shares["CAN"] / total > 0.08 and len(shares) >= 15


def test_every_traveller_has_a_full_passport(day: Day) -> None:
    everyone = list(day.passengers) + [t for f in day.flights for t in f.crew]
    for t in everyone:
        p = t.documents[0]
        assert p.type == "P" and p.number and p.issuing_country == t.nationality
        assert p.issue_date is not None and p.expiry is not None and p.issue_date < p.expiry


def test_innocent_documents_are_valid_and_visas_carried(day: Day) -> None:
    for b, t in _innocent(day):
        last = max(leg.departure for leg in b.itinerary if leg.departure).date()
        for doc in t.documents:
            assert doc.expiry is not None and doc.expiry > last
            assert doc.issue_date is not None and doc.issue_date < DAY - dt.timedelta(days=30)
        visas = [d for d in t.documents if d.type == "V"]
        assert len(visas) == (1 if t.nationality in VISA_NATIONALITIES else 0)
        if t.nationality in ESTA_NATIONALITIES or t.nationality in ("USA", "CAN"):
            assert len(t.documents) == 1


def test_innocent_bookings_have_no_rule_shape(day: Day) -> None:
    rings = _ring_locators(day)
    ordinary = [b for b in day.bookings if b.record_locator not in rings]
    for b in ordinary:
        one_way = len(b.itinerary) == 1
        cash = any(p.method is PaymentMethod.CASH for p in b.payments)
        assert not (one_way and cash)  # R-FAC-001
        assert not any(p.payer for p in b.payments)  # R-FAC-003 needs a third party
        if one_way:
            assert _days_ahead(b) > 7 and not cash
    one_way_share = sum(len(b.itinerary) == 1 for b in ordinary) / len(ordinary)
    cash_share = sum(b.payments[0].method is PaymentMethod.CASH for b in day.bookings)
    assert 0 < one_way_share < 0.05
    assert cash_share / len(day.bookings) < 0.01
    agencies = sum(b.agency is not None for b in ordinary) / len(ordinary)
    assert 0.3 < agencies < 0.7
    ahead = sorted(_days_ahead(b) for b in ordinary)
    assert ahead[len(ahead) // 2] > 21  # booked weeks to months ahead


def test_innocent_contacts_and_cards_are_not_shared(day: Day) -> None:
    rings = _ring_locators(day)
    users: dict[str, set[str]] = defaultdict(set)
    for b in day.bookings:
        assert b.contacts.phones and b.contacts.emails
        values = [*b.contacts.phones, *b.contacts.emails]
        values += [p.card_fingerprint for p in b.payments if p.card_fingerprint]
        for value in values:
            users[value].add(b.record_locator)
    for value, locators in users.items():
        if locators - rings:
            assert len(locators) == 1, value
    for b in day.bookings:
        assert all(
            e.endswith(("example.com", "example.net", "example.org")) for e in b.contacts.emails
        )
        assert all("555" in phone for phone in b.contacts.phones) or b.contacts.phones[
            0
        ].startswith("+447700900")


def test_facilitation_rings_share_one_contact_over_flights(day: Day) -> None:
    cases = [c for c in day.truth if c.kind == "facilitation"]
    by_locator = {b.record_locator: (b, f) for f in day.flights for b in f.bookings}
    rings: dict[str, set[str]] = defaultdict(set)
    flights: dict[str, set[str]] = defaultdict(set)
    for c in cases:
        b, f = by_locator[c.record_locator]
        shared = dict(c.detail)
        value = shared.get("shared_phone") or shared["shared_email"]
        assert value in (*b.contacts.phones, *b.contacts.emails)
        assert len(b.itinerary) == 1 and b.payments[0].method is PaymentMethod.CASH
        assert 0 <= _days_ahead(b) <= 3 and b.agency == shared["agency"]
        assert c.expected == ("rule.R-FAC-001", "rule.R-FAC-002")
        rings[value].add(c.record_locator)
        flights[value].add(f.key)
    assert len(rings) >= 1
    for value, locators in rings.items():
        assert len(locators) >= 6 and len(flights[value]) >= 3


def test_planted_cases_spread_over_nationalities_and_flights(day: Day) -> None:
    nationalities = Counter(c.nationality for c in day.truth)
    assert len(nationalities) >= 12
    assert max(nationalities.values()) <= 0.1 * len(day.truth)
    flights = Counter((c.carrier, c.number) for c in day.truth)
    assert len(flights) >= 0.75 * len(day.flights) and max(flights.values()) <= 6


def test_truth_points_at_the_planted_travellers(day: Day) -> None:
    by_locator = {b.record_locator: (b, f) for f in day.flights for b in f.bookings}
    entries = {e.id: e for e in day.watchlist}
    lost = {r.document_number for r in day.lost_stolen}
    for c in day.truth:
        b, f = by_locator[c.record_locator]
        assert (f.flight.carrier, f.flight.number, c.date) == (c.carrier, c.number, DAY)
        found = [
            t for t in b.travellers if (t.surname, t.given_names) == (c.surname, c.given_names)
        ]
        assert len(found) == 1 and found[0].documents[0].number == c.document_number
        detail = dict(c.detail)
        if c.kind == "watchlist":
            assert detail["entry_id"] in entries and c.expected == ("watchlist.match",)
        elif c.kind == "lost_stolen":
            assert detail["list_number"] in lost
            assert document_key(detail["list_number"]) == document_key(c.document_number)
        elif c.kind == "expired":
            expiry = found[0].documents[0].expiry
            assert expiry is not None and expiry < DAY
        elif c.kind == "lookalike":
            entry = entries[detail["resembles"]]
            assert name_key(f"{c.given_names} {c.surname}") in {
                name_key(n.full) for n in entry.names
            }
            assert c.nationality not in entry.nationalities and c.expected == ()
    forms = Counter(dict(c.detail).get("list_form") for c in day.truth if c.kind == "lost_stolen")
    assert {"exact", "o0", "i1", "separator"} <= forms.keys()


def test_some_planted_travellers_fly_with_innocent_family(day: Day) -> None:
    planted = _planted(day)
    locators = {c.record_locator for c in day.truth}
    shared = [
        b
        for b in day.bookings
        if b.record_locator in locators
        and any((b.record_locator, t.surname, t.given_names) not in planted for t in b.travellers)
    ]
    assert len(shared) >= 5


def test_innocent_travellers_are_not_listed_and_their_passports_not_lost(day: Day) -> None:
    listed = {name_key(n.full) for e in day.watchlist for n in e.names}
    lost = {document_key(r.document_number) for r in day.lost_stolen}
    for _, t in _innocent(day):
        assert document_key(t.documents[0].number or "") not in lost
    lookalikes = {(c.surname, c.given_names) for c in day.truth if c.kind == "lookalike"}
    for _, t in _innocent(day):
        if (t.surname, t.given_names) not in lookalikes:
            assert name_key(f"{t.given_names} {t.surname}") not in listed
