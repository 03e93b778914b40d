"""The rule context: the one table of fields a rule may read (schema version ``CONTEXT_VERSION``).

A rule's CEL expression sees five maps, ``traveller``, ``booking``, ``document``, ``route`` and
``flight``; each field below is one key of one map. ``build_context`` fills every key, always.

**Unknown values are ``null``.** A scalar field the data does not give (no booking, no booked
date, no issue date) holds ``null``; a list field is empty (``[]``) instead, never ``null``.
Fields with ``nullable=False`` are always known. CEL reads ``null`` safely with ``==``/``!=``:
``booking.one_way == true`` is false when unknown, and guard an ordered comparison with
``x != null && x >= 0`` (an unguarded ``null >= 0`` is an evaluation problem, reported for that
traveller, never a finding and never a crash).

**Restricted fields** (``traveller.sex``, ``traveller.age_years``, ``traveller.nationality`` and
``document.issuing_country``, which stands for nationality on a passport) can never be a
criterion on their own: the linter refuses a rule that can fire on them alone. The context holds
no data on race or ethnic origin, political opinions, religion or beliefs, trade-union
membership, health, sex life or sexual orientation, and no names, contacts or document numbers.

Changing this table (a field added, removed or redefined) is a new ``CONTEXT_VERSION``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from preboard.model import Booking, Flight, Traveller
from preboard.rules import derive

CONTEXT_VERSION = "1"
SECTIONS = ("traveller", "booking", "document", "route", "flight")


@dataclass(frozen=True, slots=True)
class ContextField:
    """One field of the context: dotted name, CEL type, what it means, whether restricted."""

    name: str
    cel_type: str
    description: str
    restricted: bool = False
    nullable: bool = True

    @property
    def section(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def key(self) -> str:
        return self.name.split(".", 1)[1]


F = ContextField
SCHEMA: tuple[ContextField, ...] = (
    F("traveller.role", "string", "passenger, crew, in_transit or infant", nullable=False),
    F("traveller.bags", "int", "checked bags reported for the traveller"),
    F("traveller.nationality", "string", "nationality, ISO 3166 alpha-3", restricted=True),
    F("traveller.sex", "string", "sex as printed on the document: F, M or X", restricted=True),
    F("traveller.age_years", "int", "age in whole years on the screening date, from a full "
      "birth date (null when only part of it is known)", restricted=True),
    F("traveller.has_document", "bool", "at least one travel document reported", nullable=False),
    F("booking.days_before_departure", "int", "days from booking to the departure of the "
      "screened flight (of the first itinerary segment without one); negative values are "
      "data errors"),
    F("booking.one_way", "bool", "no itinerary segment comes back to the first origin"),
    F("booking.payment_methods", "list(string)", "distinct forms of payment, sorted: card, "
      "cash, check, government, invoice, misc, other ([] when none reported)", nullable=False),
    F("booking.paid_by_traveller", "bool", "every named payer is a traveller of the booking "
      "(surname match); false when a payer is someone else; null when no payer is named"),
    F("booking.via_agency", "bool", "booked by a travel agency: the agency text holds an "
      "IATA agency number or an agency name, not the carrier, its web/app channel or an office "
      "code"),
    F("booking.agency", "string", "the booking agency or system as the message names it"),
    F("booking.traveller_count", "int", "travellers in the booking"),
    F("booking.contacts_shared_with_bookings", "int", "how many other bookings share a phone, "
      "e-mail or card with this one (computed by the caller over the bookings it holds)"),
    F("booking.stay_days", "int", "days between arrival and the return segment's departure "
      "(null when one-way or the times are missing)"),
    F("document.type", "string", "type of the traveller's passport, else first document: P, "
      "V, I, …"),
    F("document.days_since_issue", "int", "days from issue to the screening date"),
    F("document.days_to_expiry", "int", "days from the screening date to expiry, negative "
      "when expired"),
    F("document.issuing_country", "string", "issuing country, ISO alpha-3; restricted because "
      "it stands for the nationality", restricted=True),
    F("route.origin", "string", "first airport of the journey (IATA)"),
    F("route.destination", "string", "final airport of the outward journey (IATA)"),
    F("route.transit_points", "list(string)", "airports between origin and destination of the "
      "outward journey, in order (from the flight's legs when there is no itinerary)",
      nullable=False),
    F("flight.carrier", "string", "carrier of the screened flight (IATA)"),
    F("flight.number", "string", "flight number of the screened flight"),
    F("flight.origin", "string", "departure airport of the screened flight's reported leg"),
    F("flight.destination", "string", "arrival airport of the screened flight's reported leg"),
)  # fmt: skip
FIELDS: dict[str, ContextField] = {f.name: f for f in SCHEMA}
RESTRICTED = frozenset(f.name for f in SCHEMA if f.restricted)

Context = dict[str, dict[str, Any]]


def _traveller(t: Traveller, on: dt.date) -> dict[str, Any]:
    return {
        "role": t.role.value,
        "bags": t.bags,
        "nationality": t.nationality,
        "sex": t.sex.value if t.sex else None,
        "age_years": derive.age_years(t.birth_date, on),
        "has_document": bool(t.documents),
    }


def _booking(b: Booking | None, flight: Flight | None, shared: int) -> dict[str, Any]:
    if b is None:
        return {f.key: [] if not f.nullable else None for f in SCHEMA if f.section == "booking"}
    return {
        "days_before_departure": derive.days_before_departure(b, flight),
        "one_way": derive.one_way(b.itinerary),
        "payment_methods": sorted({p.method.value for p in b.payments}),
        "paid_by_traveller": derive.paid_by_traveller(b),
        "via_agency": derive.via_agency(b, flight),
        "agency": b.agency,
        "traveller_count": len(b.travellers),
        "contacts_shared_with_bookings": shared,
        "stay_days": derive.stay_days(b.itinerary),
    }


def _document(t: Traveller, on: dt.date) -> dict[str, Any]:
    doc = derive.main_document(t)
    if doc is None:
        return {"type": None, "days_since_issue": None, "days_to_expiry": None,
                "issuing_country": None}  # fmt: skip
    return {
        "type": doc.type,
        "days_since_issue": (on - doc.issue_date).days if doc.issue_date else None,
        "days_to_expiry": (doc.expiry - on).days if doc.expiry else None,
        "issuing_country": doc.issuing_country,
    }


def _flight(f: Flight | None) -> dict[str, Any]:
    if f is None:
        return {"carrier": None, "number": None, "origin": None, "destination": None}
    return {"carrier": f.carrier, "number": f.number, "origin": f.origin,
            "destination": f.destination}  # fmt: skip


def build_context(
    traveller: Traveller,
    booking: Booking | None,
    flight: Flight | None,
    *,
    shared_contacts: int,
    on: dt.date,
) -> Context:
    """The context of one traveller on one flight, as of the screening date ``on``.

    ``shared_contacts`` is how many other bookings share a phone, e-mail or card with
    ``booking`` (ignored without a booking). Every schema field is present; unknown is ``null``.
    """
    origin, destination, transit = derive.route(booking, flight)
    return {
        "traveller": _traveller(traveller, on),
        "booking": _booking(booking, flight, shared_contacts),
        "document": _document(traveller, on),
        "route": {"origin": origin, "destination": destination, "transit_points": transit},
        "flight": _flight(flight),
    }


def flatten(context: Context) -> dict[str, Any]:
    """``{"booking.one_way": True, …}``: the context keyed by dotted field name."""
    return {
        f"{section}.{key}": v for section, values in context.items() for key, v in values.items()
    }


__all__ = [
    "CONTEXT_VERSION",
    "FIELDS",
    "RESTRICTED",
    "SCHEMA",
    "Context",
    "ContextField",
    "build_context",
    "flatten",
]
