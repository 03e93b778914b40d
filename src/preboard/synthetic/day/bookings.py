"""Turning a party into a booking (PNR): locator, trip, contacts, payment, tickets, seats, bags.

Every booking has its own phone and e-mail unless its habits carry a shared one (a
facilitator's), and is paid by a card no other booking of the day uses, or in cash. Cards are
held as the model holds them: a keyed fingerprint of the number as the PNRGOV message writes it
(masked to its last four digits), so a fingerprint read back from the message is the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterator

from preboard.ingest.options import DEVELOPMENT_KEY, fingerprint
from preboard.model import (
    Booking,
    Contacts,
    Payment,
    PaymentMethod,
    Role,
    Ticket,
    Traveller,
)
from preboard.synthetic.day.model import Habits, Party, Passenger
from preboard.synthetic.day.registry import Registry
from preboard.synthetic.day.schedule import ORIGIN, TICKET_CODES, Departure
from preboard.synthetic.day.trips import booked_at, itinerary, ordinary_habits

_VENDORS = {"VI": 50, "CA": 30, "AX": 15, "DS": 5}
_BAGS = (0, 1, 2)
_BAG_WEIGHTS = (35, 50, 15)


def seat_map(seats: int) -> Iterator[str]:
    """The aircraft's seats front to back: six abreast up to 200 seats, then seven, eight and
    nine (row 13 left out, as many carriers do)."""
    abreast = 6 if seats <= 200 else 7 if seats <= 240 else 8 if seats <= 275 else 9
    letters = "ABCDEFGHJK"[:abreast]
    row, given = 1, 0
    while given < seats:
        if row != 13:
            for letter in letters[: min(abreast, seats - given)]:
                yield f"{row}{letter}"
                given += 1
        row += 1


def _traveller(
    rng: random.Random, registry: Registry, dep: Departure, p: Passenger, ref: str
) -> Traveller:
    bags = rng.choices(_BAGS, weights=_BAG_WEIGHTS)[0]
    tags = tuple(dep.carrier + registry.digits("bag tag", 6) for _ in range(bags))
    adult = p.birth_date.year <= dep.departure.year - 18
    ff = (dep.carrier + registry.digits("ffp", 9),) if adult and rng.random() < 0.15 else ()
    return Traveller(
        role=Role.PASSENGER,
        surname=p.surname,
        given_names=p.given,
        birth_date=p.birth_date,
        sex=p.person.sex,
        nationality=p.nationality,
        residence_country=p.nationality,
        embarkation=ORIGIN,
        debarkation=dep.destination,
        documents=p.documents,
        ref=ref,
        bags=bags,
        bag_weight_kg=float(sum(rng.randint(12, 23) for _ in range(bags))) if bags else None,
        bag_tags=tags,
        frequent_flyer=ff,
    )


def _payment(
    rng: random.Random, registry: Registry, habits: Habits, amount: str, currency: str
) -> Payment:
    if habits.cash:
        return Payment(PaymentMethod.CASH, amount, currency)
    last4 = registry.card_last4()
    vendor = rng.choices(list(_VENDORS), weights=list(_VENDORS.values()))[0]
    expiry = f"{rng.randint(1, 12):02d}{(2027 + rng.randrange(5)) % 100:02d}"
    number = "X" * 12 + last4  # as write_fop writes it, so the reader finds the same print
    return Payment(
        PaymentMethod.CARD, amount, currency, vendor,
        fingerprint(number, DEVELOPMENT_KEY), last4, expiry,
    )  # fmt: skip


def _fare(rng: random.Random, legs: int, home: str) -> tuple[str, str]:
    usd = rng.uniform(180, 520) * (1.8 if legs > 1 else 1.0)
    return (f"{usd * 18:.2f}", "MXN") if home == "MEX" else (f"{usd:.2f}", "USD")


def make_booking(
    rng: random.Random, registry: Registry, dep: Departure, party: Party, seats: Iterator[str]
) -> Booking:
    """The booking of ``party`` on ``dep``; its travellers take the next seats of ``seats``."""
    lead = party.passengers[0]
    home = lead.nationality
    habits = party.habits or ordinary_habits(rng, home)
    legs = itinerary(rng, dep, home, habits.one_way)
    booked = booked_at(rng, legs[0].departure or dep.departure, habits.days_ahead)
    locator = registry.locator()
    travellers = tuple(
        _traveller(rng, registry, dep, p, str(i + 1)) for i, p in enumerate(party.passengers)
    )
    travellers = tuple(_seated(t, locator, next(seats)) for t in travellers)
    fare, currency = _fare(rng, len(legs), home)
    issued = booked + dt.timedelta(minutes=rng.randint(1, 20))
    code = TICKET_CODES[dep.carrier]
    tickets = tuple(
        Ticket(code + registry.digits("ticket", 10), t.ref, issued, fare, currency)
        for t in travellers
    )
    total = f"{float(fare) * len(travellers):.2f}"
    checked = dep.departure - dt.timedelta(minutes=rng.randint(70, 24 * 60))
    return Booking(
        record_locator=locator,
        carrier=dep.carrier,
        booked_at=booked,
        ticketed_at=issued,
        last_modified_at=max(checked, issued),
        agency=habits.agency,
        agency_country=habits.agency_country,
        payments=(_payment(rng, registry, habits, total, currency),),
        contacts=Contacts(
            (habits.phone or registry.phone(home),),
            (habits.email or registry.email(lead.given, lead.surname),),
        ),
        travellers=travellers,
        itinerary=legs,
        tickets=tickets,
        bags=sum(t.bags or 0 for t in travellers),
        seats=tuple((t.ref or "", t.seat or "") for t in travellers),
        frequent_flyer=tuple(n for t in travellers for n in t.frequent_flyer),
    )


def _seated(t: Traveller, locator: str, seat: str) -> Traveller:
    return dataclasses.replace(t, reservation_ref=locator, seat=seat)
