"""Namespace-blind access to PNRGOV XML elements, and the reading of their dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from preboard.ingest.options import ReadOptions
from preboard.model import PartialDate, Problem, Severity
from preboard.model.dates import century_date

_DDMMMYY = re.compile(r"^(\d{2})([A-Z]{3})(\d{2}|\d{4})$")
_MONTHS = {
    month: number
    for number, month in enumerate(
        ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
    )
}


def local(element: Element) -> str:
    """The element's name without its namespace (``{http://...}PNR`` gives ``PNR``)."""
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(element: Element, *names: str) -> list[Element]:
    """Direct children with one of the local ``names``."""
    return [child for child in element if local(child) in names]


def first(element: Element, *names: str) -> Element | None:
    """The first direct child with one of the local ``names``."""
    return next((child for child in element if local(child) in names), None)


def first_or_self(element: Element, *names: str) -> Element:
    """The first direct child with one of the local ``names``, else ``element`` itself.

    (An ``Element`` without children is false, so ``first(...) or element`` would be wrong.)
    """
    found = first(element, *names)
    return element if found is None else found


def descendants(element: Element, *names: str) -> Iterator[Element]:
    """Every element below ``element`` with one of the local ``names``, in document order."""
    return (el for el in element.iter() if el is not element and local(el) in names)


def attr(element: Element | None, *names: str) -> str | None:
    """The first non-blank attribute among ``names``, matched case-insensitively and without a
    namespace (real files spell ``ISOCountry`` as ``ISOCOuntry``)."""
    if element is None:
        return None
    found = {key.rsplit("}", 1)[-1].lower(): value for key, value in element.attrib.items()}
    for name in names:
        value = found.get(name.lower(), "").strip()
        if value:
            return value
    return None


def text(element: Element | None) -> str | None:
    """The stripped text of ``element``; ``None`` when blank or missing."""
    if element is None or element.text is None:
        return None
    return " ".join(element.text.split()) or None


def value(element: Element | None, *names: str) -> str | None:
    """An attribute among ``names``, else the text of a child named like one of them."""
    found = attr(element, *names)
    if found or element is None:
        return found
    child = first(element, *names)
    return attr(child, "Code", "LocationCode") or text(child)


def place(element: Element | None) -> str | None:
    """An airport or country code given as ``LocationCode``/``Code`` or as the text."""
    return attr(element, "LocationCode", "Code") or text(element)


@dataclass(slots=True)
class Context:
    """What a reading of one push collects: its problems, and where each element stands."""

    file: str
    options: ReadOptions
    reference: dt.date
    order: dict[int, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, element: Element | None, message: str, severity: Severity) -> None:
        """Record a problem at ``element`` (its order of appearance and local name)."""
        index = self.order.get(id(element)) if element is not None else None
        tag = local(element) if element is not None else None
        self.problems.append(Problem(self.file, index, message, severity, tag))

    def when(self, element: Element | None, *names: str) -> dt.datetime | None:
        """An ISO 8601 date or date-time attribute, zone dropped (schedules are local)."""
        raw = attr(element, *names)
        if raw is None:
            return None
        try:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            self.problem(element, f"{names[0]} {raw!r} is not an ISO 8601 date", Severity.WARNING)
            return None

    def day(self, raw: str | None, element: Element, what: str, *, past: bool) -> dt.date | None:
        """A date given as ``YYYY-MM-DD`` (or a date-time) or ``DDMMMYY``; ``None`` when blank.

        Two-digit years are placed in the past for birth dates (``past``), else near today.
        A bad value is reported without quoting it (it may be a birth date).
        """
        if raw is None:
            return None
        parsed = _day(raw.strip().upper(), self.reference, past=past)
        if parsed is None:
            self.problem(element, f"{what} is not a date (YYYY-MM-DD or DDMMMYY)", Severity.WARNING)
        return parsed


def _day(raw: str, reference: dt.date, *, past: bool) -> dt.date | None:
    m = _DDMMMYY.match(raw)
    try:
        if m is None:
            return dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
        month = _MONTHS.get(m[2])
        if month is None:
            return None
        if len(m[3]) == 2:
            return century_date(int(m[3]), month, int(m[1]), reference, past=past)
        return dt.date(int(m[3]), month, int(m[1]))
    except ValueError:
        return None


def partial(day: dt.date | None) -> PartialDate | None:
    """A full date as a ``PartialDate``."""
    return PartialDate.from_date(day) if day else None
