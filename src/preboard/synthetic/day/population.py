"""The travellers of Cancun-US flights: who they are, and how they travel together.

Mostly US, Canadian and Mexican citizens (``NATIONALITY_MIX``; Mexicans weigh more on the
Mexican carriers), with names of the origins usual for each nationality
(``ORIGINS_BY_NATIONALITY``: a US citizen is most often of anglo or hispanic origin). A booking
holds one person, a couple, a family (children share a parent's surname, or both parents'
first surnames for hispanic families) or friends. Innocent people never carry a name of the
watchlist (``NameGuard``), so an innocent traveller resembles a listed one no more than chance
makes them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from preboard.model import PartialDate, Sex
from preboard.synthetic.day.documents import documents, passport
from preboard.synthetic.day.model import Passenger
from preboard.synthetic.day.registry import Registry
from preboard.synthetic.edits import compact
from preboard.synthetic.entries import name_key
from preboard.synthetic.people import NamePart, SyntheticPerson, generate_person, weighted
from preboard.synthetic.translit import fold
from preboard.watchlist.model import WatchlistEntry

NATIONALITY_MIX: dict[str, int] = {
    "USA": 560, "CAN": 120, "MEX": 170, "GBR": 25, "COL": 15, "BRA": 12, "DEU": 9, "ESP": 8,
    "ARG": 7, "FRA": 6, "AUS": 6, "PER": 5, "IND": 4, "KOR": 4, "IRL": 3, "JPN": 3, "CHN": 3,
    "VEN": 3, "RUS": 3, "UKR": 2, "NGA": 2, "PHL": 2, "CUB": 1, "VNM": 1,
}  # fmt: skip
_HISPANIC = {"hispanic": 1}
ORIGINS_BY_NATIONALITY: dict[str, dict[str, int]] = {
    "USA": {"anglo": 700, "hispanic": 210, "chinese": 15, "indian": 15, "korean": 10,
            "vietnamese": 10, "arabic": 10, "west_african": 10, "german": 10, "french": 5,
            "russian": 5},
    "CAN": {"anglo": 70, "french": 20, "chinese": 4, "indian": 4, "portuguese": 2},
    "GBR": {"anglo": 88, "indian": 9, "arabic": 3}, "DEU": {"german": 90, "turkish": 10},
    "FRA": {"french": 92, "arabic": 8}, "AUS": {"anglo": 1}, "IRL": {"anglo": 1},
    "BRA": {"portuguese": 1}, "IND": {"indian": 1}, "KOR": {"korean": 1},
    "JPN": {"japanese": 1}, "CHN": {"chinese": 1}, "RUS": {"russian": 1},
    "UKR": {"russian": 1}, "NGA": {"west_african": 1}, "VNM": {"vietnamese": 1},
    "MEX": _HISPANIC, "COL": _HISPANIC, "ESP": _HISPANIC, "ARG": _HISPANIC, "PER": _HISPANIC,
    "VEN": _HISPANIC, "PHL": _HISPANIC, "CUB": _HISPANIC,
}  # fmt: skip
_SHARED_SURNAME = frozenset({"hispanic", "portuguese"})  # … do not take the spouse's surname
_MEXICAN_CARRIERS = frozenset({"AM", "Y4"})


def draw_nationality(rng: random.Random, carrier: str) -> str:
    """A nationality of a passenger of ``carrier``'s Cancun-US flight."""
    if carrier in _MEXICAN_CARRIERS:
        return weighted(rng, {**NATIONALITY_MIX, "MEX": 4 * NATIONALITY_MIX["MEX"]})
    return weighted(rng, NATIONALITY_MIX)


def written(person: SyntheticPerson) -> tuple[str, str]:
    """Given names and surname as the person's passport writes them (ASCII)."""
    style = person.fold_style
    return fold(person.given_names(style), style), fold(person.surname(style), style)


def _first(text: str) -> str:
    words = text.split()
    return compact(words[0]) if words else ""


