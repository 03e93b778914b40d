"""Segment groups 2 and 3 (TDT with LOC and DTM) into a ``Flight`` with its legs.

Each TDT group lists stops: LOC 125 (departure from the last foreign port) with DTM 189, LOC 87
(first arrival) with DTM 232, and LOC 92 for the other legs of a progressive flight, where the
DTM that follows says whether the stop is a departure (189), an arrival (232) or both. A
departure stop and the next arrival stop make a leg; the leg that starts at LOC 125 or ends at
LOC 87 is the prime leg. Several TDT groups (several flight numbers) make one flight whose
carrier and number are those of the prime leg; the other legs carry their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from preboard.ingest.context import Context
from preboard.ingest.edifact import Segment
from preboard.ingest.paxlst import values
from preboard.model import Flight, Leg, Severity

STOP_QUALIFIERS = ("125", "87", "92")


@dataclass(slots=True)
class Stop:
    """A LOC of segment group 3 with the times of the DTMs that follow it."""

    qualifier: str
    place: str | None
    departure: dt.datetime | None = None
    arrival: dt.datetime | None = None

    @property
    def kind(self) -> str:
        """``dep``, ``arr`` or ``both`` (a LOC 92 with both times, or with none)."""
        if self.qualifier == "125":
            return "dep"
        if self.qualifier == "87":
            return "arr"
        if self.departure is not None and self.arrival is None:
            return "dep"
        if self.arrival is not None and self.departure is None:
            return "arr"
        return "both"


@dataclass(slots=True)
class Transport:
    """One TDT group: the flight designator and its stops."""

    carrier: str | None
    number: str | None
    stops: list[Stop] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Leg:
    leg: Leg
    prime: bool


def start(seg: Segment) -> Transport:
    """A new TDT group from ``TDT+20+UA0989+++UA``."""
    carrier, number = values.designator(seg.get(1), seg.get(4))
    return Transport(carrier, number)


def add(transport: Transport, seg: Segment, ctx: Context) -> bool:
    """Take a LOC or DTM of the TDT group; ``False`` when the segment is not one of its own."""
    if seg.tag == "LOC":
        qualifier = seg.get(0).lstrip("0")
        if qualifier not in STOP_QUALIFIERS:
            return False
        transport.stops.append(Stop(qualifier, seg.get(1).strip().upper() or None))
        return True
    if seg.tag != "DTM":
        return False
    qualifier, value, fmt = seg.get(0, 0), seg.get(0, 1).strip(), seg.get(0, 2)
    if qualifier not in ("189", "232") or not transport.stops:
        return False
    when = values.flight_time(value, fmt, ctx.reference)
    if when is None:
        ctx.problem(seg, f"flight date and time {value!r} not understood; kept unread")
        return False
    if qualifier == "189":
        transport.stops[-1].departure = when
    else:
        transport.stops[-1].arrival = when
    return True


def _leg(dep: Stop | None, arr: Stop | None) -> _Leg:
    leg = Leg(
        dep.place if dep else None,
        arr.place if arr else None,
        dep.departure if dep else None,
        arr.arrival if arr else None,
    )
    prime = (dep is not None and dep.qualifier == "125") or (
        arr is not None and arr.qualifier == "87"
    )
    return _Leg(leg, prime)


def _legs(stops: list[Stop]) -> list[_Leg]:
    legs: list[_Leg] = []
    open_: Stop | None = None
    closed_at: Stop | None = None
    for stop in stops:
        kind = stop.kind
        if kind == "arr":
            legs.append(_leg(open_, stop))
            open_ = None
            continue
        if open_ is not None:
            legs.append(_leg(open_, stop))
            closed_at = stop if kind == "both" else None
        open_ = stop
    if open_ is not None and open_ is not closed_at:
        legs.append(_leg(open_, None))
    return legs


def build(transports: list[Transport], ctx: Context, seg: Segment | None) -> Flight | None:
    """The flight of a message's TDT groups; ``None`` when there is none."""
    if not transports:
        return None
    found: list[tuple[Transport, _Leg]] = [(t, leg) for t in transports for leg in _legs(t.stops)]
    prime = next((i for i, (_, leg) in enumerate(found) if leg.prime), None)
    main = found[prime][0] if prime is not None else transports[0]
    legs = []
    for transport, item in found:
        leg = item.leg
        if (transport.carrier, transport.number) != (main.carrier, main.number):
            leg = replace(leg, carrier=transport.carrier, number=transport.number)
        legs.append(leg)
    if not legs:
        ctx.problem(seg, "the flight has no LOC 125, 87 or 92: its route is unknown", Severity.INFO)
    return Flight(main.carrier, main.number, tuple(legs), prime)
