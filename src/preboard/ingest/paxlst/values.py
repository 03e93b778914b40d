"""Small value readers for PAXLST: dates and times, flight designators, seats, sexes, weights."""

from __future__ import annotations

import datetime as dt

from preboard.model import PartialDate, Sex
from preboard.model.dates import century_date, future_century

SEXES = {"M": Sex.MALE, "F": Sex.FEMALE, "X": Sex.UNSPECIFIED, "U": Sex.UNSPECIFIED}
POUND_KG = 0.45359237


def _year(yy: int, reference: dt.date) -> int:
    return future_century(yy, reference)


def flight_time(value: str, fmt: str, reference: dt.date) -> dt.datetime | None:
    """A DTM 189/232 value: ``YYMMDDHHMM`` (201), ``CCYYMMDDHHMM`` (203), ``CCYYMMDD`` (102) or
    ``YYMMDD`` (101); the format is taken from the length when the code is missing."""
    if not value.isdecimal():
        return None
    n = len(value)
    try:
        if n == 10 and fmt in ("", "201"):
            year = _year(int(value[:2]), reference)
            return dt.datetime(
                year, int(value[2:4]), int(value[4:6]), int(value[6:8]), int(value[8:])
            )
        if n == 12 and fmt in ("", "203"):
            return dt.datetime.strptime(value, "%Y%m%d%H%M")
        if n == 8 and fmt in ("", "102"):
            return dt.datetime.strptime(value, "%Y%m%d")
        if n == 6 and fmt in ("", "101"):
            year = _year(int(value[:2]), reference)
            return dt.datetime(year, int(value[2:4]), int(value[4:]))
    except ValueError:
        return None
    return None


def birth_date(value: str, fmt: str, reference: dt.date) -> PartialDate | None:
    """A DTM 329 value: ``YYMMDD`` placed in the past of ``reference``, or ``CCYYMMDD`` (102),
    ``CCYY`` (602) or ``CCYYMM`` (610) for partial dates."""
    if not value.isdecimal():
        return None
    n = len(value)
    try:
        if n == 6 and fmt in ("", "101"):
            born = century_date(
                int(value[:2]), int(value[2:4]), int(value[4:]), reference, past=True
            )
            return PartialDate.from_date(born)
        if n == 8 and fmt in ("", "102"):
            return PartialDate(int(value[:4]), int(value[4:6]), int(value[6:]))
        if n == 4 and fmt in ("", "602"):
            return PartialDate(int(value))
        if n == 6 and fmt == "610":
            return PartialDate(int(value[:4]), int(value[4:]))
    except ValueError:
        return None
    return None


def document_date(value: str, fmt: str, reference: dt.date, *, expiry: bool) -> dt.date | None:
    """A DTM 36 (expiry, next century when needed) or 182 (issue, in the past) date."""
    if not value.isdecimal():
        return None
    try:
        if len(value) == 8 and fmt in ("", "102"):
            return dt.datetime.strptime(value, "%Y%m%d").date()
        if len(value) != 6 or fmt not in ("", "101"):
            return None
        yy, month, day = int(value[:2]), int(value[2:4]), int(value[4:])
        return century_date(yy, month, day, reference, past=not expiry)
    except ValueError:
        return None


def designator(text: str, carrier: str) -> tuple[str | None, str | None]:
    """Carrier and flight number from a TDT conveyance reference (``UA0989``, ``UA123``) and
    the TDT carrier element; leading zeros of the number are dropped (``0989`` → ``989``)."""
    text = text.strip().upper().replace(" ", "")
    carrier = carrier.strip().upper()
    if not text:
        return carrier or None, None
    if carrier and text.startswith(carrier) and len(text) > len(carrier):
        rest = text[len(carrier) :]
    else:
        cut = 3 if len(text) > 3 and text[:3].isalpha() and text[3].isdecimal() else 2
        if len(text) <= cut:
            return carrier or text, None
        carrier = carrier or text[:cut]
        rest = text[cut:]
    number = (rest.lstrip("0") or "0") if rest[:1].isdecimal() else rest
    return carrier, number


def trim_seat(seat: str) -> str:
    """Seat without leading zeros: ``012B`` and ``00012B`` give ``12B``."""
    seat = seat.strip().upper()
    return seat.lstrip("0") or seat


def number(text: str) -> float | None:
    """A decimal number as a float (comma or point as the decimal mark); ``None`` if not one."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None