class NameGuard:
    """Listed names, to keep innocent people from carrying one of them."""

    def __init__(self) -> None:
        self._keys: set[str] = set()
        self._pairs: set[tuple[str, str]] = set()

    def add(self, entry: WatchlistEntry) -> None:
        """Remember every name of ``entry``."""
        for name in entry.names:
            self._keys.add(name_key(name.full))
            if name.given and name.family:
                given, family = _first(fold(name.given)), _first(fold(name.family))
                self._pairs.update({(given, family), (family, given)})

    def allows(self, given: str, surname: str) -> bool:
        """Whether an innocent person may be called ``given surname``: not a listed name, and
        not a listed first given name with a listed first surname."""
        if name_key(f"{given} {surname}") in self._keys:
            return False
        return (_first(given), _first(surname)) not in self._pairs


class People:
    """Draws the day's people with unique passports and names no list holds."""

    def __init__(self, rng: random.Random, registry: Registry, day: dt.date, guard: NameGuard):
        self.rng, self.registry, self.day, self.guard = rng, registry, day, guard

    def person(
        self,
        nationality: str,
        ages: tuple[int, int] = (18, 78),
        sex: Sex | None = None,
        origin: str | None = None,
        family: tuple[NamePart, ...] | None = None,
    ) -> SyntheticPerson:
        """An innocent person of ``nationality``, with ``family`` (the surname parts) kept
        from a relative when given."""
        origin = origin or weighted(self.rng, ORIGINS_BY_NATIONALITY[nationality])
        for _ in range(50):
            p = generate_person(self.rng, origin, sex=sex, nationality=nationality, ages=ages)
            if family:
                p = dataclasses.replace(p, family=family)
            if self.guard.allows(*written(p)):
                break
        if self.registry.reserve_document(p.passport):
            return p
        return dataclasses.replace(p, passport=self.registry.document(nationality))

    def passenger(self, person: SyntheticPerson) -> Passenger:
        """An innocent passenger: the person with a valid passport and, if needed, a visa."""
        given, surname = written(person)
        first = passport(self.rng, person.passport, person.nationality, person.birth_date, self.day)
        docs = documents(self.rng, self.registry, first, person.birth_date, self.day)
        born = PartialDate.from_date(person.birth_date)
        return Passenger(person, given, surname, born, person.nationality, docs)

    def party(self, size: int, nationality: str) -> tuple[Passenger, ...]:
        """The people of an ordinary booking of ``size``: alone, a family or friends."""
        family = size >= 2 and self.rng.random() < (0.65 if size == 2 else 0.7)
        lead = self.person(nationality, ages=(30, 58) if family and size > 2 else (18, 78))
        if not family:
            rest = [self.person(self._friend(nationality)) for _ in range(size - 1)]
            return tuple(self.passenger(p) for p in (lead, *rest))
        return (self.passenger(lead), *self.relatives(lead, size - 1))

    def relatives(self, lead: SyntheticPerson, count: int) -> list[Passenger]:
        """``count`` innocent relatives of ``lead``: a spouse first, then children."""
        out: list[SyntheticPerson] = []
        spouse = None
        if count and self.rng.random() < 0.9:
            spouse = self._spouse(lead)
            out.append(spouse)
        while len(out) < count:
            out.append(self._child(lead, spouse))
        return [self.passenger(p) for p in out]

    def _friend(self, nationality: str) -> str:
        return nationality if self.rng.random() < 0.8 else weighted(self.rng, NATIONALITY_MIX)

    def _spouse(self, lead: SyntheticPerson) -> SyntheticPerson:
        sex = Sex.FEMALE if lead.sex is Sex.MALE else Sex.MALE
        age = max(20, 2025 - lead.birth_date.year + self.rng.randint(-4, 4))
        keep = lead.origin not in _SHARED_SURNAME and self.rng.random() < 0.75
        return self.person(
            lead.nationality, ages=(age, age), sex=sex, origin=lead.origin,
            family=lead.family if keep else None,
        )  # fmt: skip

    def _child(self, lead: SyntheticPerson, spouse: SyntheticPerson | None) -> SyntheticPerson:
        family = lead.family
        if lead.origin in _SHARED_SURNAME and spouse is not None:
            father, mother = (lead, spouse) if lead.sex is Sex.MALE else (spouse, lead)
            family = (father.family[0], mother.family[0])
        oldest = max(2, min(17, 2025 - lead.birth_date.year - 20))  # ages as generate_person
        return self.person(lead.nationality, (2, oldest), origin=lead.origin, family=family)
