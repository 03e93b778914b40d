"""The rule linter: which rules may run, and why the others may not.

A rule is **refused** (status ``refused``, exit 1 from ``preboard rules lint``) when:

- the file cannot be read (YAML, format, versions out of order): code ``yaml``/``format``;
- it is written for another context schema: ``context-version``;
- the expression does not compile: ``compile``, with the line and column in the YAML file;
- it reads a field the context does not have: ``unknown-field`` (with the place), or binds a
  macro variable named like a context map: ``shadowed-map``;
- it reads no field at all: ``no-field``;
- it can fire on sex, age or nationality alone or together: ``restricted-only`` (see
  ``preboard.rules.logic``);
- it has no purpose, owner or review date: ``missing-purpose``/``missing-owner``/
  ``missing-review-date``.

A rule that passes may still be **held back** on the screening date: ``review_overdue`` (its
review date has passed) or ``not_in_force`` (outside ``valid_from``…``valid_to``, or no version
released yet). Held-back rules do not run and are reported; they are not errors.
The current version (as of the date) is linted, and every later, scheduled one.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from preboard.rules.context import CONTEXT_VERSION, FIELDS, RESTRICTED, SECTIONS
from preboard.rules.files import load_rule_file, rule_files
from preboard.rules.logic import fires_on_restricted_alone, parse
from preboard.rules.model import ExpressionSpan, Issue, Located, Rule, RuleError
from preboard.rules.syntax import CelSyntaxError, compile_expression
from preboard.rules.tokens import bound_variables, field_paths, tokenize


class LintStatus(StrEnum):
    """What the linter decided for a rule on a date."""

    OK = "ok"
    REFUSED = "refused"
    REVIEW_OVERDUE = "review_overdue"
    NOT_IN_FORCE = "not_in_force"


@dataclass(frozen=True, slots=True)
class LintResult:
    """The verdict on one rule file: ``rule`` is the version current on the date (if any)."""

    path: str
    rule_id: str
    status: LintStatus
    issues: tuple[Issue, ...] = ()
    rule: Rule | None = None
    fields: tuple[str, ...] = ()

    @property
    def runs(self) -> bool:
        return self.status is LintStatus.OK

    def raise_if_refused(self) -> None:
        """Raise ``RuleError`` with the issues when the rule is refused."""
        if self.status is LintStatus.REFUSED:
            reasons = "; ".join(map(str, self.issues))
            raise RuleError(f"rule {self.rule_id} refused: {reasons}", self.issues)


def _at(issue: Issue, span: ExpressionSpan | None, version: int) -> Issue:
    if span is None or issue.line is None:
        return Issue(issue.code, issue.message, version=version)
    line, column = span.locate(issue.line, issue.column or 1)
    return Issue(issue.code, issue.message, line, column, version)


def _field_issues(paths: list[tuple[str, int, int]]) -> list[Issue]:
    issues = []
    for name, line, column in paths:
        if name in FIELDS:
            continue
        near = difflib.get_close_matches(name, list(FIELDS), n=1)
        hint = f" (did you mean {near[0]}?)" if near else ""
        message = f"reads {name!r}, which is not a field of context v{CONTEXT_VERSION}{hint}"
        issues.append(Issue("unknown-field", message, line, column))
    return issues


def _expression_issues(expression: str) -> list[Issue]:
    try:
        compile_expression(expression)
    except CelSyntaxError as err:
        return [err.issue]
    tokens = tokenize(expression)
    paths = field_paths(tokens)
    issues = _field_issues([(p.name, p.line, p.column) for p in paths])
    for name in sorted(bound_variables(tokens) & set(SECTIONS)):
        issues.append(Issue("shadowed-map", f"a macro variable is named {name!r}, like a map"))
    if issues:
        return issues
    read = sorted({p.name for p in paths})
    if not read:
        return [Issue("no-field", "reads no field: it would flag everyone or no one")]
    if fires_on_restricted_alone(parse(tokens), RESTRICTED):
        first = next((p for p in paths if p.name in RESTRICTED), None)
        found = ", ".join(f for f in read if f in RESTRICTED)
        if not found:
            return [Issue("no-field", "has a branch that fires without reading any field")]
        message = f"can fire on restricted fields alone ({found}): sex, age and nationality "
        message += "(and the issuing country) may never be a criterion on their own"
        where = (first.line, first.column) if first else (None, None)
        return [Issue("restricted-only", message, *where)]
    return []


def refusals(rule: Rule, span: ExpressionSpan | None = None) -> tuple[Issue, ...]:
    """Every reason to refuse this version (empty when it may run), positioned in the file."""
    found = [_at(i, span, rule.version) for i in _expression_issues(rule.expression)]
    if rule.context_version != CONTEXT_VERSION:
        message = f"written for context v{rule.context_version}, this is v{CONTEXT_VERSION}"
        found.insert(0, Issue("context-version", message, version=rule.version))
    missing = {"purpose": rule.purpose, "owner": rule.owner, "review-date": rule.review_date}
    for name, value in missing.items():
        if not value:
            message = f"has no {name.replace('-', ' ')}: every rule needs one"
            found.append(Issue(f"missing-{name}", message, version=rule.version))
    return tuple(found)


def fields_read(expression: str) -> tuple[str, ...]:
    """The context fields an expression reads, sorted (unknown names included)."""
    return tuple(sorted({p.name for p in field_paths(tokenize(expression))}))


def _held_back(rule: Rule | None, on: dt.date) -> tuple[LintStatus, Issue | None]:
    if rule is None:
        return LintStatus.NOT_IN_FORCE, Issue("not-released", f"no version released by {on}")
    if rule.review_date is not None and rule.review_date < on:
        reason = f"review date {rule.review_date} has passed: it does not run until reviewed"
        return LintStatus.REVIEW_OVERDUE, Issue("review-overdue", reason, version=rule.version)
    if not rule.in_force(on):
        reason = f"not in force on {on} (valid {rule.valid_from} to {rule.valid_to or '…'})"
        return LintStatus.NOT_IN_FORCE, Issue("not-in-force", reason, version=rule.version)
    return LintStatus.OK, None


def lint_located(located: Located, on: dt.date) -> LintResult:
    """Lint the version current on ``on`` and every later one of a rule read from a file."""
    history = located.history
    current = history.as_of(on)
    start = current.version if current else 1
    issues = [
        issue
        for rule in history.versions
        if rule.version >= start
        for issue in refusals(rule, located.expressions.get(rule.version))
    ]
    fields = fields_read(current.expression) if current else ()
    if issues:
        return LintResult(
            located.path, history.id, LintStatus.REFUSED, tuple(issues), current, fields
        )
    status, note = _held_back(current, on)
    return LintResult(located.path, history.id, status, (note,) if note else (), current, fields)


def lint_file(path: Path, on: dt.date) -> LintResult:
    """Lint one rule file; a file that cannot be read is a refused result, not an exception."""
    try:
        located = load_rule_file(path)
    except RuleError as err:
        issues = err.issues or (Issue("file", err.detail),)
        return LintResult(str(path), path.stem, LintStatus.REFUSED, issues)
    return lint_located(located, on)


def lint_directory(directory: Path, on: dt.date) -> tuple[LintResult, ...]:
    """Lint every rule file of ``directory`` (sorted by name)."""
    return tuple(lint_file(path, on) for path in rule_files(directory))


def runnable(results: tuple[LintResult, ...]) -> tuple[Rule, ...]:
    """The rules that may run: current versions whose status is ``ok``."""
    return tuple(r.rule for r in results if r.runs and r.rule is not None)
