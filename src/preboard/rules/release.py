"""Releasing a version of a rule: the rule file's text with one version appended at its end.

    text = append_version(path.read_text(), doc)          # doc: a VersionDoc numbered n + 1
    text = new_rule_text("R-FAC-009", doc)                 # the first version of a new rule

A release never edits a past version: the new text is the old text, byte for byte, followed
by the new entry (indented like the entries before it; the expression as a ``|`` block so the
linter's line numbers stay exact). The result is read back with ``parse_rule_text``: when an
earlier version no longer reads exactly as before, or the new one is not the one intended
(a file whose ``versions`` list is not its last key, a flow-style list), ``RuleError``.
"""

from __future__ import annotations

import json
import textwrap

import yaml

from preboard.rules.context import CONTEXT_VERSION
from preboard.rules.files import VersionDoc, parse_rule_text
from preboard.rules.model import Issue, Located, RuleError

__all__ = ["append_version", "new_rule_text", "normal_expression"]

_KEYS = (
    "version", "date", "author", "reason", "title", "purpose", "owner", "severity", "weight",
    "valid_from", "valid_to", "review_date",
)  # fmt: skip


def normal_expression(expression: str) -> str:
    """The expression as a release writes it: dedented, trailing blanks removed, one final
    newline (what a ``|`` block reads back as)."""
    lines = textwrap.dedent(expression.replace("\r\n", "\n")).strip("\n").splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _entry(doc: VersionDoc, dash: int, key: int) -> str:
    values = doc.model_dump()
    lines = [" " * dash + "-" + " " * (key - dash - 1) + f"version: {doc.version}"]
    lines += [" " * key + f"{k}: {_scalar(values[k])}" for k in _KEYS[1:]]
    lines.append(" " * key + "expression: |")
    body = normal_expression(doc.expression).splitlines()
    lines += [" " * (key + 2) + line if line else "" for line in body]
    return "\n".join(lines) + "\n"


def _columns(text: str) -> tuple[int, int]:
    """Columns of the dash and of the keys of the existing version entries."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    pairs = root.value if isinstance(root, yaml.MappingNode) else []
    node = next((v for k, v in pairs if k.value == "versions"), None)
    if not isinstance(node, yaml.SequenceNode) or node.flow_style or not node.value:
        raise RuleError("the rule file's versions are not a block list: cannot append")
    mark = node.value[-1].start_mark
    line = text.splitlines()[mark.line]
    dash = line.rfind("-", 0, mark.column)
    if dash < 0:
        raise RuleError("cannot find where the last version entry starts")
    return dash, mark.column


def _check(before: Located | None, after: Located, doc: VersionDoc) -> None:
    old = before.history.versions if before else ()
    new = after.history.versions
    latest = new[-1]
    same = new[:-1] == old and latest.version == doc.version
    if not (same and latest.expression == normal_expression(doc.expression)):
        issue = Issue("release", "the file does not read back as its old versions plus one")
        raise RuleError(f"{after.path}: {issue}", (issue,))


def append_version(text: str, doc: VersionDoc, path: str = "<rule>") -> str:
    """``text`` with ``doc`` appended as its next version; raises ``RuleError`` when the file
    cannot take it (see the module docstring) or ``doc`` is not numbered next."""
    before = parse_rule_text(text, path)
    if doc.version != before.history.latest.version + 1:
        raise RuleError(f"{path}: the next version is {before.history.latest.version + 1}")
    base = text if text.endswith("\n") else text + "\n"
    dash, key = _columns(base)
    after = parse_rule_text(base + _entry(doc, dash, key), path)
    _check(before, after, doc)
    return base + _entry(doc, dash, key)


def new_rule_text(rule_id: str, doc: VersionDoc, path: str = "<rule>") -> str:
    """The file of a new rule whose first version is ``doc``; raises ``RuleError`` when the id
    is not a rule id or the file would not read back."""
    head = f"id: {rule_id}\ncontext_version: {_scalar(CONTEXT_VERSION)}\nversions:\n"
    text = head + _entry(doc, 2, 4)
    _check(None, parse_rule_text(text, path), doc)
    return text
