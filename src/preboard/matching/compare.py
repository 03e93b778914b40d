"""Comparisons of the facts beside the name: birth dates, nationality, sex, documents.

Each comparison returns a *level*, a short word the weights table knows, and a detail an
officer can read. Levels are ordered from strongest agreement to strongest disagreement;
``missing`` means one side does not say.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from preboard.model import PartialDate, Sex, TravelDocument
from preboard.watchlist import BirthDate, EntryDocument

# From the strongest agreement to the strongest disagreement: when an entry lists several dates,
# the best level counts, and the released weights are monotone along this order.
BIRTH_LEVELS = (
    "exact",
    "year_month",
    "year",
    "one_digit",
    "in_range",
    "swapped",
    "same_year",
    "near",
    "far",
    "conflict",
    "missing",
)
_BIRTH_RANK = {level: rank for rank, level in enumerate(BIRTH_LEVELS)}
_OCR_DIGITS = str.maketrans("OQDIL|ZSBG", "0001112586")


class Compared(NamedTuple):
    """The level of one comparison and what it rests on. The detail may be given as a function
    that writes it: most comparisons are only ranked and never shown, so their text is not
    written unless someone reads it."""

    level: str
    note: str | Callable[[], str]

    @property
    def detail(self) -> str:
        return self.note if isinstance(self.note, str) else self.note()


def _two_digits(a: int, b: int) -> int:
    """How many of the two decimal digits of ``a`` and ``b`` differ."""
    return (a // 10 != b // 10) + (a % 10 != b % 10)


def _one_digit_apart(t: PartialDate, e: PartialDate) -> bool:
    """Whether two full dates, written YYYYMMDD, differ in exactly one digit other than the
    first three of the year (integer arithmetic: it runs for most scored pairs)."""
    if t.year // 10 != e.year // 10:
        return False
    assert t.month is not None and e.month is not None and t.day and e.day
    differ = (t.year != e.year) + _two_digits(t.month, e.month) + _two_digits(t.day, e.day)
    return differ == 1


def _one_date(t: PartialDate, e: PartialDate) -> str:
    """The level of two single dates. ``one_digit`` is a typo in the day, month or the last
    digit of the year (not the decade: 1969 and 1999 are a father and a son as often as a
    typo); ``swapped`` is day and month exchanged."""
    full = t.month is not None and e.month is not None and bool(t.day) and bool(e.day)
    if full and _one_digit_apart(t, e):
        return "one_digit"
    if t.year == e.year:
        if t.month is None or e.month is None:
            return "year"
        if t.month == e.month:
            if t.day is None or e.day is None:
                return "year_month"
            return "exact" if t.day == e.day else "same_year"
        if t.day is not None and (t.month, t.day) == (e.day, e.month):
            return "swapped"
        return "same_year"
    gap = abs(t.year - e.year)
    return "near" if gap <= 2 else "far" if gap <= 5 else "conflict"


def compare_birth(traveller: PartialDate | None, entry: tuple[BirthDate, ...]) -> Compared:
    """Best agreement of the traveller's birth date with any of the entry's dates or ranges."""
    if traveller is None or not entry:
        return Compared(
            "missing", "no birth date on " + ("the traveller" if not traveller else "the entry")
        )
    best, best_rank = "missing", _BIRTH_RANK["missing"]
    best_on: BirthDate | None = None
    for listed in entry:
        if listed.end is not None:
            inside = listed.start.year <= traveller.year <= listed.end.year
            gap = min(
                abs(traveller.year - listed.start.year), abs(traveller.year - listed.end.year)
            )
            level = (
                "in_range" if inside else "near" if gap <= 2 else "far" if gap <= 5 else "conflict"
            )
        else:
            level = _one_date(traveller, listed.start)
        rank = _BIRTH_RANK[level]
        if rank < best_rank:
            best, best_rank, best_on = level, rank, listed
    on = best_on
    return Compared(best, lambda: f"{traveller.iso()} against {on.iso() if on else '?'}")


def compare_nationality(traveller: str | None, entry: tuple[str, ...]) -> Compared:
    if not traveller or not entry:
        return Compared("missing", "nationality not known on both sides")
    if traveller in entry:
        return Compared("same", traveller)
    return Compared("different", lambda: f"{traveller} against {', '.join(entry)}")


def compare_sex(traveller: Sex | None, entry: Sex | None) -> Compared:
    if traveller in (None, Sex.UNSPECIFIED) or entry in (None, Sex.UNSPECIFIED):
        return Compared("missing", "sex not known on both sides")
    level = "same" if traveller == entry else "different"
    return Compared(level, lambda: f"{traveller} against {entry}")


@lru_cache(maxsize=1 << 16)
def normalise_number(number: str) -> str:
    """A document number without separators, upper case (``AB 123-456`` gives ``AB123456``)."""
    return "".join(ch for ch in number.upper() if ch.isalnum())


@lru_cache(maxsize=1 << 16)
def ocr_number(number: str) -> str:
    """The number with letters an OCR or a typist confuses with digits read as those digits."""
    return normalise_number(number).translate(_OCR_DIGITS)


def _near(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1:
        return (a[diff[0]], a[diff[1]]) == (b[diff[1]], b[diff[0]])  # one transposition
    return False


def compare_documents(
    traveller: tuple[TravelDocument, ...], entry: tuple[EntryDocument, ...]
) -> Compared:
    """``exact`` (same number), ``near`` (OCR confusions or one transposition), ``different``
    (both sides have numbers and none agree) or ``missing``. The level stays ``different``
    rather than conflicting: people hold several documents over a life."""
    numbers = [normalise_number(d.number) for d in traveller if d.number] if entry else []
    listed = [normalise_number(d.number) for d in entry if d.number] if numbers else []
    if not listed:
        return Compared("missing", "no document number on both sides")
    for a in numbers:
        for b in listed:
            if a == b:
                return Compared("exact", "same document number")
    for a in numbers:
        for b in listed:
            if ocr_number(a) == ocr_number(b) or _near(a, b):
                return Compared("near", "document numbers differ by an OCR confusion or a swap")
    return Compared("different", "document numbers differ")
