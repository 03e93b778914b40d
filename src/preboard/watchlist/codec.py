"""Watchlists, entries and problems as plain JSON-ready dicts, and back again, exactly.

``entry_from_dict(entry_to_dict(e)) == e`` for every entry: this is the format of the version
store (one entry per line) and of ``--json`` output. Absent values (``None``, empty tuples) are
left out of the dicts; birth dates are ISO (``1970-05``, a range ``1958/1962``), countries
alpha-3, dates ISO.
``*_from_dict`` raise ``KeyError``, ``TypeError`` or ``ValueError`` on a dict they did not
write; the store turns those into a ``ParseError`` with the file and line.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from preboard.model import PartialDate, Problem, Severity, Sex
from preboard.watchlist.model import (
    BirthDate,
    EntryDocument,
    EntryName,
    ListKind,
    NameKind,
    Watchlist,
    WatchlistEntry,
)

__all__ = [
    "dumps_line",
    "entry_from_dict",
    "entry_to_dict",
    "problem_from_dict",
    "problem_to_dict",
    "watchlist_from_dict",
    "watchlist_to_dict",
]

JSON = dict[str, Any]
_WATCHLIST_FIELDS = ("id", "name", "category", "severity", "legal_basis", "version", "source")


def _compact(values: JSON) -> JSON:
    return {k: v for k, v in values.items() if v is not None and v != []}


def dumps_line(value: JSON) -> str:
    """One normalised JSON line: keys sorted, no spaces, text as it is (not escaped)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def watchlist_to_dict(watchlist: Watchlist) -> JSON:
    """A list's metadata as a dict."""
    values = {f: getattr(watchlist, f) for f in _WATCHLIST_FIELDS}
    return {**values, "kind": watchlist.kind.value}


def watchlist_from_dict(value: JSON) -> Watchlist:
    """The list that ``watchlist_to_dict`` wrote."""
    fields = {f: str(value[f]) for f in _WATCHLIST_FIELDS if f in value}
    return Watchlist(**fields, kind=ListKind(value.get("kind", ListKind.PERSONS.value)))


def _birth_date(text: str) -> BirthDate:
    start, _, end = text.partition("/")
    first, last = PartialDate.parse_iso(start), PartialDate.parse_iso(end) if end else None
    if first is None or (end and last is None):
        raise ValueError(f"not a birth date: {text!r}")
    return BirthDate(first, last)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def entry_to_dict(entry: WatchlistEntry) -> JSON:
    """An entry as a dict (empty fields left out)."""
    names = [
        _compact({"full": n.full, "kind": n.kind.value, "given": n.given, "family": n.family})
        for n in entry.names
    ]
    documents = [
        _compact({"number": d.number, "type": d.type, "country": d.country})
        for d in entry.documents
    ]
    return _compact(
        {
            "id": entry.id,
            "names": names,
            "birth_dates": [b.iso() for b in entry.birth_dates],
            "birth_places": list(entry.birth_places),
            "nationalities": list(entry.nationalities),
            "sex": entry.sex.value if entry.sex else None,
            "documents": documents,
            "first_seen": entry.first_seen.isoformat() if entry.first_seen else None,
            "last_seen": entry.last_seen.isoformat() if entry.last_seen else None,
            "list_id": entry.list_id,
        }
    )


def entry_from_dict(value: JSON) -> WatchlistEntry:
    """The entry that ``entry_to_dict`` wrote."""
    names = tuple(
        EntryName(n["full"], NameKind(n["kind"]), n.get("given"), n.get("family"))
        for n in value.get("names", [])
    )
    documents = tuple(
        EntryDocument(d["number"], d.get("type"), d.get("country"))
        for d in value.get("documents", [])
    )
    return WatchlistEntry(
        id=str(value["id"]),
        names=names,
        birth_dates=tuple(_birth_date(b) for b in value.get("birth_dates", [])),
        birth_places=tuple(value.get("birth_places", [])),
        nationalities=tuple(value.get("nationalities", [])),
        sex=Sex(value["sex"]) if value.get("sex") else None,
        documents=documents,
        first_seen=_day(value.get("first_seen")),
        last_seen=_day(value.get("last_seen")),
        list_id=str(value.get("list_id", "")),
    )


def problem_to_dict(problem: Problem) -> JSON:
    """A loader's problem as a dict."""
    return _compact(
        {
            "file": problem.file,
            "segment": problem.segment,
            "message": problem.message,
            "severity": problem.severity.value,
            "tag": problem.tag,
        }
    )


def problem_from_dict(value: JSON) -> Problem:
    """The problem that ``problem_to_dict`` wrote."""
    segment = value.get("segment")
    return Problem(
        file=str(value.get("file", "")),
        segment=None if segment is None else int(segment),
        message=str(value["message"]),
        severity=Severity(value["severity"]),
        tag=value.get("tag"),
    )
