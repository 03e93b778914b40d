"""The ICAO 9303 check digit and the reading of MRZ dates."""

from __future__ import annotations

import datetime as dt

from preboard.model.dates import PartialDate, future_century, past_century

_WEIGHTS = (7, 3, 1)


def _value(ch: str) -> int:
    if ch.isdecimal():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    if ch == "<":
        return 0
    raise ValueError(f"character {ch!r} has no MRZ check-digit value")


def check_digit(text: str) -> str:
    """The ICAO 9303 check digit of ``text``: ``0-9`` as values, ``A-Z`` as 10-35, ``<`` as 0,
    weights 7, 3, 1 repeating, sum modulo 10 (``check_digit("L898902C3") == "6"``).

    Raises ``ValueError`` for a character outside ``A-Z0-9<``.
    """
    total = sum(_value(ch) * _WEIGHTS[i % 3] for i, ch in enumerate(text))
    return str(total % 10)


def _pair(text: str) -> int | None:
    """A two-digit part of a date; ``None`` for ``<<`` (unknown)."""
    if text == "<<":
        return None
    if not text.isdecimal():
        raise ValueError(text)
    return int(text)


def birth_partial(raw: str, reference: dt.date) -> PartialDate | None:
    """A ``YYMMDD`` birth date where ``<<`` marks an unknown part (``74<<<<``, ``7408<<``).

    The century is the latest that does not put the date after ``reference``; ``None`` when
    the year is unknown or the date impossible.
    """
    try:
        yy, mm, dd = _pair(raw[0:2]), _pair(raw[2:4]), _pair(raw[4:6])
    except ValueError:
        return None
    if yy is None or len(raw) != 6:
        return None
    try:
        year = past_century(yy, reference)
        if mm is None:
            return PartialDate(year)
        if dd is None:
            return PartialDate(year, mm)
        # Born in December of a year whose ``yy`` is this year but after today: last century.
        if dt.date(year, mm, dd) > reference:
            year -= 100
        return PartialDate(year, mm, dd)
    except ValueError:
        return None


def expiry_date(raw: str, reference: dt.date) -> dt.date | None:
    """A ``YYMMDD`` expiry date, placed in the century nearest ``reference``; ``None`` when
    impossible or partly unknown."""
    if len(raw) != 6 or not raw.isdecimal():
        return None
    try:
        return dt.date(future_century(int(raw[:2]), reference), int(raw[2:4]), int(raw[4:]))
    except ValueError:
        return None
