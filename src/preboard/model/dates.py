"""Dates as travel messages carry them: partial birth dates and two-digit years."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True, slots=True)
class PartialDate:
    """A calendar date of which the month and day may be unknown (``1970``, ``1970-05``)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # raises ValueError when impossible

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def parse_iso(cls, text: str) -> PartialDate | None:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``None`` when it is none of these."""
        m = _ISO.match(text.strip())
        if not m:
            return None
        try:
            return cls(int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
        except ValueError:
            return None

    @property
    def is_complete(self) -> bool:
        return self.day is not None

    def as_date(self) -> dt.date | None:
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()


def past_century(yy: int, reference: dt.date) -> int:
    """Four-digit year for a two-digit year that must not lie after ``reference`` (birth dates)."""
    year = 2000 + yy
    return year if year <= reference.year else 1900 + yy


def future_century(yy: int, reference: dt.date) -> int:
    """Four-digit year for a two-digit year that is most likely ahead of ``reference`` (expiry).

    Documents are valid for at most about ten years and expired ones are still presented, so the
    year is placed in the window from 50 years before to 49 years after ``reference``.
    """
    year = (reference.year // 100) * 100 + yy
    if year < reference.year - 50:
        year += 100
    elif year > reference.year + 49:
        year -= 100
    return year


def century_date(yy: int, month: int, day: int, reference: dt.date, *, past: bool) -> dt.date:
    """The date of a two-digit year: ``past`` for birth and issue dates (never after
    ``reference``), else the window around ``reference`` (expiry). Raises ``ValueError`` when
    the date is impossible. Every reader of two-digit years goes through here."""
    if not past:
        return dt.date(future_century(yy, reference), month, day)
    date = dt.date(past_century(yy, reference), month, day)
    if date > reference:  # later this year would be in the future: last century
        date = dt.date(date.year - 100, month, day)
    return date


def yymmdd(text: str, reference: dt.date, *, past: bool) -> dt.date | None:
    """``YYMMDD`` into a date, placing the century by ``past``; ``None`` when impossible."""
    if len(text) != 6 or not text.isdecimal():
        return None
    try:
        return century_date(int(text[:2]), int(text[2:4]), int(text[4:]), reference, past=past)
    except ValueError:
        return None
