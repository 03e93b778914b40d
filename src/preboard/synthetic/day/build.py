"""``make_day``: the whole day, deterministically from a seed.

The order of work: the departures and their loads; the background watchlist; the planted
parties (which add their own listed entries and lost-stolen rows); for each flight, the planted
parties that book it plus ordinary parties until the flight holds its load, shuffled and
seated; the crew; the rest of the lost and stolen list. One ``random.Random`` seeded with the
seed and the date drives it all, so the same arguments give the same day.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import defaultdict

from preboard.model import Booking
from preboard.synthetic.day.bookings import make_booking, seat_map
from preboard.synthetic.day.context import DayContext, Rotation
from preboard.synthetic.day.crew import make_crew
from preboard.synthetic.day.lists import (
    LOST_STOLEN_SIZE,
    WATCHLIST_SIZE,
    background_entries,
    entry_ids,
    lost_stolen_rows,
)
from preboard.synthetic.day.model import DEFAULT_DATE, Day, DayFlight, Party, PlantedCase
from preboard.synthetic.day.planted import PLANTED_NATIONALITIES, plant_all, planted_counts
from preboard.synthetic.day.population import NameGuard, People, draw_nationality
from preboard.synthetic.day.registry import Registry
from preboard.synthetic.day.schedule import TIMETABLE, Departure, make_schedule

PARTY_SIZES = {1: 30, 2: 36, 3: 12, 4: 14, 5: 5, 6: 3}


def _context(rng: random.Random, day: dt.date, flights: int) -> DayContext:
    registry = Registry(rng)
    guard = NameGuard()
    return DayContext(
        rng, registry, day, guard, People(rng, registry, day, guard),
        entry_ids(rng, WATCHLIST_SIZE), Rotation(rng, PLANTED_NATIONALITIES),
        Rotation(rng, range(flights)),
    )  # fmt: skip


def _cases(dep: Departure, booking: Booking, party: Party) -> list[PlantedCase]:
    out = []
    for p, t in zip(party.passengers, booking.travellers, strict=True):
        if p.plant is not None:
            case = PlantedCase(
                case_id="",
                kind=p.plant.kind,
                carrier=dep.carrier,
                number=dep.number,
                date=dep.departure.date(),
                record_locator=booking.record_locator,
                surname=t.surname,
                given_names=t.given_names,
                document_number=p.documents[0].number or "",
                nationality=p.nationality,
                expected=p.plant.expected,
                detail=p.plant.detail,
            )
            out.append(case)
    return out


def _fill(
    ctx: DayContext, dep: Departure, planted: list[Party]
) -> tuple[DayFlight, list[PlantedCase]]:
    """The flight's bookings: its planted parties and ordinary ones up to its load."""
    rng, parties = ctx.rng, list(planted)
    count = sum(len(p.passengers) for p in parties)
    while count < dep.passengers:
        size = min(
            rng.choices(list(PARTY_SIZES), list(PARTY_SIZES.values()))[0], dep.passengers - count
        )
        parties.append(Party(ctx.people.party(size, draw_nationality(rng, dep.carrier))))
        count += size
    rng.shuffle(parties)
    seats = seat_map(max(dep.seats, count))
    bookings, cases = [], []
    for party in parties:
        booking = make_booking(rng, ctx.registry, dep, party, seats)
        bookings.append(booking)
        cases += _cases(dep, booking, party)
    crew = make_crew(ctx.people, dep)
    return DayFlight(dep.flight, dep.aircraft, dep.seats, tuple(bookings), crew), cases


def make_day(seed: int = 1, date: dt.date = DEFAULT_DATE, flights: int | None = None) -> Day:
    """The day of departures from Cancun for ``seed`` on ``date``: all 42 departures of the
    timetable, or ``flights`` of them spread over the day (fewer flights plant fewer cases)."""
    rng = random.Random(f"preboard-demo-day:{seed}:{date.isoformat()}")
    schedule = make_schedule(rng, date, flights)
    ctx = _context(rng, date, len(schedule))
    counts = planted_counts(len(schedule), len(TIMETABLE))
    ctx.background = background_entries(
        rng, ctx.registry, ctx.ids, WATCHLIST_SIZE - counts["watchlist"]
    )
    for listed in ctx.background:
        ctx.add_entry(listed.entry)
    by_flight: dict[int, list[Party]] = defaultdict(list)
    for index, party in plant_all(ctx, counts):
        by_flight[index].append(party)
    day_flights, cases = [], []
    for index, dep in enumerate(schedule):
        flight, found = _fill(ctx, dep, by_flight[index])
        day_flights.append(flight)
        cases += found
    lost = lost_stolen_rows(rng, ctx.registry, max(0, LOST_STOLEN_SIZE - len(ctx.lost)))
    lost += ctx.lost
    rng.shuffle(lost)
    truth = tuple(
        dataclasses.replace(case, case_id=f"CASE-{i:03d}") for i, case in enumerate(cases, 1)
    )
    entries = tuple(sorted(ctx.entries, key=lambda e: e.id))
    return Day(seed, date, tuple(day_flights), entries, tuple(lost), truth)
