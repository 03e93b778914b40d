"""Builders for the document check tests: synthetic travellers, flights and bookings.

Every person and document number here is invented. The flights follow the project's example
route: Cancun (CUN) to Atlanta (ATL), departing on 2026-11-28.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from preboard.model import (
    Booking,
    Flight,
    ItinerarySegment,
    Leg,
    PartialDate,
    Role,
    TravelDocument,
    Traveller,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEPARTURE = dt.datetime(2026, 11, 28, 10, 40)
TODAY = DEPARTURE.date()
BIRTH = PartialDate(1978, 4, 12)


def passport(
    number: str = "G24681357",
    country: str | None = "MEX",
    expiry: dt.date | None = dt.date(2031, 9, 15),
    issued: dt.date | None = None,
    doc_type: str | None = "P",
) -> TravelDocument:
    """A synthetic passport (or another document with ``doc_type``)."""
    return TravelDocument(doc_type, number, country, issue_date=issued, expiry=expiry)


def visa(number: str = "61234567", country: str | None = "USA") -> TravelDocument:
    """A synthetic visa issued by ``country``."""
    return TravelDocument("V", number, country, expiry=dt.date(2033, 3, 1))


def person(
    *documents: TravelDocument,
    surname: str = "HERNANDEZ LOPEZ",
    given: str = "JUAN CARLOS",
    birth: PartialDate | None = BIRTH,
    nationality: str | None = "MEX",
    role: Role = Role.PASSENGER,
    locator: str | None = None,
    ref: str | None = None,
) -> Traveller:
    """A synthetic traveller; with no documents given, a Mexican passport."""
    return Traveller(
        role=role,
        surname=surname,
        given_names=given,
        birth_date=birth,
        nationality=nationality,
        documents=documents or (passport(),),
        reservation_ref=locator,
        ref=ref,
    )


def flight(
    destination: str = "ATL",
    departure: dt.datetime | None = DEPARTURE,
    number: str = "402",
    carrier: str = "AM",
) -> Flight:
    """A one-leg flight from Cancun."""
    arrival = departure + dt.timedelta(hours=4) if departure else None
    return Flight(carrier, number, (Leg("CUN", destination, departure, arrival),), prime=0)


def booking(
    locator: str = "KXTR4P",
    *travellers: Traveller,
    back: dt.datetime | None = None,
    modified: dt.datetime | None = None,
) -> Booking:
    """A booking on AM0402 CUN-ATL, with a return on ``back`` when given."""
    itinerary = [ItinerarySegment("AM", "0402", "CUN", "ATL", DEPARTURE, DEPARTURE)]
    if back is not None:
        itinerary.append(ItinerarySegment("AM", "0403", "ATL", "CUN", back, back))
    return Booking(
        locator,
        carrier="AM",
        travellers=travellers,
        itinerary=tuple(itinerary),
        last_modified_at=modified,
    )
