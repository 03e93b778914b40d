"""The rules folder as the rules pages read it: each rule's versions, what runs today, and why
the others do not.

    book = RuleBook.of(settings)             # rules_dir (released files), data_dir (drafts)
    rows = list_rules(book, today)           # one RuleSummary per rule file
    detail = rule_detail(book, "R-FAC-001", today)

The released rule files are the ones screening runs (``service.lists``); drafts waiting for a
supervisor live apart, under ``data_dir/rule-drafts`` (``service.rule_drafts``). Reading rules
is not audited: they hold no personal data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from preboard.errors import NotFoundError
from preboard.rules.files import load_rule_file, rule_files
from preboard.rules.lint import LintStatus, lint_file, lint_located
from preboard.rules.model import Issue, Rule, RuleError
from preboard.service.errors import ConflictError
from preboard.settings import Settings

__all__ = ["RULE_ID", "RuleBook", "RuleDetail", "RuleSummary", "list_rules", "rule_detail"]

RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
"""What a rule id looks like (the file format's pattern): also the file's name."""


@dataclass(frozen=True, slots=True)
class RuleBook:
    """Where released rules (``rules``, ``None`` when none is configured) and drafts live."""

    rules: Path | None
    drafts: Path

    @classmethod
    def of(cls, settings: Settings) -> RuleBook:
        return cls(settings.rules_dir, settings.data_dir / "rule-drafts")

    def folder(self) -> Path:
        """The rules folder; ``ConflictError`` when the installation has none."""
        if self.rules is None or not self.rules.is_dir():
            raise ConflictError("no rules folder is configured (PREBOARD_RULES_DIR)")
        return self.rules

    def path(self, rule_id: str) -> Path:
        """The file of rule ``rule_id`` (which need not exist yet); ``NotFoundError`` for a
        string that is not a rule id."""
        if not RULE_ID.match(rule_id):
            raise NotFoundError(f"{rule_id!r} is not a rule id")
        return self.folder() / f"{rule_id}.yaml"


@dataclass(frozen=True, slots=True)
class RuleSummary:
    """One rule file: its latest version, the one in force on the day, and the linter's word."""

    id: str
    latest: Rule | None
    current: Rule | None
    status: LintStatus
    issues: tuple[Issue, ...]


@dataclass(frozen=True, slots=True)
class RuleDetail:
    """A rule with every version, oldest first, and the linter's word on the day."""

    id: str
    versions: tuple[Rule, ...]
    current: Rule | None
    status: LintStatus
    issues: tuple[Issue, ...]

    @property
    def latest(self) -> Rule:
        return self.versions[-1]


def _summary(path: Path, on: dt.date) -> RuleSummary:
    result = lint_file(path, on)
    try:
        latest: Rule | None = load_rule_file(path).history.latest
    except RuleError:
        latest = None
    return RuleSummary(result.rule_id, latest, result.rule, result.status, result.issues)


def list_rules(book: RuleBook, on: dt.date) -> list[RuleSummary]:
    """Every rule file of the folder (empty when none is configured), by id."""
    if book.rules is None or not book.rules.is_dir():
        return []
    return [_summary(path, on) for path in rule_files(book.rules)]


def rule_detail(book: RuleBook, rule_id: str, on: dt.date) -> RuleDetail:
    """A rule's versions and status; ``NotFoundError`` when there is no such rule file,
    ``RuleError`` (422) when the file cannot be read."""
    path = book.path(rule_id)
    if not path.is_file():
        raise NotFoundError(f"there is no rule {rule_id}")
    located = load_rule_file(path)
    result = lint_located(located, on)
    history = located.history
    return RuleDetail(history.id, history.versions, result.rule, result.status, result.issues)
