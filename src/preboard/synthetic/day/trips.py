"""How ordinary travellers book: trips, lead times, agencies, payment.

Most bookings are round trips: US and Canadian residents fly home on the day's flight after a
stay of three days to two weeks (their booking starts with the flight to Cancun); everyone else
flies to the US on it and back to Cancun later. One-way bookings are rare (2%), paid by card and
made at least three weeks ahead. Bookings are made weeks to months before the first flight (a few
within days), about half through large online agencies or tour operators, almost all by card:
cash is rare (0.15% of ordinary bookings, round trips made well ahead). No ordinary booking has
the shape of the facilitation rules (one-way, cash, a few days ahead, paid by a third party).
"""

from __future__ import annotations

import datetime as dt
import random

from preboard.model import ItinerarySegment
from preboard.synthetic.day.model import Habits
from preboard.synthetic.day.schedule import ORIGIN, Departure

ONE_WAY_SHARE = 0.02
CASH_SHARE = 0.0015
SOON_SHARE = 0.03
HOME_BY_RETURN = frozenset({"USA", "CAN"})  # residents who fly home on the day's flight

# (agency, agency country): weight; ``None`` is a booking made with the airline directly.
_AGENCIES: dict[tuple[str | None, str | None], int] = {
    ("EXPEDIA", "USA"): 20, ("PRICELINE", "USA"): 6, ("BOOKING.COM", "NLD"): 5,
    ("ORBITZ", "USA"): 3, ("TRAVELOCITY", "USA"): 3, ("CHEAPOAIR", "USA"): 3,
    ("HOPPER", "CAN"): 2, ("APPLE VACATIONS", "USA"): 4, ("FUNJET VACATIONS", "USA"): 2,
    ("PLEASANT HOLIDAYS", "USA"): 1, (None, None): 51,
}  # fmt: skip
_MEXICAN_AGENCIES: dict[tuple[str | None, str | None], int] = {
    ("DESPEGAR", "MEX"): 16, ("BESTDAY", "MEX"): 10, ("PRICE TRAVEL", "MEX"): 7,
    ("EXPEDIA", "USA"): 8, (None, None): 59,
}  # fmt: skip
_CLASSES = ("Y", "B", "M", "H", "Q", "K", "L", "V", "S", "N", "J")
_CLASS_WEIGHTS = (4, 3, 6, 8, 10, 12, 12, 12, 10, 8, 3)


def ordinary_habits(rng: random.Random, home: str) -> Habits:
    """How an ordinary booking by a resident of ``home`` was made."""
    one_way = rng.random() < ONE_WAY_SHARE
    if one_way:
        days = rng.randint(21, 150)
    elif rng.random() < SOON_SHARE:
        days = rng.randint(2, 6)
    else:
        days = int(rng.triangular(10, 270, 45))
    table = _MEXICAN_AGENCIES if home == "MEX" else _AGENCIES
    agency, country = rng.choices(list(table), weights=list(table.values()))[0]
    cash = not one_way and days >= 14 and rng.random() < CASH_SHARE
    return Habits(days, one_way=one_way, cash=cash, agency=agency, agency_country=country)


def _segment(
    flight: tuple[str, str, str],
    route: tuple[str, str],
    times: tuple[dt.datetime, dt.datetime],
) -> ItinerarySegment:
    carrier, number, fare = flight
    return ItinerarySegment(
        carrier, number, route[0], route[1], times[0], times[1], booking_class=fare, status="HK"
    )


def itinerary(
    rng: random.Random, dep: Departure, home: str, one_way: bool
) -> tuple[ItinerarySegment, ...]:
    """The booking's flights: the day's flight, and the way to Cancun before it (residents of
    the US and Canada) or back to Cancun after it (everyone else), unless one-way."""
    fare = rng.choices(_CLASSES, weights=_CLASS_WEIGHTS)[0]
    this = _segment(
        (dep.carrier, dep.number, fare), (ORIGIN, dep.destination), (dep.departure, dep.arrival)
    )
    if one_way:
        return (this,)
    stay = dt.timedelta(days=int(rng.triangular(3, 15, 5)))
    day = dep.departure.date() + (-stay if home in HOME_BY_RETURN else stay)
    back = _segment(
        (dep.carrier, dep.return_number, fare), (dep.destination, ORIGIN), dep.inbound(day)
    )
    return (back, this) if home in HOME_BY_RETURN else (this, back)


def booked_at(rng: random.Random, first: dt.datetime, days: int) -> dt.datetime:
    """When a booking was made ``days`` calendar days before its first flight ``first``
    (on the same day: at least three hours before it)."""
    day = first.date() - dt.timedelta(days=days)
    latest = 23 * 60 + 50 if days else max(30, first.hour * 60 + first.minute - 180)
    earliest = 6 * 60 if latest > 8 * 60 else 0
    minute = rng.randint(earliest, latest)
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60, rng.randrange(60)))
