"""Watchlist entries for synthetic people, written the way real lists write them.

An entry has the primary romanised name (with its given and family parts), often an alias
(another romanisation, the name without a middle name or patronymic, the spelling with
diacritics), the native-script name as ``ORIGINAL_SCRIPT`` where the origin has one, birth
dates that may be a full date, a year, a range or two candidate dates, 0-2 documents and
nationalities.
"""

from __future__ import annotations

import datetime as dt
import random
import re

from preboard.model import PartialDate
from preboard.synthetic.data import countries
from preboard.synthetic.edits import compact
from preboard.synthetic.people import SyntheticPerson, passport_number, weighted
from preboard.synthetic.translit import fold
from preboard.synthetic.variants import Listed
from preboard.watchlist.model import BirthDate, EntryDocument, EntryName, NameKind, WatchlistEntry


def show(text: str, style: str) -> str:
    """``text`` with its diacritics kept (``keep``) or folded in a ``fold`` style."""
    return text if style == "keep" else fold(text, style)


def full_name(given: str, family: str, *, family_first: bool) -> str:
    """The whole name in the origin's order."""
    return f"{family} {given}".strip() if family_first else f"{given} {family}".strip()


def name_key(full: str) -> str:
    """Order-free key of a name: its words, compacted and sorted."""
    return " ".join(sorted(c for w in re.split(r"[ \-']+", full) if (c := compact(w))))


def make_entry(rng: random.Random, person: SyntheticPerson, entry_id: str) -> Listed:
    """A watchlist entry for ``person``, with how its primary name spells them."""
    accented = not (person.given_names().isascii() and person.surname().isascii())
    style = "strip"
    if accented:
        style = rng.choices(["keep", person.fold_style, "strip", "icao"], (25, 55, 10, 10))[0]
    given = tuple(show(p.text, style) for p in person.given)
    family = tuple(show(p.text, style) for p in person.family)
    g, f = " ".join(given), " ".join(family)
    names = [EntryName(full_name(g, f, family_first=person.family_first), NameKind.PRIMARY, g, f)]
    alias = _alias(rng, person, given, family, style)
    if alias is not None:
        kind = NameKind.WEAK_ALIAS if rng.random() < 0.2 else NameKind.ALIAS
        names.append(EntryName(alias, kind))
    for k, native in enumerate(person.native_names):
        if (k == 0 and rng.random() < 0.95) or (k > 0 and rng.random() < 0.4):
            names.append(EntryName(native, NameKind.ORIGINAL_SCRIPT))
    dates = _birth_dates(rng, person.birth_date)
    full = any(b.end is None and b.start.as_date() == person.birth_date for b in dates)
    documents = _documents(rng, person)
    entry = WatchlistEntry(
        id=entry_id,
        names=tuple(names),
        birth_dates=dates,
        nationalities=_nationalities(rng, person),
        sex=person.sex if rng.random() < 0.8 else None,
        documents=documents,
        first_seen=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3500)),
        list_id="synthetic",
    )
    has_doc = any(d.number == person.passport for d in documents)
    return Listed(person, entry, given, family, style, full, has_doc)


def _alias(
    rng: random.Random,
    person: SyntheticPerson,
    given: tuple[str, ...],
    family: tuple[str, ...],
    style: str,
) -> str | None:
    if rng.random() > 0.6:
        return None
    options: list[str] = []
    alt_given = [
        _other_spelling(rng, p.alternates, g) for p, g in zip(person.given, given, strict=True)
    ]
    alt_family = [
        _other_spelling(rng, p.alternates, f) for p, f in zip(person.family, family, strict=True)
    ]
    if alt_given != list(given) or alt_family != list(family):
        options += [_join(person, alt_given, alt_family)] * 3
    if len(given) > 1:
        options.append(_join(person, list(given[:1]), list(family)))
    if style != "keep" and (not person.given_names().isascii() or not person.surname().isascii()):
        options.append(
            _join(person, [p.text for p in person.given], [p.text for p in person.family])
        )
    if not options:
        return None
    return rng.choice(options)


def _other_spelling(rng: random.Random, alternates: tuple[str, ...], current: str) -> str:
    options = [a for a in alternates if compact(a) != compact(current)]
    return rng.choice(options) if options and rng.random() < 0.7 else current


def _join(person: SyntheticPerson, given: list[str], family: list[str]) -> str:
    return full_name(" ".join(given), " ".join(family), family_first=person.family_first)


def _birth_dates(rng: random.Random, born: dt.date) -> tuple[BirthDate, ...]:
    roll = rng.random()
    if roll < 0.60:
        return (BirthDate(PartialDate.from_date(born)),)
    if roll < 0.65:
        return (BirthDate(PartialDate(born.year, born.month)),)
    if roll < 0.80:
        return (BirthDate(PartialDate(born.year)),)
    if roll < 0.92:
        start = born.year - rng.randint(0, 3)
        end = born.year + rng.randint(1 if start == born.year else 0, 3)
        return (BirthDate(PartialDate(start), PartialDate(end)),)
    if roll < 0.97:
        other = born.replace(year=born.year + rng.choice((-3, -2, -1, 1, 2)), day=min(born.day, 28))
        other = other.replace(month=rng.randint(1, 12))
        pair = [BirthDate(PartialDate.from_date(born)), BirthDate(PartialDate.from_date(other))]
        rng.shuffle(pair)
        return tuple(pair)
    return ()


def _documents(rng: random.Random, person: SyntheticPerson) -> tuple[EntryDocument, ...]:
    roll = rng.random()
    if roll < 0.45:
        return ()
    passport = EntryDocument(person.passport, "passport", person.nationality)
    if roll < 0.85:
        return (passport,)
    national_id = "".join(str(rng.randrange(10)) for _ in range(rng.choice((8, 9, 10))))
    other = EntryDocument(national_id, "national_id", person.nationality)
    if rng.random() < 0.5:
        other = EntryDocument(
            passport_number(rng, person.nationality), "passport", person.nationality
        )
    return (passport, other)


def _nationalities(rng: random.Random, person: SyntheticPerson) -> tuple[str, ...]:
    roll = rng.random()
    if roll < 0.9:
        return (person.nationality,)
    if roll < 0.95:
        other = weighted(rng, countries.NATIONALITIES[person.origin])
        return tuple(dict.fromkeys((person.nationality, other)))
    return ()


def listed_years(entry: WatchlistEntry) -> set[int] | None:
    """The birth years an entry allows; ``None`` when it gives no birth date at all."""
    if not entry.birth_dates:
        return None
    years: set[int] = set()
    for b in entry.birth_dates:
        end = b.end.year if b.end else b.start.year
        years.update(range(b.start.year, end + 1))
    return years
