"""Mutable drafts a PNR is collected into while its segments are walked, and the context
(problems, unread segments, dates) shared by the group readers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum, auto

from preboard.ingest.edifact import Segment
from preboard.ingest.pnrgov.ssr import Ssr
from preboard.model import (
    Address,
    Payment,
    Sex,
    TravelDocument,
)
from preboard.privacy import mask_pans


@dataclass(slots=True)
class TravellerDraft:
    """One TIF (or an infant named only in SSR INFT) being collected."""

    index: int
    surname: str
    given: str
    kind: str = ""
    ref: str = ""
    documents: list[TravelDocument] = field(default_factory=list)
    birth_date: dt.date | None = None
    sex: Sex | None = None
    infant: bool = False
    nationality: str | None = None
    residence: str | None = None
    birth_place: str | None = None
    docs_given: str = ""
    frequent_flyer: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)
    bag_tags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class LegDraft:
    """One group-5 TVL of the itinerary."""

    index: int
    carrier: str | None
    number: str | None
    origin: str | None
    destination: str | None
    departure: dt.datetime | None = None
    arrival: dt.datetime | None = None
    operating_carrier: str | None = None
    operating_number: str | None = None
    booking_class: str | None = None
    status: str | None = None


@dataclass(slots=True)
class TicketDraft:
    """A TKT with its MON total and DAT 710 issue time."""

    number: str
    traveller: int | None
    issued_at: dt.datetime | None = None
    total: str | None = None
    currency: str | None = None


@dataclass(slots=True)
class Pending:
    """A traveller SSR resolved once the whole PNR is read (references may point forward)."""

    seg: Segment
    ssr: Ssr
    owner: int | None
    leg: int | None


@dataclass(slots=True)
class BookingDraft:
    """One SRC group being collected."""

    index: int
    locator: str = ""
    carrier: str | None = None
    booked_at: dt.datetime | None = None
    ticketed_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    agency: str | None = None
    agency_country: str | None = None
    payments: list[Payment] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    travellers: list[TravellerDraft] = field(default_factory=list)
    legs: list[LegDraft] = field(default_factory=list)
    tickets: list[TicketDraft] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    seats: dict[tuple[int, object], str] = field(default_factory=dict)
    bags: dict[tuple[int, int], int] = field(default_factory=dict)
    weights: dict[tuple[int, int], float] = field(default_factory=dict)
    split_count: int | None = None
    remarks: list[str] = field(default_factory=list)
    history: int = 0
    sensitive: int = 0

    def add_phone(self, phone: str) -> None:
        if phone not in self.phones:
            self.phones.append(phone)

    def add_email(self, email: str) -> None:
        if email not in self.emails:
            self.emails.append(email)

    def add_address(self, address: Address) -> None:
        if address not in self.addresses:
            self.addresses.append(address)

    def add_remark(self, text: str) -> None:
        text = mask_pans(" ".join(text.split()))
        if text and text not in self.remarks:
            self.remarks.append(text)


class State(Enum):
    """Where in the PNR the walk is."""

    BOOKING = auto()  # group 1
    TRAVELLER = auto()  # group 2
    TICKET = auto()  # group 3
    PAYMENT = auto()  # group 4
    LEG = auto()  # group 5
    CHECKIN = auto()  # group 5 TRI
    SPLIT = auto()  # group 8
    NON_AIR = auto()  # group 9
    HISTORY = auto()  # groups 10-12


PERSONAL = (State.TRAVELLER, State.TICKET, State.PAYMENT)
ITINERARY = (State.LEG, State.CHECKIN)
