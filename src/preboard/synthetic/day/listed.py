"""Planted travellers tied to the watchlist: listed people, and innocent look-alikes.

A **listed** traveller is a synthetic person put on the watchlist (``entries.make_entry``) who
flies under a variant of the listed name drawn with ``synthetic.variants`` (the exact name,
another romanisation, a typo, given and family names swapped, a dropped or added part, a
compound written apart or together), with their own birth date, nationality and passport.
A **look-alike** carries the exact name of a listed person who does not travel, but was born
20-40 years apart and holds another nationality: innocent, and expected to raise nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from preboard.model import PartialDate
from preboard.synthetic.day.context import DayContext
from preboard.synthetic.day.documents import documents, passport
from preboard.synthetic.day.model import Passenger, Plant
from preboard.synthetic.day.population import ORIGINS_BY_NATIONALITY, written
from preboard.synthetic.entries import listed_years, make_entry
from preboard.synthetic.people import SyntheticPerson, generate_person, weighted
from preboard.synthetic.translit import fold
from preboard.synthetic.variants import APPLY, Draft, Listed

PLANTED_VARIANTS: tuple[str, ...] = (
    "exact", "typo", "order_swap", "dropped_part", "romanisation", "compound", "added_part",
)  # fmt: skip


def _documented(ctx: DayContext, person: SyntheticPerson, plant: Plant) -> Passenger:
    first = passport(ctx.rng, person.passport, person.nationality, person.birth_date, ctx.day)
    docs = documents(ctx.rng, ctx.registry, first, person.birth_date, ctx.day)
    given, surname = written(person)
    born = PartialDate.from_date(person.birth_date)
    return Passenger(person, given, surname, born, person.nationality, docs, plant)


def _names(draft: Draft, style: str) -> tuple[str, str]:
    given = " ".join(fold(part, style) for part in draft.given)
    return given, " ".join(fold(part, style) for part in draft.family)


def _variant(ctx: DayContext, listed: Listed, turn: int) -> tuple[str, tuple[str, str]]:
    """The ``turn``-th variant kind, or when it does not change this person's name another
    one drawn at random (``exact`` keeps the name), with the name it gives."""
    style = listed.person.fold_style
    plain = _names(listed.draft(), style)
    others = list(PLANTED_VARIANTS)
    first = others.pop(turn % len(others))
    ctx.rng.shuffle(others)
    for kind in (first, *others):
        draft = listed.draft()
        if not APPLY[kind](ctx.rng, listed, draft):
            continue
        names = _names(draft, style)
        if kind == "exact" or (names != plain and all(names)):
            return kind, names
    return "exact", plain


def plant_listed(ctx: DayContext, nationality: str, turn: int) -> Passenger:
    """A listed person of ``nationality`` flying under the ``turn``-th variant kind (or the
    next that applies)."""
    origin = weighted(ctx.rng, ORIGINS_BY_NATIONALITY[nationality])
    person = generate_person(ctx.rng, origin, nationality=nationality, ages=(22, 65))
    person = dataclasses.replace(person, passport=ctx.registry.document(nationality))
    listed = make_entry(ctx.rng, person, next(ctx.ids))
    for doc in listed.entry.documents:
        ctx.registry.reserve_document(doc.number)
    ctx.add_entry(listed.entry)
    kind, (given, surname) = _variant(ctx, listed, turn)
    plant = Plant(
        "watchlist", ("watchlist.match",), (("variant", kind), ("entry_id", listed.entry.id))
    )
    return dataclasses.replace(_documented(ctx, person, plant), given=given, surname=surname)


def _far_birth_date(ctx: DayContext, listed: Listed) -> dt.date | None:
    born = listed.person.birth_date
    years = listed_years(listed.entry) or {born.year}
    for _ in range(10):
        year = born.year + ctx.rng.choice((-1, 1)) * ctx.rng.randint(20, 40)
        if 1940 <= year <= 2006 and all(abs(year - y) >= 20 for y in years):
            return dt.date(year, ctx.rng.randint(1, 12), ctx.rng.randint(1, 28))
    return None


def plant_lookalike(ctx: DayContext, nationality: str) -> Passenger | None:
    """An innocent traveller of ``nationality`` with the name of a listed person who does not
    travel; ``None`` when no listed person of a fitting origin has another nationality."""
    origins = ORIGINS_BY_NATIONALITY[nationality]
    fits = [
        x
        for x in ctx.background
        if x.person.origin in origins
        and nationality not in x.entry.nationalities
        and x.person.nationality != nationality
    ]
    ctx.rng.shuffle(fits)
    for listed in fits[:20]:
        born = _far_birth_date(ctx, listed)
        if born is None:
            continue
        person = dataclasses.replace(
            listed.person, birth_date=born, nationality=nationality,
            passport=ctx.registry.document(nationality),
        )  # fmt: skip
        ctx.background.remove(listed)  # one look-alike per listed person
        plant = Plant("lookalike", (), (("resembles", listed.entry.id),))
        given, surname = (fold(" ".join(parts)) for parts in (listed.given, listed.family))
        return dataclasses.replace(
            _documented(ctx, person, plant), given=given, surname=surname
        )  # the listed spelling, in ASCII
    return None
