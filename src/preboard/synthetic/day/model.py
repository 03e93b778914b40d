"""What a generated day is made of: flights with their bookings and crew, the lists, the truth.

``PlantedCase`` is one planted traveller as ``truth.json`` lists it; ``Passenger``, ``Plant``,
``Habits`` and ``Party`` are the generator's own working records, before seats, record locators
and the frozen ``Booking`` exist.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from preboard.model import Booking, Flight, PartialDate, TravelDocument, Traveller
from preboard.synthetic.people import SyntheticPerson
from preboard.watchlist.model import WatchlistEntry

GENERATOR_VERSION = "1"  # bump when the same seed would give other files
DEFAULT_DATE = dt.date(2026, 12, 2)
KINDS: tuple[str, ...] = ("watchlist", "lost_stolen", "expired", "facilitation", "lookalike")


@dataclass(frozen=True, slots=True)
class DayFlight:
    """One departure of the day with its bookings (travellers inside) and its crew."""

    flight: Flight
    aircraft: str
    seats: int
    bookings: tuple[Booking, ...]
    crew: tuple[Traveller, ...]

    @property
    def passengers(self) -> tuple[Traveller, ...]:
        """Every passenger of the flight, in seat-assignment order."""
        return tuple(t for b in self.bookings for t in b.travellers)

    @property
    def key(self) -> str:
        """``AA1407-2026-12-02``: the flight's folder name under ``messages/``."""
        departure = self.flight.departure
        day = departure.date().isoformat() if departure else "undated"
        return f"{self.flight.designator}-{day}"


@dataclass(frozen=True, slots=True)
class PlantedCase:
    """One planted traveller: where they fly, how to find them, which findings are expected.

    ``detail`` holds kind-specific facts as string pairs (the variant kind and the listed
    entry, the lost-stolen list form, the facilitation ring and the contact it shares, …).
    """

    case_id: str
    kind: str
    carrier: str
    number: str
    date: dt.date
    record_locator: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    expected: tuple[str, ...]
    detail: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The ``truth.json`` record."""
        return {
            "case_id": self.case_id,
            "kind": self.kind,
            "flight": {
                "carrier": self.carrier,
                "number": self.number,
                "date": self.date.isoformat(),
            },
            "record_locator": self.record_locator,
            "surname": self.surname,
            "given_names": self.given_names,
            "document_number": self.document_number,
            "nationality": self.nationality,
            "expected": list(self.expected),
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class LostStolenRow:
    """One row of the lost and stolen documents list."""

    issuing_country: str
    document_type: str
    document_number: str


@dataclass(frozen=True, slots=True)
class Day:
    """A generated day of departures from Cancun with its lists and the truth."""

    seed: int
    date: dt.date
    flights: tuple[DayFlight, ...]
    watchlist: tuple[WatchlistEntry, ...]
    lost_stolen: tuple[LostStolenRow, ...]
    truth: tuple[PlantedCase, ...]

    @property
    def bookings(self) -> tuple[Booking, ...]:
        """Every booking of the day."""
        return tuple(b for f in self.flights for b in f.bookings)

    @property
    def passengers(self) -> tuple[Traveller, ...]:
        """Every passenger of the day (crew not included)."""
        return tuple(t for f in self.flights for t in f.passengers)


@dataclass(frozen=True, slots=True)
class Plant:
    """Why a passenger is planted: the truth kind, expected findings and details."""

    kind: str
    expected: tuple[str, ...]
    detail: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Passenger:
    """A person about to be booked: names as their passport writes them, and documents."""

    person: SyntheticPerson
    given: str
    surname: str
    birth_date: PartialDate
    nationality: str
    documents: tuple[TravelDocument, ...]
    plant: Plant | None = None


@dataclass(frozen=True, slots=True)
class Habits:
    """How a booking was made. ``days_ahead`` counts calendar days from the booking to the
    first flight of its itinerary (the day's flight itself for a one-way booking);
    ``phone``/``email`` override the booking's own contacts (a facilitator's shared one)."""

    days_ahead: int
    one_way: bool = False
    cash: bool = False
    agency: str | None = None
    agency_country: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """The people of one booking; ``habits`` is ``None`` for an ordinary booking (drawn)."""

    passengers: tuple[Passenger, ...]
    habits: Habits | None = None
