"""Traveller lists as CSV or JSON lines: ``id,surname,given_names,birth_date,sex,nationality,
document_number``.

Each reader gives one ``Manifest`` (source CSV or JSONL, no flight) with a ``Traveller`` per
good row. A bad value is reported with its line number and the rest of the row is still read;
a row without a surname is skipped with an ERROR. Columns or keys beyond the seven are kept in
``Traveller.extra``. Text is decoded as UTF-8 (a BOM is allowed), else as Latin-1 with a
WARNING. When a manifest is returned every problem is in ``Manifest.problems`` and the returned
list is empty; when none can be (no header, empty input) the returned list says why.
Document numbers are never quoted in problems.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping

from preboard.ingest.options import ReadOptions
from preboard.model import (
    Manifest,
    PartialDate,
    Problem,
    Role,
    Severity,
    Sex,
    SourceKind,
    TravelDocument,
    Traveller,
)
from preboard.model.countries import normalise_country

__all__ = ["COLUMNS", "read_travellers_csv", "read_travellers_jsonl"]

COLUMNS = ("id", "surname", "given_names", "birth_date", "sex", "nationality", "document_number")
_SEX = {"M": Sex.MALE, "F": Sex.FEMALE, "X": Sex.UNSPECIFIED, "U": None}
Row = Iterable[tuple[int, Mapping[str, str]]]


def _decode(data: bytes, file: str) -> tuple[str, list[Problem]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        message = f"not UTF-8 (byte {err.start + 1}): read as Latin-1, check accented names"
        return data.decode("latin-1"), [Problem(file, None, message, Severity.WARNING)]


def _traveller(
    row: Mapping[str, str], line: int, file: str
) -> tuple[Traveller | None, list[Problem]]:
    """The traveller of one row, and what is wrong with it."""
    problems: list[Problem] = []

    def warn(message: str, severity: Severity = Severity.WARNING) -> None:
        problems.append(Problem(file, line, f"line {line}: {message}", severity))

    surname = row.get("surname", "").strip()
    if not surname:
        warn("no surname, the row is skipped", Severity.ERROR)
        return None, problems
    raw_birth = row.get("birth_date", "").strip()
    birth = PartialDate.parse_iso(raw_birth) if raw_birth else None
    if raw_birth and birth is None:
        warn(f"birth_date {raw_birth!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    raw_sex = row.get("sex", "").strip().upper()
    if raw_sex and raw_sex not in _SEX:
        warn(f"sex {raw_sex!r} is not M, F, X or U")
    nationality, known = normalise_country(row.get("nationality", ""))
    if not known:
        warn(f"nationality {nationality!r} is not an ISO 3166 alpha-2 or alpha-3 code")
    number = row.get("document_number", "").strip()
    documents = (TravelDocument(None, number, nationality=nationality),) if number else ()
    extra = tuple((k, v) for k, v in row.items() if k not in COLUMNS and v.strip())
    traveller = Traveller(
        role=Role.PASSENGER,
        surname=surname,
        given_names=row.get("given_names", "").strip(),
        birth_date=birth,
        sex=_SEX.get(raw_sex),
        nationality=nationality,
        documents=documents,
        ref=row.get("id", "").strip() or None,
        extra=extra,
    )
    return traveller, problems


def _manifest(rows: Row, file: str, kind: SourceKind, problems: list[Problem]) -> Manifest:
    travellers: list[Traveller] = []
    for line, row in rows:
        traveller, found = _traveller(row, line, file)
        problems.extend(found)
        if traveller is not None:
            travellers.append(traveller)
    return Manifest(kind, None, tuple(travellers), problems=tuple(problems))


def _csv_rows(reader: csv.DictReader[str], file: str, problems: list[Problem]) -> Row:
    for row in reader:
        line = reader.line_num
        spill = row.pop(None, None)
        if spill:
            message = f"line {line}: {len(spill)} values more than the header has columns"
            problems.append(Problem(file, line, message, Severity.WARNING))
        yield line, {k: v or "" for k, v in row.items() if k}


def read_travellers_csv(
    data: bytes, file: str, options: ReadOptions | None = None
) -> tuple[Manifest | None, list[Problem]]:
    """Read a CSV traveller list with a header row (columns in any order, comma or semicolon)."""
    text, problems = _decode(data, file)
    header = text.lstrip().split("\n", 1)[0]
    delimiter = ";" if ";" in header and "," not in header else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    fields = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    if "surname" not in fields:
        message = "no header row with a surname column: expected a header such as " + ",".join(
            COLUMNS
        )
        return None, [*problems, Problem(file, 1, message, Severity.ERROR)]
    reader.fieldnames = fields
    return _manifest(_csv_rows(reader, file, problems), file, SourceKind.CSV, problems), []


def _json_rows(text: str, file: str, problems: list[Problem]) -> Row:
    for line, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as err:
            message = f"line {line}: not JSON ({err.msg}, column {err.colno}), line skipped"
            problems.append(Problem(file, line, message, Severity.ERROR))
            continue
        if not isinstance(value, dict):
            message = f"line {line}: a JSON {type(value).__name__}, not an object, line skipped"
            problems.append(Problem(file, line, message, Severity.ERROR))
            continue
        yield (
            line,
            {
                str(k).strip().lower(): v
                if isinstance(v, str)
                else json.dumps(v, ensure_ascii=False)
                for k, v in value.items()
                if v is not None
            },
        )


def read_travellers_jsonl(
    data: bytes, file: str, options: ReadOptions | None = None
) -> tuple[Manifest | None, list[Problem]]:
    """Read JSON lines, one object per traveller with the CSV column names as keys."""
    text, problems = _decode(data, file)
    if not text.strip():
        return None, [*problems, Problem(file, None, "the file is empty", Severity.ERROR)]
    return _manifest(_json_rows(text, file, problems), file, SourceKind.JSONL, problems), []
