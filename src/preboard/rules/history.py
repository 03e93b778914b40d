"""History for back-tests: manifests read from past messages, as travellers on dated flights.

Manifests are grouped by flight (carrier, number, departure date). In each group the API
(PAXLST) travellers are the people screened when there are any, else the bookings' (PNR)
travellers; a person reported twice (several pushes or message parts) counts once. Each
traveller is paired with the latest push of the booking whose locator it carries (a booking
without a locator: the one that lists the same person). Manifests
without a flight or a departure time cannot be dated: their travellers are counted apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from preboard.model import Booking, Flight, Manifest, SourceKind, Traveller

FlightKey = tuple[str, str, dt.date]


@dataclass(frozen=True, slots=True)
class Screened:
    """One traveller on one dated flight, with their booking when known."""

    day: dt.date
    flight: Flight
    traveller: Traveller
    booking: Booking | None


def _key(m: Manifest) -> FlightKey | None:
    f = m.flight
    if f is None or f.departure is None:
        return None
    return f.carrier or "", f.number or "", f.departure.date()


def _prepared(m: Manifest) -> tuple[bool, dt.datetime]:
    when = m.messages[0].prepared_at if m.messages else None
    return when is not None, when or dt.datetime.min


def _identity(t: Traveller) -> tuple[str, ...]:
    born = t.birth_date.iso() if t.birth_date else ""
    names = (t.surname.upper(), t.given_names.upper())
    return (t.reservation_ref or "", *names, born, t.role.value)


def _people(group: list[Manifest]) -> list[Traveller]:
    api = [m for m in group if m.source is SourceKind.PAXLST]
    found = [t for m in (api or group) for t in m.travellers]
    return list({_identity(t): t for t in found}.values())


def _screened(key: FlightKey, group: list[Manifest]) -> list[Screened]:
    """The group's travellers, each with the latest push of their booking: found by record
    locator, or (a booking without one) as the booking that lists the same person."""
    by_locator: dict[str, Booking] = {}
    by_person: dict[tuple[str, ...], Booking] = {}
    for m in sorted(group, key=_prepared):
        for b in m.bookings:
            if b.record_locator:
                by_locator[b.record_locator] = b
            by_person.update((_identity(t), b) for t in b.travellers)
    api = [m.flight for m in group if m.source is SourceKind.PAXLST and m.flight]
    flight = api[0] if api else group[0].flight
    assert flight is not None  # grouped by flight
    found = []
    for t in _people(group):
        ref = t.reservation_ref
        booking = by_locator.get(ref) if ref else by_person.get(_identity(t))
        found.append(Screened(key[2], flight, t, booking))
    return found


def screened_travellers(manifests: Sequence[Manifest]) -> tuple[list[Screened], int]:
    """The travellers of every dated flight, and how many travellers could not be dated."""
    groups: dict[FlightKey, list[Manifest]] = {}
    undated = 0
    for m in manifests:
        key = _key(m)
        if key is None:
            undated += len(m.travellers)
        else:
            groups.setdefault(key, []).append(m)
    found = [s for key, group in groups.items() for s in _screened(key, group)]
    return found, undated


def all_bookings(manifests: Iterable[Manifest]) -> list[Booking]:
    """Every booking of every manifest (repeated pushes included)."""
    return [b for m in manifests for b in m.bookings]
