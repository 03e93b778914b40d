"""Small synthetic travellers, bookings and flights for the rule tests, built in code.

``DAY`` is the departure day of ``flight()`` (CUN-IAH at 10:00); every builder takes only what
a test changes. ``planted(rule_id)`` gives a booking made to fire that example rule, and
``innocent()`` one that fires none: a return ticket paid by card a month ahead. ``pnr()`` wraps
bookings in a PNR push; ``two_days()`` is the small history of the back-test tests:

- day 1 (``DAY``): one planted R-FAC-001 booking (ZZZ001) and two innocent ones, pushed twice
  (the second push must not count twice);
- day 2 (``DAY2``): an API list of three passengers and a PNR push whose bookings they belong
  to, one planted (ZZZ002);
- a CSV list without a flight, which cannot be dated.
"""

from __future__ import annotations

import datetime as dt

from preboard.model import (
    Booking,
    Contacts,
    Flight,
    ItinerarySegment,
    Leg,
    Manifest,
    MessageRef,
    PartialDate,
    Payment,
    PaymentMethod,
    Role,
    Sex,
    SourceKind,
    TravelDocument,
    Traveller,
)

DAY = dt.date(2026, 11, 20)
DAY2 = DAY + dt.timedelta(days=1)


def flight(day: dt.date = DAY, number: str = "0100") -> Flight:
    """Flight XX<number> CUN-IAH departing ``day`` at 10:00."""
    departs = dt.datetime.combine(day, dt.time(10, 0))
    return Flight("XX", number, (Leg("CUN", "IAH", departs, departs + dt.timedelta(hours=2)),))


def traveller(
    surname: str = "EXAMPLE",
    *,
    locator: str | None = "AAA111",
    ref: str | None = "1",
    issued: dt.date | None = dt.date(2020, 1, 1),
) -> Traveller:
    """An adult passenger with a passport (number P1234567) issued on ``issued``."""
    passport = TravelDocument("P", "P1234567", "UTO", issued, dt.date(2030, 1, 1), "UTO")
    return Traveller(
        Role.PASSENGER,
        surname,
        "ALEX",
        birth_date=PartialDate(1990, 6, 15),
        sex=Sex.FEMALE,
        nationality="UTO",
        documents=(passport,),
        reservation_ref=locator,
        ref=ref,
        bags=1,
    )


def outbound(day: dt.date = DAY) -> ItinerarySegment:
    departs = dt.datetime.combine(day, dt.time(10, 0))
    return ItinerarySegment("XX", "0100", "CUN", "IAH", departs, departs + dt.timedelta(hours=2))


def inbound(day: dt.date) -> ItinerarySegment:
    departs = dt.datetime.combine(day, dt.time(15, 0))
    return ItinerarySegment("XX", "0101", "IAH", "CUN", departs, departs + dt.timedelta(hours=2))


def booking(
    locator: str = "AAA111",
    *,
    travellers: tuple[Traveller, ...] | None = None,
    days_ahead: int | None = 30,
    one_way: bool = False,
    method: PaymentMethod = PaymentMethod.CARD,
    payer: str | None = None,
    agency: str | None = None,
    phone: str | None = None,
    day: dt.date = DAY,
) -> Booking:
    """A booking for ``day``'s flight; a return 10 days later unless ``one_way``."""
    at_nine = dt.datetime.combine(day, dt.time(9, 0))
    booked = None if days_ahead is None else at_nine - dt.timedelta(days=days_ahead)
    segments = (
        (outbound(day),) if one_way else (outbound(day), inbound(day + dt.timedelta(days=10)))
    )
    card = "fp-" + locator if method is PaymentMethod.CARD else None
    return Booking(
        record_locator=locator,
        carrier="XX",
        booked_at=booked,
        agency=agency,
        payments=(Payment(method, card_fingerprint=card, payer=payer),),
        contacts=Contacts(phones=(phone,) if phone else ()),
        travellers=travellers if travellers is not None else (traveller(locator=locator),),
        itinerary=segments,
    )


def innocent(locator: str = "AAA111", day: dt.date = DAY) -> Booking:
    """A return ticket paid by card by the traveller a month ahead, booked on the web."""
    return booking(locator, payer="EXAMPLE/ALEX", agency="XX WEB", day=day)


def planted(rule_id: str, locator: str = "ZZZ999", day: dt.date = DAY) -> Booking:
    """A booking made to fire one example rule (R-FAC-002 needs shared contacts besides)."""
    if rule_id == "R-FAC-001":
        return booking(locator, days_ahead=2, one_way=True, method=PaymentMethod.CASH, day=day)
    if rule_id == "R-FAC-003":
        return booking(locator, days_ahead=5, one_way=True, payer="OTHER PERSON",
                       agency="1A 86512345 CUNVC2107", day=day)  # fmt: skip
    if rule_id == "R-FAC-002":
        return booking(locator, phone="+529981234567", day=day)
    if rule_id == "R-DOC-001":
        t = traveller(locator=locator, issued=day - dt.timedelta(days=10))
        return booking(locator, travellers=(t,), one_way=True, day=day)
    raise ValueError(rule_id)


def pnr(day: dt.date, *bookings: Booking, prepared: int = 1) -> Manifest:
    """A PNR push for ``day``'s flight, prepared at ``prepared`` o'clock that day."""
    ref = MessageRef("f", "1", "PNRGOV", prepared_at=dt.datetime.combine(day, dt.time(prepared)))
    people = tuple(t for b in bookings for t in b.travellers)
    return Manifest(SourceKind.PNRGOV, flight(day), people, bookings, (ref,))


def two_days() -> list[Manifest]:
    """The back-test history described at the top of this module."""
    day1 = [planted("R-FAC-001", "ZZZ001"), innocent("AAA001"), innocent("AAA002")]
    day2 = [
        planted("R-FAC-001", "ZZZ002", DAY2),
        innocent("AAA003", DAY2),
        innocent("AAA004", DAY2),
    ]
    api = tuple(traveller(f"API{i}", locator=b.record_locator) for i, b in enumerate(day2))
    undated = Manifest(SourceKind.CSV, None, (Traveller(Role.PASSENGER, "LOOSE"),))
    return [
        pnr(DAY, *day1),
        pnr(DAY, *day1, prepared=5),
        Manifest(SourceKind.PAXLST, flight(DAY2), api),
        pnr(DAY2, *day2),
        undated,
    ]
