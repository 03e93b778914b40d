"""Passports and US visas of the day's travellers.

Every traveller holds a passport (type P) of their nationality, valid ten years (five for a
child under 16). Nationals of the countries in ``VISA_NATIONALITIES`` also hold a US visa
(type V, issued by the USA, valid ten years); those in ``ESTA_NATIONALITIES`` travel on an
ESTA, which is no document on the manifest; US and Canadian citizens need neither.

Ordinary documents were issued more than ``MIN_ISSUED`` before the flight and stay valid at
least ``MIN_VALIDITY`` after it, past any return date of the day's bookings.
"""

from __future__ import annotations

import datetime as dt
import random

from preboard.model import TravelDocument
from preboard.synthetic.day.registry import Registry

VISA_NATIONALITIES = frozenset(
    {"MEX", "COL", "PER", "VEN", "CUB", "BRA", "ARG", "CHN", "IND", "RUS", "UKR", "NGA", "VNM",
     "PHL"}
)  # fmt: skip
ESTA_NATIONALITIES = frozenset(
    {"GBR", "DEU", "FRA", "ESP", "ITA", "NLD", "JPN", "KOR", "AUS", "IRL"}
)
MIN_ISSUED = dt.timedelta(days=45)
MIN_VALIDITY = dt.timedelta(days=200)


def needs_visa(nationality: str) -> bool:
    """Whether a national of ``nationality`` needs a US visa on the manifest."""
    return nationality in VISA_NATIONALITIES


def age_on(born: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day``."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by ``years`` (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _issued(rng: random.Random, born: dt.date, day: dt.date, years: int) -> dt.date:
    latest = day - MIN_ISSUED
    earliest = max(born + dt.timedelta(days=30), add_years(day + MIN_VALIDITY, -years))
    if earliest >= latest:
        return latest
    return earliest + dt.timedelta(days=rng.randrange((latest - earliest).days + 1))


def passport(
    rng: random.Random, number: str, nationality: str, born: dt.date, day: dt.date
) -> TravelDocument:
    """A valid passport for a flight on ``day``."""
    years = 5 if age_on(born, day) < 16 else 10
    issued = _issued(rng, born, day, years)
    expiry = add_years(issued, years) - dt.timedelta(days=1)
    return TravelDocument("P", number, nationality, issued, expiry, nationality)


def expired_passport(
    rng: random.Random, number: str, nationality: str, born: dt.date, day: dt.date
) -> TravelDocument:
    """A passport that expired between three weeks and two years before ``day``."""
    expiry = day - dt.timedelta(days=rng.randint(20, 700))
    years = 5 if age_on(born, expiry) < 16 else 10
    issued = add_years(expiry, -years) + dt.timedelta(days=1)
    return TravelDocument("P", number, nationality, issued, expiry, nationality)


def visa(rng: random.Random, registry: Registry, born: dt.date, day: dt.date) -> TravelDocument:
    """A valid US visa (B1/B2 for passengers, C1/D for crew: both type V on a manifest)."""
    issued = _issued(rng, born, day, 10)
    expiry = add_years(issued, 10) - dt.timedelta(days=1)
    return TravelDocument("V", registry.digits("visa", 8), "USA", issued, expiry)


def documents(
    rng: random.Random, registry: Registry, first: TravelDocument, born: dt.date, day: dt.date
) -> tuple[TravelDocument, ...]:
    """The passport ``first`` and, where the nationality needs one, a valid US visa."""
    if first.nationality and needs_visa(first.nationality):
        return (first, visa(rng, registry, born, day))
    return (first,)
