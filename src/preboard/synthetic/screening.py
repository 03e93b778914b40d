"""The screening benchmark set: a watchlist, travellers, and the truth about each traveller.

``make_screening_set(seed)`` builds, deterministically from ``seed``:

- a watchlist of synthetic people, roughly even across the origins of ``names.ORIGINS``;
- **variant** travellers: listed people as airlines record them, ``variants_per_kind`` for
  each kind of ``variants.VARIANT_KINDS``, about a quarter with a second kind on top
  (romanisation + order swap, typo + missing birth date, …);
- **clean** travellers typical of Cancun-US flights (45% anglo, 35% hispanic, 20% the other
  origins), none identical in name and birth year to a listed name;
- **hard negatives**, innocent people who resemble a listed one: same surname and birth year
  but another given name, same name born more than 10 years apart, same name with another
  nationality and birth date.

Travellers are shuffled and numbered ``TR000001``…, so the order tells nothing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from preboard.model import PartialDate, Role, TravelDocument, Traveller
from preboard.synthetic import names as nm
from preboard.synthetic.data import countries
from preboard.synthetic.edits import compact
from preboard.synthetic.entries import full_name, listed_years, make_entry, name_key, show
from preboard.synthetic.people import (
    REFERENCE_DATE,
    SyntheticPerson,
    generate_person,
    passport_number,
    weighted,
)
from preboard.synthetic.variants import APPLY, SECONDARY, VARIANT_KINDS, Draft, Listed
from preboard.watchlist.model import WatchlistEntry

CLEAN_SHARES: dict[str, float] = {
    "anglo": 45, "hispanic": 35, "chinese": 2.5, "indian": 2.5, "french": 2, "german": 2,
    "korean": 1.5, "portuguese": 1.5, "japanese": 1.5, "arabic": 1.2, "russian": 1.2,
    "vietnamese": 1, "west_african": 1, "turkish": 0.8, "greek": 0.8, "persian": 0.5,
}  # fmt: skip

HARD_NEGATIVE_KINDS = (
    "same_surname_birth_year", "same_name_far_birth_date", "same_name_other_nationality",
)  # fmt: skip

_LATIN_ONLY = frozenset(
    {"hispanic", "anglo", "vietnamese", "turkish", "west_african", "french", "german", "portuguese"}
)
_COMBINED_SHARE = 0.25
_CONFLICTS = {frozenset({"birth_date_error", "missing_fields"})}


@dataclass(frozen=True, slots=True)
class Truth:
    """What a traveller really is: a listed person (``variant``), or innocent (``clean``,
    ``hard_negative``, with ``resembles`` the entry they were made to resemble)."""

    traveller_id: str
    entry_id: str | None
    kind: str
    variant: str | None
    origin: str
    also: tuple[str, ...] = ()
    resembles: str | None = None


@dataclass(frozen=True, slots=True)
class ScreeningSet:
    """A watchlist, the travellers to screen against it, and the truth about each one.

    ``people`` maps each entry id to the synthetic person behind it.
    """

    seed: int
    entries: tuple[WatchlistEntry, ...]
    travellers: tuple[Traveller, ...]
    truth: dict[str, Truth]
    people: dict[str, SyntheticPerson]


def make_screening_set(
    seed: int,
    *,
    list_size: int = 10_000,
    variants_per_kind: int = 150,
    clean: int | None = None,
    hard_negatives: int = 600,
    balanced: bool = False,
) -> ScreeningSet:
    """The benchmark set for ``seed``; ``clean`` defaults to ten times the variants.
    ``balanced`` draws clean travellers evenly from every origin instead of the Cancun-US
    mix, for measuring false alerts by origin."""
    rng = random.Random(seed)
    origins = [nm.ORIGINS[i % len(nm.ORIGINS)] for i in range(list_size)]
    rng.shuffle(origins)
    listed = [
        make_entry(rng, generate_person(rng, origin), f"WL{i + 1:06d}")
        for i, origin in enumerate(origins)
    ]
    made: list[tuple[Traveller, Truth]] = []
    for kind in VARIANT_KINDS:
        made += _variants(rng, listed, kind, variants_per_kind)
    n_clean = 10 * len(made) if clean is None else clean
    shares = dict.fromkeys(nm.ORIGINS, 1.0) if balanced else CLEAN_SHARES
    made += _clean(rng, listed, n_clean, shares)
    made += _hard_negatives(rng, listed, hard_negatives)
    rng.shuffle(made)
    travellers, truth = [], {}
    for i, (traveller, t) in enumerate(made):
        tid = f"TR{i + 1:06d}"
        travellers.append(_with_ref(traveller, tid))
        truth[tid] = Truth(tid, t.entry_id, t.kind, t.variant, t.origin, t.also, t.resembles)
    return ScreeningSet(
        seed,
        tuple(x.entry for x in listed),
        tuple(travellers),
        truth,
        {x.entry.id: x.person for x in listed},
    )


def _with_ref(t: Traveller, ref: str) -> Traveller:
    return Traveller(
        role=t.role, surname=t.surname, given_names=t.given_names, birth_date=t.birth_date,
        sex=t.sex, nationality=t.nationality, documents=t.documents, ref=ref,
    )  # fmt: skip


def traveller(rng: random.Random, d: Draft, person: SyntheticPerson) -> Traveller:
    """A passenger record from a draft, with a passport document when it has a number."""
    docs: tuple[TravelDocument, ...] = ()
    if d.document:
        expiry = REFERENCE_DATE + dt.timedelta(days=rng.randrange(60, 3600))
        docs = (TravelDocument("P", d.document, d.nationality, None, expiry, d.nationality),)
    return Traveller(
        role=Role.PASSENGER,
        surname=" ".join(d.family),
        given_names=" ".join(d.given),
        birth_date=d.birth_date,
        sex=person.sex,
        nationality=d.nationality,
        documents=docs,
    )


def _eligible(lst: Listed, kind: str) -> bool:
    if kind == "romanisation":
        return lst.person.origin not in _LATIN_ONLY
    if kind == "diacritics":
        return not (lst.person.given_names().isascii() and lst.person.surname().isascii())
    if kind == "ocr":
        return lst.has_document
    if kind == "birth_date_error":
        return lst.full_birth_date
    return True


def _changed(kind: str, lst: Listed, d: Draft) -> bool:
    base = lst.draft()
    name_differs = (d.given, d.family) != (base.given, base.family)
    if kind == "exact":
        return not name_differs
    if kind == "ocr":
        return name_differs or d.document != base.document
    if kind == "birth_date_error":
        return d.birth_date != base.birth_date
    if kind == "missing_fields":
        return d.birth_date is None or d.nationality is None
    return name_differs and bool(d.family) and bool(d.given)


def _variants(
    rng: random.Random, listed: list[Listed], kind: str, count: int
) -> list[tuple[Traveller, Truth]]:
    pool = [x for x in listed if _eligible(x, kind)]
    out: list[tuple[Traveller, Truth]] = []
    attempts = 0
    while len(out) < count and pool and attempts < count * 20:
        attempts += 1
        lst = rng.choice(pool)
        d = lst.draft()
        if not APPLY[kind](rng, lst, d) or not _changed(kind, lst, d):
            continue
        also: tuple[str, ...] = ()
        if kind != "exact" and rng.random() < _COMBINED_SHARE:
            extra = rng.choice([k for k in SECONDARY if k != kind])
            if frozenset({kind, extra}) not in _CONFLICTS and APPLY[extra](rng, lst, d):
                also = (extra,)
        truth = Truth("", lst.entry.id, "variant", kind, lst.person.origin, also)
        out.append((traveller(rng, d, lst.person), truth))
    return out


def _clean(
    rng: random.Random, listed: list[Listed], count: int, shares: dict[str, float]
) -> list[tuple[Traveller, Truth]]:
    taken: dict[str, set[int] | None] = {}
    for x in listed:
        years = listed_years(x.entry)
        for name in x.entry.names:
            key = name_key(name.full)
            prev = taken.get(key, set())
            taken[key] = None if years is None or prev is None else prev | years
    documents = {d.number for x in listed for d in x.entry.documents}
    origins, weights = list(shares), list(shares.values())
    out: list[tuple[Traveller, Truth]] = []
    while len(out) < count:
        origin = rng.choices(origins, weights)[0]
        nat = (
            weighted(rng, countries.CLEAN_NATIONALITIES.get(origin, {}))
            if (origin in countries.CLEAN_NATIONALITIES)
            else None
        )
        p = generate_person(rng, origin, nationality=nat, ages=(1, 85))
        given, family = p.given_names(p.fold_style), p.surname(p.fold_style)
        years = taken.get(name_key(full_name(given, family, family_first=False)), set())
        if years is None or p.birth_date.year in years or p.passport in documents:
            continue
        roll = rng.random()
        d = Draft(
            given.split(" ") if given else [], family.split(" "),
            None if roll < 0.02 else PartialDate.from_date(p.birth_date),
            None if 0.02 <= roll < 0.03 else p.nationality, p.passport,
        )  # fmt: skip
        out.append((traveller(rng, d, p), Truth("", None, "clean", None, origin)))
    return out


def _hard_negatives(
    rng: random.Random, listed: list[Listed], count: int
) -> list[tuple[Traveller, Truth]]:
    pool = [x for x in listed if x.entry.birth_dates]
    out: list[tuple[Traveller, Truth]] = []
    attempts = 0
    while len(out) < count and pool and attempts < count * 20:
        attempts += 1
        kind = HARD_NEGATIVE_KINDS[len(out) % len(HARD_NEGATIVE_KINDS)]
        lst = rng.choice(pool)
        made = _HARD[kind](rng, lst)
        if made is None:
            continue
        d, nat = made
        other = generate_person(rng, lst.person.origin, sex=lst.person.sex, nationality=nat)
        d.document = passport_number(rng, nat)
        truth = Truth("", None, "hard_negative", kind, lst.person.origin, (), lst.entry.id)
        out.append((traveller(rng, d, other), truth))
    return out


def _same_surname(rng: random.Random, lst: Listed) -> tuple[Draft, str] | None:
    p = lst.person
    taken = {
        compact(w) for part in p.given for s in (part.text, *part.alternates) for w in s.split()
    }
    other = generate_person(rng, p.origin, sex=p.sex, nationality=p.nationality)
    given = [show(part.text, lst.style) for part in other.given]
    if any(compact(w) in taken for g in given for w in g.split()):
        return None
    born = dt.date(p.birth_date.year, rng.randint(1, 12), rng.randint(1, 28))
    return Draft(given, list(lst.family), PartialDate.from_date(born), p.nationality, None), (
        p.nationality
    )


def _far_birth_date(rng: random.Random, lst: Listed) -> tuple[Draft, str] | None:
    years = listed_years(lst.entry) or {lst.person.birth_date.year}
    year = lst.person.birth_date.year + rng.choice((-1, 1)) * rng.randint(11, 30)
    if not 1930 <= year <= 2015 or any(abs(year - y) <= 10 for y in years):
        return None
    born = PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
    nat = lst.person.nationality
    return Draft(list(lst.given), list(lst.family), born, nat, None), nat


def _other_nationality(rng: random.Random, lst: Listed) -> tuple[Draft, str] | None:
    taken = {*lst.entry.nationalities, lst.person.nationality}
    options = [n for n in countries.NATIONALITIES[lst.person.origin] if n not in taken]
    nat = rng.choice(options or ["USA", "CAN", "MEX", "GBR", "ESP"])
    if nat in taken:
        return None
    years = listed_years(lst.entry) or set()
    year = lst.person.birth_date.year + rng.choice((-1, 1)) * rng.randint(2, 10)
    if year in years or year > 2015:
        return None
    born = PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
    return Draft(list(lst.given), list(lst.family), born, nat, None), nat


_HARD = {
    "same_surname_birth_year": _same_surname,
    "same_name_far_birth_date": _far_birth_date,
    "same_name_other_nationality": _other_nationality,
}
