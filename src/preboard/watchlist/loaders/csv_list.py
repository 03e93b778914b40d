"""A watchlist as CSV: ``id,name,aliases,birth_date,nationality,document_number``.

A header row names the columns (any order, any case; ``id`` and ``name`` are required). Several
values in one cell are split on ``;``. Birth dates are ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or
a range ``YYYY/YYYY``; an approximate year (``c. 1960``, ``ca. 1960``, ``circa 1960``) is read as
the range ``APPROXIMATE_YEARS`` either side (1958/1962) with a WARNING, so the person can still
be matched by age. Nationalities are ISO alpha-3 or alpha-2 (a country name is read too).

Problems carry the line number. A bad value (``1970-13-45``, an unknown country, a name with
private-use characters) is reported and left out, the rest of the row kept; a name in a script
screening cannot compare (Ogham) is kept with a WARNING. A row without an id or any usable
name, with more values than the header has columns, or repeating an earlier id is an ERROR and
skipped. Text is UTF-8 (a BOM is allowed), else Latin-1 with a WARNING. Nothing raises.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from preboard.model import Severity
from preboard.watchlist.loaders.common import (
    Report,
    birth_date,
    country,
    decode,
    entry_name,
    keep_first,
    plural,
    unique,
)
from preboard.watchlist.model import (
    EntryDocument,
    EntryName,
    NameKind,
    Watchlist,
    WatchlistEntry,
    WatchlistVersion,
)

__all__ = ["COLUMNS", "load_csv"]

COLUMNS = ("id", "name", "aliases", "birth_date", "nationality", "document_number")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def load_csv(data: bytes, source: str, watchlist: Watchlist) -> WatchlistVersion:
    """Load a CSV watchlist with a header row; every bad row or value is reported by line."""
    report = Report(source)
    reader = csv.DictReader(io.StringIO(decode(data, report), newline=""))
    fields = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    if "id" not in fields or "name" not in fields:
        message = "no header row with id and name columns: expected " + ",".join(COLUMNS)
        report.add(1, message, Severity.ERROR)
        return WatchlistVersion(watchlist, (), report.sorted())
    reader.fieldnames = fields
    extra = [f for f in fields if f not in COLUMNS]
    if extra:
        report.add(1, f"columns not read: {', '.join(extra)}", Severity.INFO)
    located: list[tuple[int, WatchlistEntry]] = []
    try:
        for row in reader:
            entry = _row(row, reader.line_num, report, watchlist.id)
            if entry is not None:
                located.append((reader.line_num, entry))
    except csv.Error as err:
        report.add(reader.line_num, f"not CSV ({err}): reading stopped", Severity.ERROR)
    return WatchlistVersion(watchlist, keep_first(located, report), report.sorted())


def _row(
    row: Mapping[str | None, str | list[str] | None], line: int, report: Report, list_id: str
) -> WatchlistEntry | None:
    spill = row.get(None)
    if spill:
        report.add(
            line,
            f"{plural(len(spill), 'value')} more than the header has columns: row skipped",
            Severity.ERROR,
        )
        return None
    cells = {k: v.strip() for k, v in row.items() if k and isinstance(v, str)}
    entry_id = cells.get("id", "")
    if not entry_id:
        report.add(line, "no id: row skipped", Severity.ERROR)
        return None
    names = _names(cells, line, report)
    if not names:
        report.add(line, f"{entry_id}: no usable name: row skipped", Severity.ERROR)
        return None
    dates = (birth_date(v, report, line) for v in _split(cells.get("birth_date", "")))
    countries = _split(cells.get("nationality", ""))
    return WatchlistEntry(
        id=entry_id,
        names=names,
        birth_dates=tuple(dict.fromkeys(d for d in dates if d is not None)),
        nationalities=unique(country(c, report, line, "nationality") or "" for c in countries),
        documents=tuple(EntryDocument(n) for n in unique(_split(cells.get("document_number", "")))),
        list_id=list_id,
    )


def _names(cells: Mapping[str, str], line: int, report: Report) -> tuple[EntryName, ...]:
    primary = entry_name(cells.get("name", ""), NameKind.PRIMARY, report, line)
    aliases = (
        entry_name(a, NameKind.ALIAS, report, line) for a in _split(cells.get("aliases", ""))
    )
    names: dict[str, EntryName] = {}
    for name in (primary, *aliases):
        if name is not None and name.full not in names:
            names[name.full] = name
    if primary is None and names:
        report.add(line, "no usable name: kept under its aliases")
    return tuple(names.values())
