"""API-PNR consistency: the same person in the API list (PAXLST) and in a booking (PNRGOV).

Flights agree on carrier, number (leading zeros ignored) and departure date (when both give
one). Within a flight, links are made in passes, strongest first, each booking traveller used
once: record locator (``Traveller.reservation_ref`` = ``Booking.record_locator``) with the
traveller reference (PNR ``TIF`` reference or unique passenger reference); record locator and
name; record locator alone when one traveller of the booking is left; then name, birth date and
document number (the number must agree when both sides give one). Crew are not linked. A later
push of the same booking replaces an earlier one. Booked travellers are reported as missing from
the API only for flights with an API passenger list (API arrives at check-in close).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from preboard.documents.agreement import LinkMethod, Pair, disagreements
from preboard.documents.linking import RULES, Booked, Pool, find
from preboard.documents.report import data_finding
from preboard.model import Booking, Flight, Manifest, Role, SourceKind, Traveller
from preboard.model.findings import Finding

__all__ = [
    "ApiPnrLink",
    "ApiPnrLinks",
    "LinkMethod",
    "Unlinked",
    "link_api_pnr",
    "link_flight",
]

_PNR_SOURCES = (SourceKind.PNRGOV, SourceKind.PNRGOV_XML)
SOURCE = "api_pnr"


@dataclass(frozen=True, slots=True)
class ApiPnrLink:
    """An API traveller, their booking and their entry in it, with the disagreements."""

    flight: Flight
    traveller: Traveller
    booking: Booking
    booked: Traveller
    method: LinkMethod
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class Unlinked:
    """A traveller on one side only (``booking`` is set for a booked traveller), with an INFO
    ``DATA`` finding for the officer."""

    flight: Flight
    traveller: Traveller
    booking: Booking | None
    finding: Finding


@dataclass(frozen=True, slots=True)
class ApiPnrLinks:
    """The links, the API travellers without a booking, and the booked travellers without an
    API entry (flights with an API list only)."""

    links: tuple[ApiPnrLink, ...]
    api_without_pnr: tuple[Unlinked, ...]
    pnr_without_api: tuple[Unlinked, ...]

    def booking_for(self, traveller: Traveller) -> Booking | None:
        """The booking linked to an API traveller, or ``None``."""
        return next((link.booking for link in self.links if link.traveller == traveller), None)


def _same_flight(a: Flight | None, b: Flight | None) -> bool:
    if a is None or b is None:
        return False
    same_number = (a.number or "").lstrip("0") == (b.number or "").lstrip("0")
    days = (
        a.departure.date() if a.departure else None,
        b.departure.date() if b.departure else None,
    )
    same_carrier = (a.carrier or "").upper() == (b.carrier or "").upper()
    return same_carrier and same_number and (None in days or days[0] == days[1])


def _newer(new: Booking, old: Booking | None) -> bool:
    if old is None or old.last_modified_at is None or new.last_modified_at is None:
        return True  # without times, the later push in input order wins
    return new.last_modified_at >= old.last_modified_at


def _bookings(flight: Flight, pnr: list[Manifest]) -> list[Booking]:
    latest: dict[str, Booking] = {}
    for manifest in pnr:
        if _same_flight(flight, manifest.flight):
            for booking in manifest.bookings:
                if _newer(booking, latest.get(booking.record_locator)):
                    latest[booking.record_locator] = booking
    return list(latest.values())


def _label(flight: Flight) -> str:
    day = flight.departure.date().isoformat() if flight.departure else ""
    return f"{flight.designator} {day}".strip()


def _unlinked(flight: Flight, waiting: list[Traveller], pool: list[Booked]) -> ApiPnrLinks:
    label = _label(flight)
    no_pnr = f"No PNR found for this traveller on {label}."
    api = tuple(
        Unlinked(flight, t, None, data_finding("no_pnr", no_pnr, source=SOURCE)) for t in waiting
    )
    booked = []
    for booking, t in pool:
        text = (
            f"Booked on PNR {booking.record_locator} for {label} but not on the API passenger "
            "list (not checked in yet, or not travelling)."
        )
        booked.append(Unlinked(flight, t, booking, data_finding("not_on_api", text, source=SOURCE)))
    return ApiPnrLinks((), api, tuple(booked))


def link_flight(flight: Flight, api: list[Traveller], bookings: list[Booking]) -> ApiPnrLinks:
    """Link one flight's API travellers to its bookings (see the module docstring)."""
    pool = Pool(bookings)
    waiting = [t for t in api if t.role is not Role.CREW]
    api_passengers = bool(waiting)
    links: list[ApiPnrLink] = []
    for method, rule in RULES:
        for t in list(waiting):
            found = find(rule, t, pool)
            if found is None:
                continue
            booking, booked = found
            findings = disagreements(Pair(t, booked, booking.record_locator, method))
            links.append(ApiPnrLink(flight, t, booking, booked, method, tuple(findings)))
            waiting.remove(t)
    # A crew list alone says nothing about who of the booked passengers checked in.
    rest = _unlinked(flight, waiting, pool.rest() if api_passengers else [])
    return ApiPnrLinks(tuple(links), rest.api_without_pnr, rest.pnr_without_api)


def _api_flights(manifests: list[Manifest]) -> list[tuple[Flight, list[Traveller]]]:
    flights: list[tuple[Flight, list[Traveller]]] = []
    for manifest in manifests:
        if manifest.source is not SourceKind.PAXLST or manifest.flight is None:
            continue
        group = next((g for g in flights if _same_flight(g[0], manifest.flight)), None)
        if group is None:
            flights.append((manifest.flight, list(manifest.travellers)))
        else:
            group[1].extend(manifest.travellers)
    return flights


def link_api_pnr(manifests: Iterable[Manifest]) -> ApiPnrLinks:
    """Link the travellers of the PAXLST manifests to the bookings of the PNRGOV (and PNRGOV
    XML) manifests of the same flights; other manifests are ignored, and so are PAXLST
    manifests that name no flight."""
    given = list(manifests)
    pnr = [m for m in given if m.source in _PNR_SOURCES]
    parts = [link_flight(f, api, _bookings(f, pnr)) for f, api in _api_flights(given)]
    return ApiPnrLinks(
        tuple(link for part in parts for link in part.links),
        tuple(u for part in parts for u in part.api_without_pnr),
        tuple(u for part in parts for u in part.pnr_without_api),
    )
