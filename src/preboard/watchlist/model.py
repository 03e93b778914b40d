"""Watchlists and their entries (frozen dataclasses, the core of screening).

A ``Watchlist`` is one list (persons or documents) with its category, severity and legal
basis; a ``WatchlistVersion`` is one import of it: the entries as they stood, and what the
loader had to report. Entries hold every name the source gives (primary, aliases, names in the
original script) with name parts where known, birth dates that may be partial or ranges,
nationalities as ISO alpha-3, documents, and when the entry was first and last seen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from preboard.model import PartialDate, Problem, Sex


class ListKind(StrEnum):
    """What a list holds."""

    PERSONS = "persons"
    DOCUMENTS = "documents"


class NameKind(StrEnum):
    """Why a name is on an entry."""

    PRIMARY = "primary"
    ALIAS = "alias"
    WEAK_ALIAS = "weak_alias"  # a "low quality a.k.a.": shown, scored lower
    ORIGINAL_SCRIPT = "original_script"


@dataclass(frozen=True, slots=True)
class Watchlist:
    """One list as the operator configures it."""

    id: str
    name: str
    kind: ListKind = ListKind.PERSONS
    category: str = ""
    severity: str = "high"
    legal_basis: str = ""
    version: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class EntryName:
    """One name of an entry as listed; ``given``/``family`` when the source separates them."""

    full: str
    kind: NameKind = NameKind.PRIMARY
    given: str | None = None
    family: str | None = None


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A birth date: one (possibly partial) date, or a range of them when ``end`` is set."""

    start: PartialDate
    end: PartialDate | None = None

    def iso(self) -> str:
        return self.start.iso() if self.end is None else f"{self.start.iso()}/{self.end.iso()}"


@dataclass(frozen=True, slots=True)
class EntryDocument:
    """A document attached to an entry (passport, national identity card, …)."""

    number: str
    type: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    """One listed person (or, on a documents list, one listed document)."""

    id: str
    names: tuple[EntryName, ...] = ()
    birth_dates: tuple[BirthDate, ...] = ()
    birth_places: tuple[str, ...] = ()
    nationalities: tuple[str, ...] = ()
    sex: Sex | None = None
    documents: tuple[EntryDocument, ...] = ()
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    list_id: str = ""

    @property
    def caption(self) -> str:
        """The name to show: the first primary name, else the first name."""
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.full
        return self.names[0].full if self.names else self.id


@dataclass(frozen=True, slots=True)
class WatchlistVersion:
    """One import of a list: its entries and what the loader reported (bad rows by line)."""

    watchlist: Watchlist
    entries: tuple[WatchlistEntry, ...]
    problems: tuple[Problem, ...] = ()
