"""Stored messages, the flights they describe and the travellers on them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from preboard.storage.states import MessageStatus
from preboard.storage.tables.base import Base, UtcDateTime, json_type, str_enum

__all__ = ["FlightRow", "MessageFlightRow", "MessageRow", "TravellerRow"]


class MessageRow(Base):
    """A message as received, byte for byte; ``content_hash`` (SHA-256 of the body) is unique,
    so a message sent twice is stored once."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(200))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int]
    received_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, index=True)
    status: Mapped[MessageStatus] = mapped_column(
        str_enum(MessageStatus, "message_status"), index=True
    )
    problems: Mapped[list[Any]] = mapped_column(json_type())
    screened_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class FlightRow(Base):
    """A departure: carrier, number without leading zeros, local date; scheduled local times
    without a zone, as messages give them."""

    __tablename__ = "flights"
    __table_args__ = (UniqueConstraint("carrier", "number", "date", name="uq_flights_departure"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier: Mapped[str] = mapped_column(String(3), index=True)
    number: Mapped[str] = mapped_column(String(5))
    date: Mapped[dt.date | None]
    origin: Mapped[str | None] = mapped_column(String(3))
    destination: Mapped[str | None] = mapped_column(String(3))
    departure: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False), index=True)
    arrival: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=False))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class TravellerRow(Base):
    """A traveller on a flight: ``data`` as ``preboard parse --json`` writes a traveller,
    ``booking`` as it writes a booking; names and locator as columns for search; ``identity``
    the key that recognises the same person in a later message."""

    __tablename__ = "travellers"

    id: Mapped[int] = mapped_column(primary_key=True)
    flight_id: Mapped[int] = mapped_column(ForeignKey("flights.id", ondelete="CASCADE"), index=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    identity: Mapped[str] = mapped_column(String(64), index=True)
    role: Mapped[str] = mapped_column(String(16))
    surname: Mapped[str] = mapped_column(String(200), index=True)
    given_names: Mapped[str] = mapped_column(String(200))
    record_locator: Mapped[str | None] = mapped_column(String(16), index=True)
    priority: Mapped[float] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(json_type())
    booking: Mapped[dict[str, Any] | None] = mapped_column(json_type())
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class MessageFlightRow(Base):
    """Which stored messages describe which flights (a flight's PAXLST parts, crew list and
    PNR pushes), so that a flight is re-assessed from all of its messages together when a later
    one arrives (migration 0003)."""

    __tablename__ = "message_flights"

    message_id: Mapped[int] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True
    )
    flight_id: Mapped[int] = mapped_column(
        ForeignKey("flights.id", ondelete="CASCADE"), primary_key=True, index=True
    )
