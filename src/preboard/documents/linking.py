"""The rules that find an API traveller among the booked travellers of their flight.

A ``Pool`` holds the booked travellers not linked yet, indexed by record locator and by folded
name, so each rule looks at a handful of candidates, not the whole flight. Each rule returns
the one candidate it finds, or ``None`` when there is none or more than one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from preboard.documents.agreement import LinkMethod, birth_dates_agree, name_key, names_agree
from preboard.documents.missing import travel_documents
from preboard.documents.numbers import number_key
from preboard.model import Booking, Traveller

__all__ = ["RULES", "Booked", "Pool", "find"]

Booked = tuple[Booking, Traveller]


def _locator(value: str | None) -> str:
    return (value or "").strip().upper()


class Pool:
    """The booked travellers of one flight, and which of them are still free."""

    def __init__(self, bookings: Iterable[Booking]) -> None:
        self.items: list[Booked] = [(b, t) for b in bookings for t in b.travellers]
        self.free = set(range(len(self.items)))
        self._locators: dict[str, list[int]] = {}
        self._names: dict[str, list[int]] = {}
        for i, (booking, t) in enumerate(self.items):
            self._locators.setdefault(_locator(booking.record_locator), []).append(i)
            self._names.setdefault(name_key(t), []).append(i)

    def same_locator(self, t: Traveller) -> list[int]:
        """Free candidates in the booking the traveller's reservation reference names."""
        locator = _locator(t.reservation_ref)
        return [i for i in self._locators.get(locator, []) if i in self.free] if locator else []

    def same_name(self, t: Traveller) -> list[int]:
        """Free candidates whose folded name equals the traveller's."""
        return [i for i in self._names.get(name_key(t), []) if i in self.free]

    def take(self, i: int) -> Booked:
        """Mark candidate ``i`` as linked and return it."""
        self.free.discard(i)
        return self.items[i]

    def rest(self) -> list[Booked]:
        """The candidates never linked, in booking order."""
        return [self.items[i] for i in sorted(self.free)]


def _one(found: list[int]) -> int | None:
    return found[0] if len(found) == 1 else None


def _refs(t: Traveller) -> set[str]:
    refs = {value for key, value in t.extra if key == "passenger_ref"}
    return refs | {t.ref} if t.ref else refs


def _documents_agree(a: Traveller, b: Traveller) -> bool | None:
    """Whether the two share a document number; ``None`` when one side has none."""
    first = {number_key(d.number or "") for d in travel_documents(a)}
    second = {number_key(d.number or "") for d in travel_documents(b)}
    return bool(first & second) if first and second else None


def _identity(t: Traveller, pool: Pool, documents: bool | None) -> int | None:
    if t.birth_date is None:
        return None
    return _one([
        i for i in pool.same_name(t)
        if pool.items[i][1].birth_date is not None
        and birth_dates_agree(t.birth_date, pool.items[i][1].birth_date)
        and _documents_agree(t, pool.items[i][1]) is documents
    ])  # fmt: skip


Rule = Callable[[Traveller, Pool], int | None]
RULES: tuple[tuple[LinkMethod, Rule], ...] = (
    (
        LinkMethod.LOCATOR_AND_REF,
        lambda t, p: _one([i for i in p.same_locator(t) if t.ref in _refs(p.items[i][1])]),
    ),
    (
        LinkMethod.LOCATOR_AND_NAME,
        lambda t, p: _one([i for i in p.same_locator(t) if names_agree(t, p.items[i][1])]),
    ),
    (LinkMethod.LOCATOR_ONLY, lambda t, p: _one(p.same_locator(t))),
    (LinkMethod.NAME_BIRTH_DOCUMENT, lambda t, p: _identity(t, p, True)),
    (LinkMethod.NAME_BIRTH, lambda t, p: _identity(t, p, None)),
)


def find(rule: Rule, t: Traveller, pool: Pool) -> Booked | None:
    """The candidate ``rule`` finds for ``t``, taken from the pool; ``None`` when none."""
    found = rule(t, pool)
    return None if found is None else pool.take(found)
