"""What every watchlist loader shares: the problem report, names and their scripts, countries,
birth dates and document types.

A loader never raises for bad content: each value it cannot use is reported on a ``Report``
with the line (or record) number and the reason, and the rest of the entry is kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import pycountry
from rigour.text.scripts import is_latin, text_scripts

from preboard.model import PartialDate, Problem, Severity
from preboard.model.countries import to_alpha3
from preboard.watchlist.model import BirthDate, EntryName, NameKind, WatchlistEntry

#: How many years either side of the stated year an approximate birth year (``c. 1960``, the UN
#: ``APPROXIMATELY``) covers: it becomes the range ``1958/1962``.
APPROXIMATE_YEARS = 2

#: Scripts that names on real lists and travel documents are written in. A name in another
#: script (Ogham, Runic, Linear B…) is kept with a WARNING: screening cannot compare it.
NAME_SCRIPTS = frozenset(
    {
        "Latin", "Cyrillic", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew", "Syriac",
        "Thaana", "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Devanagari", "Bengali",
        "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada", "Malayalam", "Sinhala",
        "Thai", "Lao", "Khmer", "Myanmar", "Tibetan", "Mongolian", "Ethiopic", "Tifinagh",
    }
)  # fmt: skip

# Country names the ISO list spells otherwise, or territories it leaves out.
_COUNTRY_NAMES = {"kosovo": "RKS", "palestine": "PSE", "state of palestine": "PSE"}
# FollowTheMoney's own codes beyond ISO 3166 alpha-2.
_FTM_CODES = {"xk": "RKS", "suhh": "SUN", "yucs": "YUG", "csxx": "SCG", "ddde": "DDR"}
_CIRCA = re.compile(r"^(?:c\.|ca\.?|circa|approx\.?|about|~)\s*(\d{4})$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_BAD_CATEGORIES = {"Co", "Cn", "Cs", "Cc"}  # private use, unassigned, surrogate, control


class Report:
    """The problems of one file; ``unit`` names what ``at`` counts (``line`` or ``record``)."""

    def __init__(self, file: str, unit: str = "line") -> None:
        self.file = file
        self.unit = unit
        self.problems: list[Problem] = []

    def add(self, at: int | None, message: str, severity: Severity = Severity.WARNING) -> None:
        """Record one problem, prefixed with where it is (``line 7: …``)."""
        where = f"{self.unit} {at}: " if at is not None else ""
        self.problems.append(Problem(self.file, at, where + message, severity))

    def sorted(self) -> tuple[Problem, ...]:
        """The problems, those about the whole file first, then by line (or record)."""
        return tuple(sorted(self.problems, key=lambda p: -1 if p.segment is None else p.segment))


def plural(count: int, word: str) -> str:
    """``1 value``, ``2 values``, ``2 entities``."""
    if count == 1:
        return f"1 {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def decode(data: bytes, report: Report) -> str:
    """UTF-8 (a BOM is allowed), else Latin-1 with a WARNING."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        message = f"not UTF-8 (byte {err.start + 1}): read as Latin-1, check accented names"
        report.add(None, message)
        return data.decode("latin-1")


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """The values without repeats and empty ones, in their first order."""
    return tuple(dict.fromkeys(v for v in values if v))


def name_kind(text: str, kind: NameKind) -> NameKind:
    """``ORIGINAL_SCRIPT`` for a primary name or alias not written in Latin, else ``kind``."""
    if kind in (NameKind.PRIMARY, NameKind.ALIAS) and not is_latin(text):
        return NameKind.ORIGINAL_SCRIPT
    return kind


def entry_name(raw: str, kind: NameKind, report: Report, at: int | None) -> EntryName | None:
    """A name with its whitespace tidied and its kind set by script; ``None`` (reported) when
    it is empty or holds private-use, unassigned or control characters."""
    text = _SPACE.sub(" ", raw).strip()
    if not text:
        return None
    bad = sorted({f"U+{ord(c):04X}" for c in text if unicodedata.category(c) in _BAD_CATEGORIES})
    if bad:
        report.add(
            at,
            f"name {text!r} has unknown characters ({', '.join(bad)}): name dropped",
            Severity.ERROR,
        )
        return None
    rare = sorted(text_scripts(text) - NAME_SCRIPTS)
    if rare:
        report.add(
            at,
            f"name {text!r} is in {', '.join(rare)} script, which screening cannot compare: kept",
        )
    return EntryName(text, name_kind(text, kind))


