"""A large watchlist for the speed benchmark: a million realistic entries in seconds.

Entries are built from a few thousand synthetic people per origin ("seeds"): half of them
repeat a seed's whole name (with its native-script name), half combine the given names of one
seed with the family names of another of the same origin and sex, so names stay realistic
while the list holds far more distinct names than seeds. Birth dates, documents and aliases
follow the shares of the screening set's entries, more simply drawn.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from preboard.model import PartialDate, Sex
from preboard.synthetic import names as nm
from preboard.synthetic.entries import full_name
from preboard.synthetic.people import (
    NamePart,
    SyntheticPerson,
    generate_person,
    passport_number,
)
from preboard.synthetic.translit import fold
from preboard.watchlist.model import BirthDate, EntryDocument, EntryName, NameKind, WatchlistEntry

SEEDS_PER_ORIGIN = 1_000
_EPOCH = dt.date(1940, 1, 1).toordinal()
_SPAN = dt.date(2006, 12, 31).toordinal() - _EPOCH


def _seeds(rng: random.Random) -> dict[tuple[str, Sex], list[SyntheticPerson]]:
    seeds: dict[tuple[str, Sex], list[SyntheticPerson]] = {}
    for origin in nm.ORIGINS:
        for sex in (Sex.MALE, Sex.FEMALE):
            people = [generate_person(rng, origin, sex=sex) for _ in range(SEEDS_PER_ORIGIN // 2)]
            seeds[origin, sex] = people
    return seeds


def make_large_list(seed: int, size: int = 1_000_000) -> Iterator[WatchlistEntry]:
    """``size`` synthetic entries, ids ``WL0000001``…, deterministic for ``seed``."""
    rng = random.Random(seed)
    seeds = _seeds(rng)
    keys = list(seeds)
    width = max(6, len(str(size)))
    for i in range(size):
        key = keys[rng.randrange(len(keys))]
        people = seeds[key]
        a = people[rng.randrange(len(people))]
        b = a if rng.random() < 0.5 else people[rng.randrange(len(people))]
        given = fold(a.given_names(), a.fold_style)
        family = fold(b.surname(), b.fold_style)
        names = [
            EntryName(full_name(given, family, family_first=a.family_first), NameKind.PRIMARY,
                      given, family)
        ]  # fmt: skip
        if rng.random() < 0.3:
            alias = full_name(
                _other(rng, a.given), _other(rng, b.family), family_first=a.family_first
            )
            if alias != names[0].full:
                names.append(EntryName(alias, NameKind.ALIAS))
        if a is b and a.native_names:
            names.append(EntryName(a.native_names[0], NameKind.ORIGINAL_SCRIPT))
        yield WatchlistEntry(
            id=f"WL{i + 1:0{width}d}",
            names=tuple(names),
            birth_dates=_birth_dates(rng),
            nationalities=(a.nationality,),
            sex=key[1],
            documents=(
                (EntryDocument(passport_number(rng, a.nationality), "passport", a.nationality),)
                if rng.random() < 0.5
                else ()
            ),
            list_id="synthetic-large",
        )


def _other(rng: random.Random, parts: tuple[NamePart, ...]) -> str:
    return " ".join(rng.choice(p.alternates) if p.alternates else fold(p.text) for p in parts)


def _birth_dates(rng: random.Random) -> tuple[BirthDate, ...]:
    roll = rng.random()
    born = dt.date.fromordinal(_EPOCH + rng.randrange(_SPAN))
    if roll < 0.7:
        return (BirthDate(PartialDate(born.year, born.month, born.day)),)
    if roll < 0.9:
        return (BirthDate(PartialDate(born.year)),)
    if roll < 0.97:
        return (BirthDate(PartialDate(born.year - 1), PartialDate(born.year + rng.randint(1, 3))),)
    return ()
