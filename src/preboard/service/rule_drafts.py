"""Proposed rule versions (drafts): what an analyst typed, checked by the linter, and kept as a
file until a supervisor releases or rejects it.

``check_draft`` validates the form's values as a rule version (``VersionDoc``: severity,
weight 0 to 1, dates, validity window) and runs the linter on it; expression refusals carry
their line and column *within the expression*, so the form can show them beside it. A draft
is stored only when the check passes. ``DraftStore`` keeps one JSON file per draft under
``data_dir/rule-drafts``; a draft's ``base_version`` is the rule's latest version when it was
written (0 for a new rule), so a release can refuse a draft overtaken by another release.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from preboard.errors import NotFoundError
from preboard.model.findings import FindingSeverity
from preboard.rules.context import CONTEXT_VERSION
from preboard.rules.files import VersionDoc
from preboard.rules.lint import refusals
from preboard.rules.model import ExpressionSpan, Issue, Rule

__all__ = [
    "FIELDS", "Draft", "DraftCheck", "DraftStore", "as_rule", "check_draft", "version_doc",
]  # fmt: skip

FIELDS = (
    "title", "purpose", "owner", "severity", "weight", "valid_from", "valid_to", "review_date",
    "expression", "reason",
)  # fmt: skip
"""The form's fields, all text, as ``Draft.values`` keeps them."""
_AT_START = ExpressionSpan(1, 1, True, True)  # positions within the expression itself
_DRAFT_ID = re.compile(r"^[0-9a-f]{12}$")


@dataclass(frozen=True, slots=True)
class DraftCheck:
    """What is wrong with a proposed version: ``errors`` by form field, ``issues`` the
    linter's refusals (line and column within the expression)."""

    errors: dict[str, str] = field(default_factory=dict)
    issues: tuple[Issue, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.errors or self.issues)


@dataclass(frozen=True, slots=True)
class Draft:
    """A proposed version of ``rule_id`` and what became of it (``pending``, ``released``,
    ``rejected``)."""

    id: str
    rule_id: str
    base_version: int
    author: str
    author_id: int | None
    created_at: dt.datetime
    values: dict[str, str]
    status: str = "pending"
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    note: str = ""
    released_version: int | None = None

    @property
    def pending(self) -> bool:
        return self.status == "pending"


def version_doc(values: dict[str, str], number: int, on: dt.date, author: str) -> VersionDoc:
    """The form's values as version ``number`` released on ``on``; raises pydantic's
    ``ValidationError`` when a value does not fit."""
    data: dict[str, Any] = {k: values.get(k, "").strip() for k in FIELDS}
    data["expression"] = values.get("expression", "")
    for key in ("valid_to", "review_date"):
        data[key] = data[key] or None
    return VersionDoc.model_validate({**data, "version": number, "date": on, "author": author})


def as_rule(rule_id: str, doc: VersionDoc) -> Rule:
    """The version as the core's ``Rule`` (for the linter and back-tests)."""
    return Rule(rule_id, doc.version, doc.date, doc.author, doc.reason, doc.title.strip(),
                doc.purpose.strip(), doc.owner.strip(), doc.severity, doc.weight,
                doc.valid_from, doc.valid_to, doc.review_date, doc.expression,
                CONTEXT_VERSION)  # fmt: skip


def _probe(rule_id: str, doc: VersionDoc | None, values: dict[str, str]) -> Rule:
    """A rule to lint: the version when it is valid, else its expression with neutral facts."""
    if doc is not None:
        return as_rule(rule_id, doc)
    today = dt.date.today()
    return Rule(rule_id, 1, today, "-", "-", "-", "-", "-", FindingSeverity.INFO, 0.0, today,
                None, today, values.get("expression", ""), CONTEXT_VERSION)  # fmt: skip


def check_draft(rule_id: str, values: dict[str, str], number: int, author: str) -> DraftCheck:
    """Validate and lint the form's values as version ``number`` of ``rule_id``."""
    errors: dict[str, str] = {}
    doc: VersionDoc | None = None
    try:
        doc = version_doc(values, number, dt.date.today(), author)
    except ValidationError as err:
        for e in err.errors():
            name = str(e["loc"][0]) if e["loc"] else "form"
            errors.setdefault(name if name in FIELDS else "form", e["msg"])
    if not values.get("expression", "").strip():
        errors["expression"] = "an expression is required"
        return DraftCheck(errors)
    issues = refusals(_probe(rule_id, doc, values), _AT_START)
    return DraftCheck(errors, tuple(i for i in issues if doc is not None or i.line is not None))


def _load(path: Path) -> Draft:
    raw = json.loads(path.read_text(encoding="utf-8"))
    for key in ("created_at", "decided_at"):
        raw[key] = dt.datetime.fromisoformat(raw[key]) if raw.get(key) else None
    return Draft(**raw)


class DraftStore:
    """Drafts as JSON files, one per draft, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def save(self, draft: Draft) -> None:
        """Write ``draft`` (a new one, or a decided one over its pending self)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        raw = dataclasses.asdict(draft)
        for key in ("created_at", "decided_at"):
            raw[key] = raw[key].isoformat() if raw[key] else None
        path = self.folder / f"{draft.id}.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(raw, ensure_ascii=False, indent=2), encoding="utf-8")
        temporary.replace(path)

    def get(self, draft_id: str) -> Draft:
        """One draft; ``NotFoundError`` when there is none with that id."""
        path = self.folder / f"{draft_id}.json"
        if not _DRAFT_ID.match(draft_id) or not path.is_file():
            raise NotFoundError(f"there is no rule draft {draft_id}")
        return _load(path)

    def all(self, rule_id: str | None = None) -> list[Draft]:
        """Every draft (of one rule), newest first."""
        if not self.folder.is_dir():
            return []
        found = [_load(p) for p in self.folder.glob("*.json")]
        found = [d for d in found if rule_id is None or d.rule_id == rule_id]
        return sorted(found, key=lambda d: d.created_at, reverse=True)
