"""Travellers and their travel documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from preboard.model.dates import PartialDate


class Role(StrEnum):
    """Why the person is on the flight."""

    PASSENGER = "passenger"
    CREW = "crew"
    IN_TRANSIT = "in_transit"
    INFANT = "infant"


class Sex(StrEnum):
    """Sex as printed on the travel document (ICAO 9303: F, M or unspecified)."""

    FEMALE = "F"
    MALE = "M"
    UNSPECIFIED = "X"


@dataclass(frozen=True, slots=True)
class TravelDocument:
    """A passport, visa, identity card or other document, as reported."""

    type: str | None
    number: str | None
    issuing_country: str | None = None
    issue_date: dt.date | None = None
    expiry: dt.date | None = None
    nationality: str | None = None
    issue_place: str | None = None


@dataclass(frozen=True, slots=True)
class Traveller:
    """One person on a manifest or in a booking, with what the message says of them.

    ``ref`` is the message's own reference for the person (PNR traveller reference, PAXLST
    passenger reference), used to link the same person across segments and messages.
    """

    role: Role
    surname: str
    given_names: str = ""
    birth_date: PartialDate | None = None
    sex: Sex | None = None
    nationality: str | None = None
    residence_country: str | None = None
    birth_place: str | None = None
    embarkation: str | None = None
    debarkation: str | None = None
    documents: tuple[TravelDocument, ...] = ()
    reservation_ref: str | None = None
    ref: str | None = None
    seat: str | None = None
    bags: int | None = None
    bag_weight_kg: float | None = None
    bag_tags: tuple[str, ...] = ()
    frequent_flyer: tuple[str, ...] = ()
    title: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}".strip()
