"""Messages grouped by flight: the API manifest (travellers and crew) and the PNR bookings of
one departure, whichever messages and parts they came in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from preboard.model import Booking, Flight, Manifest, SourceKind, Traveller


@dataclass(frozen=True, slots=True, order=True)
class FlightKey:
    """A departure: operating carrier, flight number (leading zeros dropped) and local date."""

    carrier: str
    number: str
    date: dt.date | None

    @classmethod
    def of(cls, flight: Flight) -> FlightKey:
        departure = flight.departure
        number = (flight.number or "").lstrip("0") or (flight.number or "")
        return cls(flight.carrier or "", number, departure.date() if departure else None)

    def __str__(self) -> str:
        return f"{self.carrier}{self.number} {self.date.isoformat() if self.date else '?'}"


@dataclass(slots=True)
class FlightData:
    """Everything read about one departure."""

    key: FlightKey
    flight: Flight
    travellers: list[Traveller] = field(default_factory=list)
    bookings: dict[str, Booking] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @property
    def departure(self) -> dt.datetime | None:
        return self.flight.departure


def group_by_flight(manifests: Iterable[Manifest]) -> list[FlightData]:
    """One ``FlightData`` per departure, by departure time then designator.

    API travellers come from PAXLST, CSV, JSON lines and MRZ inputs; bookings from PNRGOV
    (EDIFACT or XML), the latest push of a record locator replacing earlier ones. A flight seen
    only in PNR data gets its travellers from the bookings, so that it is still screened.
    Manifests without a flight are grouped under an empty key.
    """
    flights: dict[FlightKey, FlightData] = {}
    for manifest in manifests:
        flight = manifest.flight or Flight(None, None)
        key = FlightKey.of(flight)
        data = flights.get(key)
        if data is None:
            data = flights[key] = FlightData(key, flight)
        elif not data.flight.legs and flight.legs:
            data.flight = flight
        data.files.extend(m.file for m in manifest.messages if m.file not in data.files)
        if manifest.source in (SourceKind.PNRGOV, SourceKind.PNRGOV_XML):
            for booking in manifest.bookings:
                data.bookings[booking.record_locator] = booking
        else:
            data.travellers.extend(manifest.travellers)
    for data in flights.values():
        if not data.travellers:
            data.travellers = [t for b in data.bookings.values() for t in b.travellers]
    return sorted(flights.values(), key=_order)


def _order(data: FlightData) -> tuple[dt.datetime, str]:
    departure = data.departure or dt.datetime.max
    return departure.replace(tzinfo=None), str(data.key)
