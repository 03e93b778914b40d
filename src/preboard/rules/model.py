"""Rules as the core sees them: frozen dataclasses, one per version, and the error for refusals.

A rule (a pre-determined criterion) never changes in place: every change is a new
``Rule`` with the next ``version`` number, an ``author``, a ``reason`` and a ``released``
date, and the old versions stay readable in its ``RuleHistory``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from preboard.errors import ConfigurationError
from preboard.model.findings import FindingSeverity


@dataclass(frozen=True, slots=True)
class Rule:
    """One version of one rule. ``purpose``/``owner`` are empty and ``review_date`` is
    ``None`` when the file leaves them out: the linter refuses such a rule."""

    id: str
    version: int
    released: dt.date
    author: str
    reason: str
    title: str
    purpose: str
    owner: str
    severity: FindingSeverity
    weight: float
    valid_from: dt.date
    valid_to: dt.date | None
    review_date: dt.date | None
    expression: str
    context_version: str = "1"

    @property
    def source(self) -> str:
        """``rule R-FAC-001 v2``: what raised a finding, with the version."""
        return f"rule {self.id} v{self.version}"

    def in_force(self, on: dt.date) -> bool:
        """Whether ``on`` lies in the validity window (``valid_to`` included)."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


@dataclass(frozen=True, slots=True)
class RuleHistory:
    """Every version of one rule, oldest first (version numbers 1, 2, …)."""

    id: str
    versions: tuple[Rule, ...]

    @property
    def latest(self) -> Rule:
        return self.versions[-1]

    def as_of(self, on: dt.date) -> Rule | None:
        """The version current on ``on``: the newest released on or before it."""
        released = [r for r in self.versions if r.released <= on]
        return released[-1] if released else None

    def version(self, number: int) -> Rule | None:
        """The version numbered ``number``, or ``None``."""
        return next((r for r in self.versions if r.version == number), None)


@dataclass(frozen=True, slots=True)
class Issue:
    """Why a rule is refused or held back: a stable ``code``, a reason for a person, and where
    in the rule file (1-based line and column) when known."""

    code: str
    message: str
    line: int | None = None
    column: int | None = None
    version: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        version = f"v{self.version} " if self.version is not None else ""
        return f"{version}{where}: {self.message}" if self.line else f"{version}{self.message}"


class RuleError(ConfigurationError):
    """A rule file that cannot be read, or a rule the linter refuses; ``issues`` say why."""

    def __init__(self, detail: str, issues: tuple[Issue, ...] = ()) -> None:
        super().__init__(detail)
        self.issues = issues


@dataclass(frozen=True, slots=True)
class Located:
    """A rule history read from a file, with where each version's expression starts."""

    path: str
    history: RuleHistory
    expressions: dict[int, ExpressionSpan] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ExpressionSpan:
    """Where an expression sits in its YAML file, to map a CEL position onto the file.

    ``line``/``column`` (1-based) are the file position of the expression's first character;
    ``block`` is true for a ``|`` literal block, whose lines are the file's lines one for one;
    ``exact`` is true for a one-line scalar written as is (no escapes); any other scalar
    (folded, several lines, escapes) is mapped to where its value starts.
    """

    line: int
    column: int
    block: bool
    exact: bool

    def locate(self, line: int, column: int) -> tuple[int, int]:
        """File ``(line, column)`` of a 1-based position within the expression."""
        if self.block:
            return self.line + line - 1, self.column + column - 1
        if self.exact and line == 1:
            return self.line, self.column + column - 1
        return self.line, self.column
