"""Document dates against the journey: expired, expiring during the trip, recently issued.

The journey starts on the flight's departure date (the evaluation date when the flight has
none) and ends on the last date of the traveller's booking itinerary when known, else on the
last date of the flight. A document is valid through its expiry date. Visas are checked for
expiry before departure only: they must be valid to enter, not for the whole stay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from preboard.documents.numbers import describe, is_visa
from preboard.documents.report import document_finding
from preboard.model import Booking, Flight, Traveller
from preboard.model.findings import Finding, FindingSeverity

__all__ = ["DEFAULT_RECENT_DAYS", "Journey", "check_expiry", "check_recent_issue", "journey"]

DEFAULT_RECENT_DAYS = 30


@dataclass(frozen=True, slots=True)
class Journey:
    """When the traveller leaves and when the journey ends, with where the end comes from."""

    departure: dt.date
    end: dt.date
    end_source: str


def _last(points: Iterable[tuple[dt.datetime | None, dt.datetime | None]]) -> dt.date | None:
    dates = [moment.date() for pair in points for moment in pair if moment is not None]
    return max(dates) if dates else None


def journey(flight: Flight | None, booking: Booking | None, on: dt.date) -> Journey:
    """The journey of a traveller on ``flight`` with ``booking`` (either may be unknown);
    ``on`` is the evaluation date, used as the departure when the flight gives none."""
    departure = flight.departure.date() if flight and flight.departure else on
    if booking is not None:
        end = _last((s.departure, s.arrival) for s in booking.itinerary)
        if end is not None and end >= departure:
            return Journey(departure, end, f"the last date of booking {booking.record_locator}")
    if flight is not None:
        end = _last((leg.departure, leg.arrival) for leg in flight.legs)
        if end is not None and end >= departure:
            return Journey(departure, end, f"the arrival of flight {flight.designator}")
    return Journey(departure, departure, "the departure date")


def check_expiry(traveller: Traveller, trip: Journey) -> list[Finding]:
    """``document.expired`` (HIGH) for a document that expired before departure;
    ``document.expires_during_trip`` (MEDIUM) for one, other than a visa, that expires before
    the journey ends."""
    findings: list[Finding] = []
    for document in traveller.documents:
        expiry = document.expiry
        if expiry is None:
            continue
        detail = {"expiry": expiry.isoformat(), "document_type": document.type}
        if expiry < trip.departure:
            text = (
                f"The {describe(document)} expired on {expiry.isoformat()}, before departure "
                f"on {trip.departure.isoformat()}."
            )
            findings.append(
                document_finding("expired", FindingSeverity.HIGH, 1.0, text, detail=detail)
            )
        elif expiry < trip.end and not is_visa(document):
            text = (
                f"The {describe(document)} expires on {expiry.isoformat()}, before the end of "
                f"the journey on {trip.end.isoformat()} ({trip.end_source})."
            )
            findings.append(
                document_finding(
                    "expires_during_trip", FindingSeverity.MEDIUM, 1.0, text, detail=detail
                )
            )
    return findings


def check_recent_issue(
    traveller: Traveller, trip: Journey, *, days: int = DEFAULT_RECENT_DAYS
) -> list[Finding]:
    """``document.recently_issued`` (LOW) for a document, other than a visa, issued at most
    ``days`` days before departure. Documents without an issue date are not checked."""
    findings: list[Finding] = []
    for document in traveller.documents:
        issued = document.issue_date
        if issued is None or is_visa(document):
            continue
        age = (trip.departure - issued).days
        if 0 <= age <= days:
            text = (
                f"The {describe(document)} was issued on {issued.isoformat()}, {age} days "
                f"before departure on {trip.departure.isoformat()} (threshold: {days} days)."
            )
            detail = {"issue_date": issued.isoformat(), "age_days": str(age)}
            findings.append(
                document_finding("recently_issued", FindingSeverity.LOW, 1.0, text, detail=detail)
            )
    return findings