@cache
def country_by_name(text: str) -> str | None:
    """ISO alpha-3 for a country name (``Iran (Islamic Republic of)``, ``Viet Nam``): exact
    names first, then pycountry's fuzzy search when its best hit contains the text."""
    key = _SPACE.sub(" ", text).strip()
    if key.lower() in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[key.lower()]
    variants = [key, re.sub(r"\s*\((.+)\)$", r", \1", key), re.sub(r"\s*\(.*\)$", "", key)]
    for variant in variants:
        try:
            return str(pycountry.countries.lookup(variant).alpha_3)
        except LookupError:
            continue
    try:
        best = pycountry.countries.search_fuzzy(variants[-1])[0]
    except LookupError:
        return None
    names = (getattr(best, a, "") or "" for a in ("name", "official_name", "common_name"))
    return str(best.alpha_3) if any(variants[-1].lower() in n.lower() for n in names) else None


def country(raw: str, report: Report, at: int | None, field: str) -> str | None:
    """ISO alpha-3 for an alpha-2 or alpha-3 code (any case, FtM's own codes too) or a country
    name; ``None`` with a WARNING when it is none of these."""
    text = raw.strip()
    if not text:
        return None
    code = _FTM_CODES.get(text.lower()) or to_alpha3(text)
    if code is None and len(text) > 3:
        code = country_by_name(text)
    if code is None:
        report.add(at, f"{field} {text!r} is not a known country: left out")
    return code


def partial_date(text: str) -> PartialDate | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time after the date is ignored)."""
    return PartialDate.parse_iso(text.strip().split("T", 1)[0])


def birth_date(raw: str, report: Report, at: int | None) -> BirthDate | None:
    """A birth date: a partial ISO date, a range ``YYYY/YYYY``, or ``c. 1960`` read as the range
    1958/1962 with a WARNING; anything else is reported and left out."""
    text = raw.strip()
    if not text:
        return None
    circa = _CIRCA.match(text)
    if circa:
        year = int(circa[1])
        report.add(
            at,
            f"birth date {text!r} is approximate: read as "
            f"{year - APPROXIMATE_YEARS}/{year + APPROXIMATE_YEARS}",
        )
        return approximate(year)
    start_text, sep, end_text = text.partition("/")
    start, end = partial_date(start_text), partial_date(end_text) if sep else None
    if start is None or (sep and (end is None or end < start)):
        report.add(
            at,
            f"birth date {text!r} is not YYYY, YYYY-MM, YYYY-MM-DD or a range YYYY/YYYY: left out",
        )
        return None
    return BirthDate(start, end)


def approximate(year: int) -> BirthDate:
    """The range of years ``APPROXIMATE_YEARS`` either side of ``year``."""
    return BirthDate(PartialDate(year - APPROXIMATE_YEARS), PartialDate(year + APPROXIMATE_YEARS))


def day(raw: str | None) -> dt.date | None:
    """The date at the start of an ISO date or timestamp; ``None`` when there is none."""
    date = partial_date(raw) if raw else None
    return date.as_date() if date else None


def document_type(raw: str | None) -> str | None:
    """``P`` for a passport, ``I`` for an identity card or number, else the source's text."""
    text = _SPACE.sub(" ", raw or "").strip()
    lower = text.lower()
    if "passport" in lower:
        return "P"
    if "identi" in lower or lower in {"id", "id card", "national id"}:
        return "I"
    return text or None


def keep_first(
    entries: Iterable[tuple[int, WatchlistEntry]], report: Report
) -> tuple[WatchlistEntry, ...]:
    """The entries with a repeated id reported (ERROR) and only the first of each kept."""
    seen: dict[str, int] = {}
    kept: list[WatchlistEntry] = []
    for at, entry in entries:
        if entry.id in seen:
            report.add(
                at,
                f"id {entry.id!r} repeats {report.unit} {seen[entry.id]}: skipped",
                Severity.ERROR,
            )
            continue
        seen[entry.id] = at
        kept.append(entry)
    return tuple(kept)
