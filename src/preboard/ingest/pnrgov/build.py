"""Drafts into the frozen model: travellers with their seats and bags, and the booking."""

from __future__ import annotations

from preboard.ingest.context import Context
from preboard.ingest.pnrgov.drafts import BookingDraft, LegDraft
from preboard.ingest.pnrgov.drafts import TravellerDraft as Draft
from preboard.ingest.pnrgov.names import split_title, squash
from preboard.ingest.pnrgov.resolve import INFANT, resolve
from preboard.model import (
    Booking,
    Contacts,
    Flight,
    ItinerarySegment,
    PartialDate,
    Role,
    Severity,
    Ticket,
    Traveller,
)


def _same_number(a: str | None, b: str | None) -> bool:
    return bool(a and b) and (a or "").lstrip("0") == (b or "").lstrip("0")


def prime_leg(legs: list[LegDraft], flight: Flight | None) -> int | None:
    """The leg of the itinerary that is the flight the message was pushed for."""
    if flight is None:
        return None
    for leg in legs:
        marketed = leg.carrier == flight.carrier and _same_number(leg.number, flight.number)
        operated = leg.operating_carrier == flight.carrier and _same_number(
            leg.operating_number or leg.number, flight.number
        )
        if marketed or operated:
            return leg.index
    at = (flight.origin, flight.destination)
    day = flight.departure.date() if flight.departure else None
    for leg in legs:
        leg_day = leg.departure.date() if leg.departure else None
        if (leg.origin, leg.destination) == at and (day is None or leg_day in (None, day)):
            return leg.index
    return None


def _seat(d: BookingDraft, i: int, prime: int | None, flight: Flight | None) -> str | None:
    if prime is not None and (i, prime) in d.seats:
        return d.seats[(i, prime)]
    if flight is not None:
        return d.seats.get((i, (flight.origin, flight.destination)))
    return None


def _given(t: Draft) -> tuple[str, str | None]:
    given, title = split_title(t.given, t.docs_given)
    if t.docs_given and " " not in given and squash(t.docs_given) == squash(given):
        given = t.docs_given  # DOCS spaces the names the TIF runs together
    return given, title


def _traveller(d: BookingDraft, i: int, prime: int | None, flight: Flight | None) -> Traveller:
    t = d.travellers[i]
    given, title = _given(t)
    bags = [n for (who, _), n in d.bags.items() if who == i]
    weights = [w for (who, _), w in d.weights.items() if who == i]
    leg = d.legs[prime] if prime is not None else None
    return Traveller(
        role=Role.INFANT if t.kind == INFANT or t.infant else Role.PASSENGER,
        surname=t.surname,
        given_names=given,
        birth_date=PartialDate.from_date(t.birth_date) if t.birth_date else None,
        sex=t.sex,
        nationality=t.nationality,
        residence_country=t.residence,
        birth_place=t.birth_place,
        embarkation=leg.origin if leg else None,
        debarkation=leg.destination if leg else None,
        documents=tuple(t.documents),
        reservation_ref=d.locator or None,
        ref=t.ref or None,
        seat=_seat(d, i, prime, flight),
        bags=max(bags) if bags else None,
        bag_weight_kg=round(max(weights), 1) if weights else None,
        bag_tags=tuple(t.bag_tags),
        frequent_flyer=tuple(t.frequent_flyer),
        title=title,
        extra=tuple(t.extra),
    )


def _leg(leg: LegDraft) -> ItinerarySegment:
    return ItinerarySegment(
        carrier=leg.carrier,
        number=leg.number,
        origin=leg.origin,
        destination=leg.destination,
        departure=leg.departure,
        arrival=leg.arrival,
        operating_carrier=leg.operating_carrier,
        booking_class=leg.booking_class,
        status=leg.status,
        operating_number=leg.operating_number,
    )


def _seats(d: BookingDraft, travellers: tuple[Traveller, ...]) -> tuple[tuple[str, str], ...]:
    def order(item: tuple[tuple[int, object], str]) -> tuple[int, int]:
        (who, leg), _ = item
        return who, leg if isinstance(leg, int) else len(d.legs)

    return tuple(
        (travellers[who].ref or str(who + 1), seat)
        for (who, _), seat in sorted(d.seats.items(), key=order)
    )


def _report(d: BookingDraft, ctx: Context) -> None:
    name = d.locator or f"at segment {d.index}"
    if d.history:
        ctx.problem(
            None,
            f"PNR {name}: {d.history} history segments (groups 10-12) kept unread",
            Severity.INFO,
        )
    if d.sensitive:
        ctx.problem(
            None,
            f"PNR {name}: {d.sensitive} SSRs on meals, health or assistance not kept (policy: "
            "no data on health or religion)",
            Severity.INFO,
        )


def build_booking(d: BookingDraft, ctx: Context, flight: Flight | None) -> Booking:
    """The booking of a draft whose segments have all been read."""
    resolve(d, ctx)
    _report(d, ctx)
    prime = prime_leg(d.legs, flight)
    travellers = tuple(_traveller(d, i, prime, flight) for i in range(len(d.travellers)))
    refs = [t.ref for t in travellers]
    tickets = tuple(
        Ticket(
            t.number,
            refs[t.traveller] if t.traveller is not None else None,
            t.issued_at,
            t.total,
            t.currency,
        )
        for t in d.tickets
    )
    issued = [t.issued_at for t in tickets if t.issued_at]
    bags = [t.bags for t in travellers if t.bags is not None]
    ff = tuple(dict.fromkeys(n for t in travellers for n in t.frequent_flyer))
    return Booking(
        record_locator=d.locator,
        carrier=d.carrier,
        booked_at=d.booked_at,
        ticketed_at=d.ticketed_at or (min(issued) if issued else None),
        last_modified_at=d.modified_at,
        agency=d.agency,
        agency_country=d.agency_country,
        payments=tuple(d.payments),
        contacts=Contacts(tuple(d.phones), tuple(d.emails), tuple(d.addresses)),
        travellers=travellers,
        itinerary=tuple(_leg(leg) for leg in d.legs),
        tickets=tickets,
        bags=sum(bags) if bags else None,
        seats=_seats(d, travellers),
        frequent_flyer=ff,
        split_count=d.split_count,
        remarks=tuple(d.remarks),
    )
