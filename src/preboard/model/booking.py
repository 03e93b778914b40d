"""Bookings (PNRs): who booked, how they paid, how to reach them, where they go."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from preboard.model.people import Traveller


class PaymentMethod(StrEnum):
    """Form of payment (PNRGOV FOP codes)."""

    CARD = "card"  # CC
    CASH = "cash"  # CA
    MISC = "misc"  # MS
    GOVERNMENT = "government"  # GR
    CHECK = "check"  # CK
    INVOICE = "invoice"  # IN
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Payment:
    """One form of payment. A card is kept as a fingerprint, never its number.

    ``card_fingerprint`` is a keyed hash of the card number as the message gives it (masked or
    not), so two bookings paid with the same card share it; ``card_last4`` is for the officer.
    """

    method: PaymentMethod
    amount: str | None = None
    currency: str | None = None
    card_vendor: str | None = None
    card_fingerprint: str | None = None
    card_last4: str | None = None
    card_expiry: str | None = None
    payer: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address as given, plus the country when known."""

    text: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Contacts:
    """Normalised contacts: phones as digits (leading ``+`` kept), e-mails lower case."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()


@dataclass(frozen=True, slots=True)
class ItinerarySegment:
    """One flight of the booking's itinerary.

    For a codeshare, ``carrier``/``number`` are the marketing flight and ``operating_carrier``/
    ``operating_number`` the flight that operates it (PNRGOV ``TVL+…+KE:SQ+609`` and the
    following ``TVL+++++303``).
    """

    carrier: str | None
    number: str | None
    origin: str | None
    destination: str | None
    departure: dt.datetime | None = None
    arrival: dt.datetime | None = None
    operating_carrier: str | None = None
    booking_class: str | None = None
    status: str | None = None
    operating_number: str | None = None


@dataclass(frozen=True, slots=True)
class Ticket:
    """A ticket issued for a traveller of the booking."""

    number: str
    traveller_ref: str | None = None
    issued_at: dt.datetime | None = None
    total: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class Booking:
    """A passenger name record as pushed by the carrier.

    ``travellers`` are the people of this booking (co-travellers of each other). ``seats`` and
    ``bags`` pair a traveller reference with a value; ``frequent_flyer`` are programme numbers.
    """

    record_locator: str
    carrier: str | None = None
    booked_at: dt.datetime | None = None
    ticketed_at: dt.datetime | None = None
    last_modified_at: dt.datetime | None = None
    agency: str | None = None
    agency_country: str | None = None
    payments: tuple[Payment, ...] = ()
    contacts: Contacts = Contacts()
    travellers: tuple[Traveller, ...] = ()
    itinerary: tuple[ItinerarySegment, ...] = ()
    tickets: tuple[Ticket, ...] = ()
    bags: int | None = None
    seats: tuple[tuple[str, str], ...] = ()
    frequent_flyer: tuple[str, ...] = ()
    split_count: int | None = None
    remarks: tuple[str, ...] = ()
