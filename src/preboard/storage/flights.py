"""Flights and the travellers on them, as screening leaves them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.assessment.flights import FlightKey
from preboard.ingest.export import booking_dict, traveller_dict
from preboard.model import Booking, Flight, Traveller
from preboard.storage.fingerprints import traveller_identity
from preboard.storage.tables import FlightRow, TravellerRow

__all__ = ["TravellerData", "save_flight", "save_traveller", "save_travellers"]


def save_flight(session: Session, flight: Flight, now: dt.datetime) -> FlightRow:
    """The stored flight for ``flight``'s departure (carrier, number without leading zeros,
    local date), created or brought up to date with what this message says."""
    key = FlightKey.of(flight)
    date_match = FlightRow.date.is_(None) if key.date is None else FlightRow.date == key.date
    stmt = select(FlightRow).where(
        FlightRow.carrier == key.carrier, FlightRow.number == key.number, date_match
    )
    row = session.scalar(stmt)
    if row is None:
        row = FlightRow(carrier=key.carrier, number=key.number, date=key.date, created_at=now)
        session.add(row)
    row.origin = flight.origin or row.origin
    row.destination = flight.destination or row.destination
    row.departure = flight.departure or row.departure
    row.arrival = flight.arrival or row.arrival
    row.updated_at = now
    session.flush()
    return row


def set_changed(row: Any, values: dict[str, Any]) -> bool:
    """Set on ``row`` each of ``values`` that differs from what it holds; whether any did
    (a new row: always)."""
    changed = False
    for name, value in values.items():
        if getattr(row, name, None) != value or row.id is None:
            setattr(row, name, value)
            changed = True
    return changed


@dataclass(frozen=True, slots=True)
class TravellerData:
    """What is stored of one traveller of a flight."""

    traveller: Traveller
    booking: Booking | None = None
    priority: float = 0.0
    message_id: int | None = None


def _fill(row: TravellerRow, data: TravellerData, now: dt.datetime) -> None:
    """Set what ``data`` says on ``row``; a row it leaves as it was is not written again (a
    re-assessment after a later message changes few travellers)."""
    traveller = data.traveller
    values = {
        "role": traveller.role.value,
        "surname": traveller.surname[:200],
        "given_names": traveller.given_names[:200],
        "record_locator": (
            data.booking.record_locator if data.booking else traveller.reservation_ref
        ),
        "priority": data.priority,
        "data": traveller_dict(traveller),
        "booking": booking_dict(data.booking) if data.booking else None,
    }
    if set_changed(row, values):
        row.message_id = data.message_id if data.message_id is not None else row.message_id
        row.updated_at = now


def save_traveller(
    session: Session, flight_id: int, data: TravellerData, now: dt.datetime
) -> TravellerRow:
    """The stored traveller of that flight with the same identity, created or replaced by
    ``data`` (a later message's data and priority win)."""
    identity = traveller_identity(data.traveller)
    stmt = select(TravellerRow).where(
        TravellerRow.flight_id == flight_id, TravellerRow.identity == identity
    )
    row = session.scalar(stmt)
    if row is None:
        row = TravellerRow(flight_id=flight_id, identity=identity, created_at=now)
        session.add(row)
    _fill(row, data, now)
    session.flush()
    return row


def save_travellers(
    session: Session, flight_id: int, items: Sequence[TravellerData], now: dt.datetime
) -> list[TravellerRow]:
    """``save_traveller`` for a whole flight at once: one query for the stored travellers and
    one flush, the rows returned in the order of ``items`` (the same row for the same
    identity, the later item's data winning)."""
    stmt = select(TravellerRow).where(TravellerRow.flight_id == flight_id)
    stored = {row.identity: row for row in session.scalars(stmt)}
    rows = []
    for data in items:
        identity = traveller_identity(data.traveller)
        row = stored.get(identity)
        if row is None:
            row = stored[identity] = TravellerRow(
                flight_id=flight_id, identity=identity, created_at=now
            )
            session.add(row)
        _fill(row, data, now)
        rows.append(row)
    session.flush()
    return rows
