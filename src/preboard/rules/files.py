"""Rule files: one YAML file per rule holding all its versions, the newest last.

    id: R-FAC-001                 # the rule's id, also the file name: R-FAC-001.yaml
    context_version: "1"          # the context schema the expressions are written against
    versions:
      - version: 1                # 1, 2, … in order; a change is a new entry, never an edit
        date: 2026-01-10          # when this version was released (current from this date)
        author: a.analyst
        reason: first release
        title: One-way ticket paid in cash shortly before departure
        purpose: Cash one-way tickets bought days before departure are an indicator of …
        owner: Facilitation desk, CUN liaison office
        severity: high            # info | low | medium | high | critical
        weight: 0.6               # 0 to 1, the finding's score
        valid_from: 2026-01-10
        valid_to: null            # optional, last day in force
        review_date: 2026-07-10
        expression: |             # CEL; a | block keeps the linter's line numbers exact
          booking.one_way == true && "cash" in booking.payment_methods

The file format is checked with pydantic here, at the boundary; the core gets ``Rule``
dataclasses. A file that cannot be read raises ``RuleError`` with the line of the fault.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from preboard.model.findings import FindingSeverity
from preboard.rules.model import ExpressionSpan, Issue, Located, Rule, RuleError, RuleHistory

RULE_SUFFIXES = (".yaml", ".yml")


class VersionDoc(BaseModel):
    """One version as written in the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = Field(ge=1)
    date: dt.date
    author: str = Field(min_length=1)
    reason: str = Field(min_length=1)
    title: str = Field(min_length=1)
    purpose: str = ""
    owner: str = ""
    severity: FindingSeverity
    weight: float = Field(ge=0.0, le=1.0)
    valid_from: dt.date
    valid_to: dt.date | None = None
    review_date: dt.date | None = None
    expression: str = Field(min_length=1)

    @model_validator(mode="after")
    def _window(self) -> VersionDoc:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


class RuleFileDoc(BaseModel):
    """A rule file: the id, the context version and the versions, oldest first."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")
    context_version: str
    versions: list[VersionDoc] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> RuleFileDoc:
        numbers = [v.version for v in self.versions]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"versions must be numbered 1, 2, … in order, not {numbers}")
        dates = [v.date for v in self.versions]
        if dates != sorted(dates):
            raise ValueError("version dates must not go back in time")
        return self


def _rule(doc: RuleFileDoc, v: VersionDoc) -> Rule:
    return Rule(
        id=doc.id, version=v.version, released=v.date, author=v.author, reason=v.reason,
        title=v.title.strip(), purpose=v.purpose.strip(), owner=v.owner.strip(),
        severity=v.severity, weight=v.weight, valid_from=v.valid_from, valid_to=v.valid_to,
        review_date=v.review_date, expression=v.expression, context_version=doc.context_version,
    )  # fmt: skip


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if k.value == key), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        child: yaml.Node = node.value[key]
        return child
    return None


def _line_of(root: yaml.Node | None, loc: tuple[str | int, ...]) -> int | None:
    """1-based line of the deepest node of ``loc`` that exists in the file."""
    node, line = root, None
    for key in loc:
        node = _child(node, key)
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _span(node: yaml.Node | None, text_lines: list[str]) -> ExpressionSpan | None:
    if not isinstance(node, yaml.ScalarNode):
        return None
    mark = node.start_mark
    if node.style == "|":
        first = mark.line + 1
        body = next((ln for ln in text_lines[first:] if ln.strip()), "")
        return ExpressionSpan(first + 1, len(body) - len(body.lstrip()) + 1, True, True)
    start = mark.column + (node.style in ("'", '"'))
    line = text_lines[mark.line] if mark.line < len(text_lines) else ""
    exact = line[start : start + len(node.value)] == node.value  # one line, no escapes
    return ExpressionSpan(mark.line + 1, start + 1, False, exact)


def _issues(err: ValidationError, root: yaml.Node | None) -> tuple[Issue, ...]:
    found = []
    for e in err.errors():
        loc = tuple(e["loc"])
        where = ".".join(str(k) for k in loc) or "file"
        found.append(Issue("format", f"{where}: {e['msg']}", _line_of(root, loc)))
    return tuple(found)


def parse_rule_text(text: str, path: str = "<rule>") -> Located:
    """Read a rule file's text; raises ``RuleError`` (with lines) when it is not a rule file."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data: Any = yaml.safe_load(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        line = mark.line + 1 if mark else None
        issue = Issue("yaml", f"not valid YAML: {err.problem}", line)
        raise RuleError(f"{path}: {issue}", (issue,)) from err
    try:
        doc = RuleFileDoc.model_validate(data)
    except ValidationError as err:
        issues = _issues(err, root)
        raise RuleError(f"{path}: " + "; ".join(map(str, issues)), issues) from err
    lines = text.splitlines()
    spans = {}
    for i, v in enumerate(doc.versions):
        span = _span(_child(_child(_child(root, "versions"), i), "expression"), lines)
        if span is not None:
            spans[v.version] = span
    history = RuleHistory(doc.id, tuple(_rule(doc, v) for v in doc.versions))
    return Located(path, history, spans)


def load_rule_file(path: Path) -> Located:
    """Read one rule file; raises ``RuleError`` when it cannot be read or is malformed."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise RuleError(f"{path}: cannot read the file: {err.strerror}") from err
    located = parse_rule_text(text, str(path))
    if path.stem != located.history.id:
        issue = Issue(
            "file-name", f"the file name {path.name} does not match id {located.history.id}"
        )
        raise RuleError(f"{path}: {issue}", (issue,))
    return located


def rule_files(directory: Path) -> list[Path]:
    """The rule files of a directory (``*.yaml``, ``*.yml``; not sub-folders), sorted."""
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in RULE_SUFFIXES)


def current_rule(path: Path, on: dt.date) -> Rule | None:
    """The version of the rule in ``path`` current on ``on`` (``None`` before its first)."""
    return load_rule_file(path).history.as_of(on)


def rule_history(path: Path) -> tuple[Rule, ...]:
    """Every version of the rule in ``path``, oldest first."""
    return load_rule_file(path).history.versions
