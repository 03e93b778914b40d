"""Lost and stolen travel documents (a list like INTERPOL's SLTD), loaded into a dict.

CSV header ``issuing_country,document_type,document_number``. The issuing country is an ISO
alpha-2 or alpha-3 code (or an ICAO code such as ``D``); the type a code or a word (``P``,
``PP``, ``passport``, ``V``, ``ID``) and may be empty. Every bad row is reported as a
``Problem`` with its line number; none is skipped silently. Document numbers are never quoted
in problems or explanations (they are masked).

The index is keyed by the *folded* number key (see ``preboard.documents.numbers``), so a
lookup is one dict access: a number equal to a listed one after removing separators is an
exact hit (score 1.0); one equal only after folding OCR confusions (O/0, I/1, S/5, B/8, Z/2)
scores ``FOLDED_SCORE``. The issuing country must agree when both sides know it (the score is
multiplied by ``UNKNOWN_COUNTRY_FACTOR`` when it could not be compared) and the document type
must agree loosely. Names are never used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import structlog

from preboard.documents.numbers import country_key, describe, fold, number_key, type_category
from preboard.documents.report import document_finding
from preboard.documents.tables import open_table, paused_gc, problem, read_rows
from preboard.model import Problem, Severity, TravelDocument, Traveller
from preboard.model.countries import normalise_country
from preboard.model.findings import Finding, FindingSeverity

__all__ = [
    "FOLDED_SCORE",
    "HEADER",
    "UNKNOWN_COUNTRY_FACTOR",
    "LostStolenHit",
    "LostStolenList",
    "check_lost_stolen",
    "load_lost_stolen",
    "read_lost_stolen",
]

log = structlog.get_logger(__name__)

HEADER = ("issuing_country", "document_type", "document_number")
FOLDED_SCORE = 0.9
UNKNOWN_COUNTRY_FACTOR = 0.9
# (issuing country, type category, number key, line): tuples load fastest at a million rows.
_Row = tuple[str | None, str | None, str, int]


@dataclass(frozen=True, slots=True)
class LostStolenHit:
    """A listed document matching the one looked up, and how well."""

    line: int
    issuing_country: str | None
    document_type: str | None
    exact: bool
    country_compared: bool
    score: float


class LostStolenList:
    """An in-memory index of a lost and stolen documents list; ``source`` names its version
    (``lost_stolen@2026-11-30``) and ``problems`` are the rows that could not be used."""

    __slots__ = ("_index", "problems", "size", "source")

    def __init__(
        self, index: dict[str, list[_Row]], source: str, problems: Iterable[Problem] = ()
    ) -> None:
        self._index = index  # folded number key -> listed documents
        self.size = sum(map(len, index.values()))
        self.source = source
        self.problems = tuple(problems)

    def __len__(self) -> int:
        return self.size

    def lookup(
        self, number: str, *, issuing_country: str | None = None, document_type: str | None = None
    ) -> LostStolenHit | None:
        """The best listed document for ``number`` (exact before folded), or ``None``."""
        key = number_key(number)
        bucket = self._index.get(fold(key))
        if not bucket:
            return None
        country, category = country_key(issuing_country), type_category(document_type)
        hits = [_hit(row, key, country, category) for row in bucket]
        found = [hit for hit in hits if hit is not None]
        return max(found, key=lambda hit: hit.score) if found else None


def _hit(row: _Row, key: str, country: str | None, category: str | None) -> LostStolenHit | None:
    listed_country, listed_type, listed_number, line = row
    if country and listed_country and country != listed_country:
        return None
    if category and listed_type and category != listed_type:
        return None
    exact = listed_number == key
    compared = bool(country and listed_country)
    score = (1.0 if exact else FOLDED_SCORE) * (1.0 if compared else UNKNOWN_COUNTRY_FACTOR)
    return LostStolenHit(line, listed_country, listed_type, exact, compared, score)


@lru_cache(maxsize=4096)
def _country(raw: str) -> tuple[str | None, bool]:
    return normalise_country(raw)


def _row(values: list[str], line: int, file: str, problems: list[Problem]) -> _Row | None:
    country, doc_type, number = values
    key = number_key(number)
    if not (key.isascii() and key.isalnum()):
        reason = "has characters other than A-Z and 0-9" if key else "is missing"
        problems.append(problem(file, line, f"document number {reason}; row skipped"))
        return None
    alpha3, known = _country(country)
    if not known:
        message = f"issuing_country {alpha3!r} is not an ISO or ICAO code; kept as written"
        problems.append(problem(file, line, message, Severity.WARNING))
    return alpha3, type_category(doc_type), key, line


def read_lost_stolen(lines: Iterable[str], file: str, *, version: str) -> LostStolenList:
    """Index the lines of a lost and stolen list (``version`` goes into each finding's source).

    Raises ``ParseError`` when the header is not ``issuing_country,document_type,
    document_number``; bad rows are in ``problems`` of the result."""
    problems: list[Problem] = []
    index: dict[str, list[_Row]] = {}
    with paused_gc():  # a million small tuples: the cyclic collector would triple the time
        for line, values in read_rows(lines, file, HEADER, problems):
            row = _row(values, line, file, problems)
            if row is None:
                continue
            key = fold(row[2])
            bucket = index.get(key)
            if bucket is None:
                index[key] = [row]
            else:
                bucket.append(row)
    listed = LostStolenList(index, f"lost_stolen@{version}", problems)
    log.info("documents.lost_stolen.loaded", file=file, rows=len(listed), problems=len(problems))
    return listed


def load_lost_stolen(path: Path, *, version: str | None = None) -> LostStolenList:
    """Load a lost and stolen list from a CSV file; ``version`` defaults to the file's stem."""
    return read_lost_stolen(open_table(path), str(path), version=version or path.stem)


def _explain(document: TravelDocument, hit: LostStolenHit) -> str:
    where = f"the lost and stolen documents list (list line {hit.line})"
    if hit.exact:
        text = f"The {describe(document)} is on {where}."
    else:
        text = (
            f"The {describe(document)} matches an entry of {where} only when OCR-confusable "
            "characters (O/0, I/1, S/5, B/8, Z/2) are read as the same: compare the number on "
            "the document with the list entry."
        )
    if not hit.country_compared:
        text += " The issuing country could not be compared (unknown on one side)."
    return text


def check_lost_stolen(traveller: Traveller, listed: LostStolenList) -> list[Finding]:
    """``document.lost_stolen`` for each document of ``traveller`` on the list: CRITICAL for
    an exact number with the issuing country compared, HIGH otherwise."""
    findings: list[Finding] = []
    for document in traveller.documents:
        if not document.number:
            continue
        hit = listed.lookup(
            document.number,
            issuing_country=document.issuing_country,
            document_type=document.type,
        )
        if hit is None:
            continue
        certain = hit.exact and hit.country_compared
        severity = FindingSeverity.CRITICAL if certain else FindingSeverity.HIGH
        detail = {"list_line": str(hit.line), "match": "exact" if hit.exact else "folded"}
        explanation = _explain(document, hit)
        findings.append(
            document_finding(
                "lost_stolen", severity, hit.score, explanation, source=listed.source, detail=detail
            )
        )
    return findings
