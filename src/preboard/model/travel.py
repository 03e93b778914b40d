"""Flights and their legs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Leg:
    """One take-off and landing, scheduled local times without a zone.

    ``carrier`` and ``number`` are set only when the leg flies under another flight number than
    its ``Flight`` (a progressive flight reported with several TDT groups); ``None`` means the
    flight's own.
    """

    origin: str | None
    destination: str | None
    departure: dt.datetime | None = None
    arrival: dt.datetime | None = None
    carrier: str | None = None
    number: str | None = None


@dataclass(frozen=True, slots=True)
class Flight:
    """A flight as the message reports it: carrier, number and one or more legs.

    ``origin``/``destination``/``departure``/``arrival`` describe the reported (prime) leg: the
    leg entering or leaving the screening country when the message says which (PAXLST LOC 125
    and 87), otherwise the whole journey from the first leg to the last.
    """

    carrier: str | None
    number: str | None
    legs: tuple[Leg, ...] = ()
    prime: int | None = None

    @property
    def designator(self) -> str:
        return f"{self.carrier or ''}{self.number or ''}"

    @property
    def _span(self) -> tuple[Leg | None, Leg | None]:
        if not self.legs:
            return None, None
        if self.prime is not None and 0 <= self.prime < len(self.legs):
            leg = self.legs[self.prime]
            return leg, leg
        return self.legs[0], self.legs[-1]

    @property
    def origin(self) -> str | None:
        first, _ = self._span
        return first.origin if first else None

    @property
    def destination(self) -> str | None:
        _, last = self._span
        return last.destination if last else None

    @property
    def departure(self) -> dt.datetime | None:
        first, _ = self._span
        return first.departure if first else None

    @property
    def arrival(self) -> dt.datetime | None:
        _, last = self._span
        return last.arrival if last else None
