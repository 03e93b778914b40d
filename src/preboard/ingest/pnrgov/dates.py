"""PNRGOV date and time fields: ``DDMMYY`` with ``HHMM`` or ``HHMMSS``, and SSR ``DDMMMYY``."""

from __future__ import annotations

import datetime as dt
import re

from preboard.model.dates import century_date, future_century

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
    )
}
_DDMMMYY = re.compile(r"^(\d{1,2})([A-Z]{3})(\d{2}|\d{4})$")


def timestamp(date: str, time: str, reference: dt.date) -> dt.datetime | None:
    """``DDMMYY`` and ``HHMM``/``HHMMSS`` (time optional, midnight then) as a naive datetime.

    Transaction and flight dates lie near the message date, so the century is placed in the
    window around ``reference``. ``None`` when the date is missing or impossible.
    """
    date = date.strip()
    if len(date) != 6 or not date.isdecimal():
        return None
    time = time.strip()
    hh = mm = ss = 0
    if time:
        if not time.isdecimal() or len(time) not in (4, 6):
            return None
        hh, mm = int(time[:2]), int(time[2:4])
        ss = int(time[4:]) if len(time) == 6 else 0
    year = future_century(int(date[4:]), reference)
    try:
        return dt.datetime(year, int(date[2:4]), int(date[:2]), hh, mm, ss)
    except ValueError:
        return None


def day_month_year(text: str, reference: dt.date, *, past: bool) -> dt.date | None:
    """``13AUG54`` (or ``13AUG1954``) as a date: ``past`` for birth and issue dates, else the
    window around ``reference`` (expiry). ``None`` when it is not such a date."""
    m = _DDMMMYY.match(text.strip().upper())
    if not m or m[2] not in _MONTHS:
        return None
    try:
        if len(m[3]) == 2:
            return century_date(int(m[3]), _MONTHS[m[2]], int(m[1]), reference, past=past)
        return dt.date(int(m[3]), _MONTHS[m[2]], int(m[1]))
    except ValueError:
        return None


def is_ddmmmyy(text: str) -> bool:
    """True when ``text`` looks like an SSR date (``13AUG54``)."""
    m = _DDMMMYY.match(text.strip().upper())
    return bool(m) and m is not None and m[2] in _MONTHS


def ddmmyy(value: dt.datetime | dt.date) -> str:
    """The ``DDMMYY`` form of a date (for the writer)."""
    return value.strftime("%d%m%y")


def ddmmmyy(value: dt.date) -> str:
    """The ``DDMMMYY`` form of a date (for SSR DOCS in the writer)."""
    month = next(k for k, v in _MONTHS.items() if v == value.month)
    return f"{value.day:02d}{month}{value.year % 100:02d}"
