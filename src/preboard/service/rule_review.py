"""Changing rules as DOMAIN.md §4.3 asks: "no self-learning criteria: any change of rules is a
versioned, reviewed release".

    proposal = propose(database, analyst, book, "R-FAC-001", values)   # checked, then stored
    rule = release(database, supervisor, book, draft_id, "agreed")      # appended to the file
    reject(database, supervisor, book, draft_id, "too broad")

An analyst proposes a version: the linter checks it and a refused one is not stored (the
``Proposal`` carries the refusals to show). A stored draft is released only by a supervisor
who is not its author: the version is appended to the rule's file (``rules.release``; past
versions are never edited) with the release date and the author as ``author``; the approver,
the draft and the version are in the audit record. A draft overtaken by another release of
the same rule is refused (409): propose again on the new version. Every proposal, release and
rejection is audited in the transaction that commits with it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from preboard.rules.files import load_rule_file
from preboard.rules.model import Rule
from preboard.rules.release import append_version, new_rule_text
from preboard.service.errors import AccessDeniedError, ConflictError, InvalidValueError
from preboard.service.rule_drafts import Draft, DraftCheck, DraftStore, check_draft, version_doc
from preboard.service.rulebook import RuleBook
from preboard.service.trail import record
from preboard.storage import Database
from preboard.users import Principal, Role

__all__ = ["Proposal", "base_version", "propose", "reject", "release"]

_RELEASING = threading.Lock()  # one release at a time in this process


@dataclass(frozen=True, slots=True)
class Proposal:
    """The linter's verdict and, when it passed, the stored draft."""

    check: DraftCheck
    draft: Draft | None = None


def base_version(book: RuleBook, rule_id: str) -> int:
    """The rule's latest version number (0 when the rule has no file yet)."""
    path = book.path(rule_id)
    return load_rule_file(path).history.latest.version if path.is_file() else 0


def propose(
    database: Database, principal: Principal, book: RuleBook, rule_id: str, values: dict[str, str]
) -> Proposal:
    """Check ``values`` as the next version of ``rule_id`` and store it as a pending draft
    when the linter accepts it (audited); a refused one is returned unsaved."""
    base = base_version(book, rule_id)
    check = check_draft(rule_id, values, base + 1, principal.name)
    if not check.ok:
        return Proposal(check)
    now = dt.datetime.now(dt.UTC)
    draft = Draft(secrets.token_hex(6), rule_id, base, principal.actor, principal.user_id, now,
                  dict(values))  # fmt: skip
    with database.write() as session:
        record(session, principal, "rule.draft.propose", f"rule:{rule_id}", draft=draft.id,
               base_version=base, reason=values.get("reason", ""))  # fmt: skip
        DraftStore(book.drafts).save(draft)
    return Proposal(check, draft)


def _reviewer(principal: Principal, draft: Draft) -> None:
    if principal.role is not Role.SUPERVISOR:
        raise AccessDeniedError("only a supervisor may release or reject a rule draft")
    same = principal.actor == draft.author or (
        principal.user_id is not None and principal.user_id == draft.author_id
    )
    if same:
        raise AccessDeniedError("a rule draft is reviewed by someone other than its author")
    if not draft.pending:
        raise ConflictError(f"the draft is already {draft.status}", {"status": draft.status})


def _write(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _released_text(book: RuleBook, draft: Draft, author: str) -> tuple[Path, str]:
    path = book.path(draft.rule_id)
    if base_version(book, draft.rule_id) != draft.base_version:
        raise ConflictError("the rule was released again since this draft was written")
    number = draft.base_version + 1
    check = check_draft(draft.rule_id, draft.values, number, author)
    if not check.ok:
        reasons = "; ".join([*check.errors.values(), *map(str, check.issues)])
        raise ConflictError(f"the draft no longer passes the linter: {reasons}")
    doc = version_doc(draft.values, number, dt.date.today(), author)
    if draft.base_version == 0:
        return path, new_rule_text(draft.rule_id, doc, str(path))
    return path, append_version(path.read_text(encoding="utf-8"), doc, str(path))


def release(
    database: Database, principal: Principal, book: RuleBook, draft_id: str, note: str = ""
) -> Rule:
    """Append the draft to its rule's file as the next version (see the module docstring)."""
    store = DraftStore(book.drafts)
    with _RELEASING:
        draft = store.get(draft_id)
        _reviewer(principal, draft)
        author = draft.author.partition(":")[2] or draft.author
        path, text = _released_text(book, draft, author)
        number = draft.base_version + 1
        decided = dataclasses.replace(
            draft, status="released", decided_by=principal.actor,
            decided_at=dt.datetime.now(dt.UTC), note=note.strip(), released_version=number,
        )  # fmt: skip
        with database.write() as session:
            record(session, principal, "rule.release", f"rule:{draft.rule_id}", draft=draft.id,
                   version=number, author=draft.author, note=note.strip() or None)  # fmt: skip
            _write(path, text)
            store.save(decided)
    return load_rule_file(path).history.latest


def reject(
    database: Database, principal: Principal, book: RuleBook, draft_id: str, reason: str
) -> Draft:
    """Close a pending draft without releasing it, with a reason (audited)."""
    reason = reason.strip()
    if not reason:
        raise InvalidValueError("a rejection needs a reason")
    store = DraftStore(book.drafts)
    with _RELEASING:
        draft = store.get(draft_id)
        _reviewer(principal, draft)
        now = dt.datetime.now(dt.UTC)
        decided = dataclasses.replace(
            draft, status="rejected", decided_by=principal.actor, decided_at=now, note=reason
        )
        with database.write() as session:
            record(session, principal, "rule.draft.reject", f"rule:{draft.rule_id}",
                   draft=draft.id, reason=reason)  # fmt: skip
            store.save(decided)
    return decided
