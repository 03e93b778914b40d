"""Seeded synthetic manifests for the ingestion benchmarks (synthetic people only)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from preboard.model import (
    Booking,
    Contacts,
    Flight,
    ItinerarySegment,
    Leg,
    Manifest,
    PartialDate,
    Payment,
    PaymentMethod,
    Role,
    Sex,
    SourceKind,
    TravelDocument,
    Traveller,
)

SURNAMES = [
    "GARCIA",
    "HERNANDEZ",
    "LOPEZ",
    "MARTINEZ",
    "GONZALEZ",
    "PEREZ",
    "SANCHEZ",
    "RAMIREZ",
    "SMITH",
    "JOHNSON",
    "WILLIAMS",
    "BROWN",
    "NGUYEN",
    "KIM",
    "OKAFOR",
    "HADDAD",
    "IVANOVA",
    "DE LA CRUZ",
    "O'BRIEN",
    "MUELLER",
    "ROSSI",
    "DUBOIS",
    "SILVA",
    "KOWALSKI",
]
GIVEN = [
    "MARIA",
    "JOSE",
    "JUAN",
    "ANA",
    "LUIS",
    "CARMEN",
    "JAMES",
    "MARY",
    "ROBERT",
    "PATRICIA",
    "MIN JUN",
    "CHIDI",
    "LAYLA",
    "OLGA",
    "FATIMA",
    "LUCA",
    "CHLOE",
    "JOAO",
    "PIOTR",
    "SOFIA",
]
COUNTRIES = ["MEX", "USA", "CAN", "GBR", "DEU", "COL", "ARG", "KOR", "NGA", "LBN", "RUS"]


def traveller(rng: random.Random, i: int) -> Traveller:
    nat = rng.choice(COUNTRIES)
    born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 30000))
    doc = TravelDocument(
        "P",
        f"{rng.choice('ABCGKN')}{rng.randrange(10**7, 10**8)}",
        nat,
        expiry=dt.date(2027, 1, 1) + dt.timedelta(days=rng.randrange(0, 3000)),
    )
    return Traveller(
        role=Role.PASSENGER,
        surname=rng.choice(SURNAMES),
        given_names=" ".join(rng.sample(GIVEN, rng.choice((1, 1, 2)))),
        birth_date=PartialDate.from_date(born),
        sex=rng.choice((Sex.FEMALE, Sex.MALE)),
        nationality=nat,
        residence_country=nat,
        embarkation="CUN",
        debarkation="ATL",
        documents=(doc,),
        reservation_ref=f"{rng.randrange(36**6):06X}"[:6],
        seat=f"{rng.randrange(1, 40)}{rng.choice('ABCDEF')}",
        bags=rng.randrange(0, 3),
        ref=str(i + 1),
    )


def flight() -> Flight:
    dep = dt.datetime(2026, 11, 28, 14, 5)
    leg = Leg("CUN", "ATL", dep, dep + dt.timedelta(hours=3, minutes=10))
    return Flight("AM", "402", (leg,), prime=0)


def paxlst_manifest(count: int, seed: int = 1) -> Manifest:
    rng = random.Random(seed)
    people = tuple(traveller(rng, i) for i in range(count))
    return Manifest(SourceKind.PAXLST, flight(), people, list_type="745")


def pnrgov_manifest(pnrs: int, seed: int = 1) -> Manifest:
    rng = random.Random(seed)
    f = flight()
    bookings = []
    all_people: list[Traveller] = []
    for b in range(pnrs):
        locator = f"{b:06X}"[-6:].replace("0", "Q")
        people = tuple(
            replace(traveller(rng, i), reservation_ref=locator)
            for i in range(rng.choice((1, 1, 2, 2, 3, 4)))
        )
        all_people.extend(people)
        card = rng.random() < 0.8
        pay = Payment(
            PaymentMethod.CARD if card else PaymentMethod.CASH,
            amount=f"{rng.randrange(200, 1500)}.00",
            currency="USD",
            card_vendor="VI" if card else None,
            card_last4=f"{rng.randrange(10000):04d}" if card else None,
        )
        seg = ItinerarySegment("AM", "402", "CUN", "ATL", f.departure, f.arrival)
        bookings.append(
            Booking(
                record_locator=locator,
                carrier="AM",
                booked_at=dt.datetime(2026, 10, 1, 9, 30) + dt.timedelta(hours=rng.randrange(900)),
                agency="12345678",
                payments=(pay,),
                contacts=Contacts(
                    phones=(f"+52998{rng.randrange(10**7):07d}",),
                    emails=(f"traveller{b}@example.com",),
                ),
                travellers=people,
                itinerary=(seg,),
            )
        )
    return Manifest(SourceKind.PNRGOV, f, tuple(all_people), tuple(bookings))
