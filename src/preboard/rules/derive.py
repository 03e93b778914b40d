"""Values the rule context derives from a booking, an itinerary and a traveller.

Each function returns ``None`` when the data does not tell (the context's ``null``), never a
guess dressed as a fact; the heuristics are named in each docstring.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from preboard.model import (
    Booking,
    Flight,
    ItinerarySegment,
    PartialDate,
    TravelDocument,
    Traveller,
)

_WORD = re.compile(r"[A-Z]+")
_CHANNELS = frozenset({"WEB", "APP", "MOBILE", "INTERNET"})
_AGENCY_NUMBER = re.compile(r"^\d{7,8}$")


def age_years(birth: PartialDate | None, on: dt.date) -> int | None:
    """Whole years of age on ``on`` from a complete birth date; ``None`` otherwise."""
    born = birth.as_date() if birth else None
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def main_document(t: Traveller) -> TravelDocument | None:
    """The traveller's passport (type starting with P), else the first document reported."""
    for doc in t.documents:
        if (doc.type or "").upper().startswith("P"):
            return doc
    return t.documents[0] if t.documents else None


def _segments(itinerary: Sequence[ItinerarySegment]) -> list[ItinerarySegment]:
    return [s for s in itinerary if s.origin and s.destination]


def one_way(itinerary: Sequence[ItinerarySegment]) -> bool | None:
    """True when no segment comes back to the first origin; ``None`` without an itinerary."""
    segs = _segments(itinerary)
    if not segs:
        return None
    return all(s.destination != segs[0].origin for s in segs)


def _turnaround(segs: list[ItinerarySegment]) -> int | None:
    """Index of the last outward segment of a return journey: the one followed by the longest
    wait (arrival, or departure when the arrival is missing, to the next departure); ``None``
    when a time is missing."""
    gaps: list[tuple[dt.timedelta, int]] = []
    for i, (a, b) in enumerate(itertools.pairwise(segs)):
        landed = a.arrival or a.departure
        if landed is None or b.departure is None:
            return None
        gaps.append((b.departure - landed, i))
    return max(gaps)[1] if gaps else None


def stay_days(itinerary: Sequence[ItinerarySegment]) -> int | None:
    """Days between arrival at the turnaround and the return departure, for a return journey
    whose times are known; ``None`` otherwise."""
    segs = _segments(itinerary)
    if one_way(segs) is not False:
        return None
    turn = _turnaround(segs)
    if turn is None:
        return None
    out, back = segs[turn], segs[turn + 1]
    landed = out.arrival or out.departure
    assert landed is not None and back.departure is not None  # checked by _turnaround
    return (back.departure.date() - landed.date()).days


def _outward(segs: list[ItinerarySegment]) -> list[ItinerarySegment]:
    """The outward journey: all of a one-way trip; of a return trip, up to the turnaround (the
    first half of the segments when the times are missing)."""
    if one_way(segs):
        return segs
    turn = _turnaround(segs)
    return segs[: (turn + 1 if turn is not None else (len(segs) + 1) // 2)]


def route(
    booking: Booking | None, flight: Flight | None
) -> tuple[str | None, str | None, list[str]]:
    """``(origin, destination, transit points)`` of the outward journey of the booking's
    itinerary, else of the flight's legs; ``(None, None, [])`` when neither is known."""
    segs = _outward(_segments(booking.itinerary)) if booking else []
    if segs:
        stops = [s.origin for s in segs] + [segs[-1].destination]
    elif flight is not None and flight.legs:
        stops = [leg.origin for leg in flight.legs] + [flight.legs[-1].destination]
    else:
        return None, None, []
    transit = [code for code in stops[1:-1] if code]
    return stops[0], stops[-1], list(dict.fromkeys(transit))


def days_before_departure(booking: Booking, flight: Flight | None) -> int | None:
    """Days from ``booked_at`` to the screened flight's departure (the first segment's when the
    flight gives none); ``None`` when either date is missing."""
    departs = flight.departure if flight else None
    if departs is None:
        departs = next((s.departure for s in booking.itinerary if s.departure), None)
    if booking.booked_at is None or departs is None:
        return None
    return (departs.date() - booking.booked_at.date()).days


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.upper()))


def paid_by_traveller(booking: Booking) -> bool | None:
    """Whether every named payer is a traveller of the booking: a payer is one when all words
    of a traveller's surname are words of the payer's name. ``None`` when no payer is named."""
    payers = [p.payer for p in booking.payments if p.payer and p.payer.strip()]
    if not payers:
        return None
    surnames = [_words(t.surname) for t in booking.travellers if _words(t.surname)]
    return all(any(s <= _words(payer) for s in surnames) for payer in payers)


def via_agency(booking: Booking, flight: Flight | None) -> bool:
    """Whether a travel agency made the booking, read from the PNR's agency (ORG) text.

    An agency: the text holds an IATA/ARC agency number (7 or 8 digits), or is a name without
    digits (``VIAJES EJEMPLO``, ``BOOKING.COM``). Not an agency: nothing named; the carrier
    itself (first word is its code: its own office or system); its web or app channel (``WEB``,
    ``AA.COM`` for carrier AA); an office or system code without an agency number
    (``1A HDQKE2400``, ``1A``).
    """
    words = (booking.agency or "").upper().split()
    carrier = (booking.carrier or (flight.carrier if flight else None) or "").upper()
    if not words or (carrier and words[0] == carrier):
        return False
    if any(w in _CHANNELS or (carrier and w == f"{carrier}.COM") for w in words):
        return False
    if any(_AGENCY_NUMBER.match(w) for w in words):
        return True
    has_digits = any(ch.isdigit() for w in words for ch in w)
    return not has_digits and not (len(words) == 1 and len(words[0]) == 2)
