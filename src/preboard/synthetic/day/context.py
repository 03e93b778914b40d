"""What the parts of the generator share while a day is made."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from preboard.synthetic.day.model import LostStolenRow
from preboard.synthetic.day.population import NameGuard, People
from preboard.synthetic.day.registry import Registry
from preboard.synthetic.variants import Listed
from preboard.watchlist.model import WatchlistEntry

T = TypeVar("T")


class Rotation(Generic[T]):
    """Values handed out in turn from a shuffled order, so each comes up as often as the
    others (planted cases spread evenly over nationalities and flights)."""

    def __init__(self, rng: random.Random, values: Sequence[T]) -> None:
        self._values = list(values)
        rng.shuffle(self._values)
        self._at = 0

    def __next__(self) -> T:
        value = self._values[self._at % len(self._values)]
        self._at += 1
        return value

    def __iter__(self) -> Iterator[T]:
        return self


@dataclass(slots=True)
class DayContext:
    """The day being made: its random source, unique values, people and lists so far."""

    rng: random.Random
    registry: Registry
    day: dt.date
    guard: NameGuard
    people: People
    ids: Iterator[str]
    nationalities: Rotation[str]
    flights: Rotation[int]
    background: list[Listed] = field(default_factory=list)
    entries: list[WatchlistEntry] = field(default_factory=list)
    lost: list[LostStolenRow] = field(default_factory=list)

    def add_entry(self, entry: WatchlistEntry) -> None:
        """A listed entry: kept for the watchlist, and its names kept from innocent people."""
        self.entries.append(entry)
        self.guard.add(entry)
