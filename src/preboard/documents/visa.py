"""Visa requirements: the operator's country-pair table and the ``visa_missing`` check.

CSV header ``nationality,destination,requirement,note``; countries are ISO alpha-3 (alpha-2 is
accepted), ``requirement`` is ``visa``, ``eta`` or ``none``. Only ``visa`` can be checked from a
manifest: the traveller needs a document of type ``V`` (or a type starting with ``V``) issued
by the destination country (or by a country the manifest does not give). The table is the
operator's, not legal advice; ``example_visa_table`` reads the example shipped in the package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from preboard.documents.numbers import country_key, describe, is_visa, nationality_of
from preboard.documents.report import data_finding, document_finding
from preboard.documents.tables import open_table, problem, read_rows
from preboard.model import Problem, Role, Severity, Traveller
from preboard.model.countries import to_alpha3
from preboard.model.findings import Finding, FindingSeverity

__all__ = [
    "HEADER",
    "VISA_MISSING_SCORE",
    "Requirement",
    "VisaRule",
    "VisaTable",
    "check_visa",
    "example_visa_table",
    "load_visa_table",
    "read_visa_table",
]

HEADER = ("nationality", "destination", "requirement", "note")
VISA_MISSING_SCORE = 0.8  # the carrier may hold a visa it did not report


class Requirement(StrEnum):
    """What a nationality needs to travel to a destination."""

    VISA = "visa"
    ETA = "eta"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class VisaRule:
    """One row of the table."""

    nationality: str
    destination: str
    requirement: Requirement
    note: str
    line: int


@dataclass(frozen=True, slots=True, eq=False)
class VisaTable:
    """The rules by ``(nationality, destination)``; ``source`` names the table's version."""

    rules: Mapping[tuple[str, str], VisaRule]
    source: str = "visa_requirements"
    problems: tuple[Problem, ...] = ()

    def rule(self, nationality: str, destination: str) -> VisaRule | None:
        """The rule for a pair of alpha-3 codes, or ``None`` when the table has none."""
        return self.rules.get((nationality, destination))


def _rule(values: list[str], line: int, file: str) -> VisaRule | Problem:
    nationality, destination, requirement, note = (value.strip() for value in values)
    for name, code in (("nationality", nationality), ("destination", destination)):
        if to_alpha3(code) is None:
            return problem(file, line, f"{name} {code!r} is not a country code; row skipped")
    if requirement.lower() not in set(Requirement):
        message = f"requirement {requirement!r} is not visa, eta or none; row skipped"
        return problem(file, line, message)
    return VisaRule(
        str(to_alpha3(nationality)),
        str(to_alpha3(destination)),
        Requirement(requirement.lower()),
        note,
        line,
    )


def read_visa_table(lines: Iterable[str], file: str, *, version: str) -> VisaTable:
    """The table in ``lines``; bad rows and repeated pairs (the first row is kept) are in
    ``problems``. Raises ``ParseError`` for a wrong header."""
    problems: list[Problem] = []
    rules: dict[tuple[str, str], VisaRule] = {}
    for line, values in read_rows(lines, file, HEADER, problems):
        rule = _rule(values, line, file)
        if isinstance(rule, Problem):
            problems.append(rule)
            continue
        pair = (rule.nationality, rule.destination)
        if pair in rules:
            first = rules[pair]
            same = first.requirement is rule.requirement
            message = (
                f"{'/'.join(pair)} repeats line {first.line}; the row of line {first.line} is used"
            )
            problems.append(problem(file, line, message, Severity.INFO if same else Severity.ERROR))
            continue
        rules[pair] = rule
    return VisaTable(rules, f"visa_requirements@{version}", tuple(problems))


def load_visa_table(path: Path, *, version: str | None = None) -> VisaTable:
    """Read the operator's table from a CSV file; ``version`` defaults to the file's stem."""
    return read_visa_table(open_table(path), str(path), version=version or path.stem)


def example_visa_table() -> VisaTable:
    """The example table shipped in the package (not legal advice; see its header)."""
    table = resources.files("preboard.documents").joinpath("data/visa_requirements.csv")
    text = table.read_text(encoding="utf-8")
    return read_visa_table(text.splitlines(), "visa_requirements.csv", version="example")


def _explain(rule: VisaRule, others: list[str]) -> str:
    note = f": {rule.note}" if rule.note else ""
    text = (
        f"Nationals of {rule.nationality} need a visa for {rule.destination} (operator's table, "
        f"line {rule.line}{note}), and no visa for {rule.destination} is on the manifest for "
        "this traveller."
    )
    if others:
        text += f" The manifest has only: {', '.join(others)}."
    return text + " The carrier may hold one it did not report: ask for it at the gate."


def check_visa(traveller: Traveller, *, destination: str | None, table: VisaTable) -> list[Finding]:
    """``document.visa_missing`` (MEDIUM) when the traveller's nationality needs a visa for
    ``destination`` (alpha-3) and the manifest shows none for it. Crew are exempt; an unknown
    nationality gives nothing (see ``missing_data_findings``); an unknown destination gives a
    ``data.unknown_destination`` INFO finding when the table has rules for the nationality."""
    nationality = nationality_of(traveller)
    if traveller.role is Role.CREW or nationality is None:
        return []
    if destination is None:
        if any(nat == nationality for nat, _ in table.rules):
            text = "The destination country of the flight is unknown: the visa was not checked."
            return [data_finding("unknown_destination", text, source=table.source)]
        return []
    rule = table.rule(nationality, destination)
    if rule is None or rule.requirement is not Requirement.VISA:
        return []
    visas = [d for d in traveller.documents if is_visa(d)]
    if any(country_key(v.issuing_country) in (None, destination) for v in visas):
        return []
    text = _explain(rule, [describe(v) for v in visas])
    detail = {"nationality": nationality, "destination": destination, "rule_line": str(rule.line)}
    finding = document_finding(
        "visa_missing",
        FindingSeverity.MEDIUM,
        VISA_MISSING_SCORE,
        text,
        source=table.source,
        detail=detail,
    )
    return [finding]
