"""The rules pages: the rules in force, a rule's versions, proposing a version, reviewing
drafts, back-tests.

Who may do what (DOMAIN.md §1 and §4.3): analysts write and test pre-determined criteria, so
they propose versions (drafts) and back-test; a supervisor, who is never the draft's author,
releases or rejects a draft, and may back-test it first; officers, supervisors, analysts and
auditors (who read rule reviews) read rules, versions and drafts. Nothing else changes a rule:
"no self-learning criteria: any change of rules is a versioned, reviewed release". A back-test
changes nothing and is a GET (audited by the service, as it reads stored messages).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from preboard.service.rule_backtest import BacktestRun, backtest_draft, backtest_version
from preboard.service.rule_drafts import FIELDS, DraftCheck, DraftStore
from preboard.service.rule_review import base_version, propose, reject, release
from preboard.service.rulebook import RULE_ID, RuleBook, list_rules, rule_detail
from preboard.users import Principal, Role
from preboard.web.auth import Allow
from preboard.web.deps import DatabaseDep, SettingsDep, SupervisorDep
from preboard.web.session import check_csrf
from preboard.web.ui.forms import Csrf
from preboard.web.ui.render import page

router = APIRouter()
RuleReaderDep = Annotated[
    Principal, Depends(Allow(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST, Role.AUDITOR))
]
AnalystDep = Annotated[Principal, Depends(Allow(Role.ANALYST))]
TesterDep = Annotated[Principal, Depends(Allow(Role.ANALYST, Role.SUPERVISOR))]
Text = Annotated[str, Form(max_length=4000)]
SEVERITIES = ("info", "low", "medium", "high", "critical")


@router.get("/rules", response_class=HTMLResponse)
def rules(principal: RuleReaderDep, request: Request, settings: SettingsDep) -> HTMLResponse:
    """Every rule: version in force, severity, weight, validity, review date, status."""
    book = RuleBook.of(settings)
    rows = list_rules(book, dt.date.today())
    drafts = [d for d in DraftStore(book.drafts).all() if d.pending]
    return page(request, "rules.html", rows=rows, drafts=drafts, principal=principal,
                configured=book.rules is not None)  # fmt: skip


@router.get("/rules/new", response_class=HTMLResponse)
def new_rule(principal: AnalystDep, request: Request, settings: SettingsDep) -> HTMLResponse:
    """The form for the first version of a new rule."""
    RuleBook.of(settings).folder()
    values = {"severity": "medium", "weight": "0.5", "valid_from": dt.date.today().isoformat()}
    return _form(request, principal, "", values, DraftCheck(), new=True)


@router.get("/rules/{rule_id}", response_class=HTMLResponse)
def rule(
    principal: RuleReaderDep, request: Request, settings: SettingsDep, rule_id: str
) -> HTMLResponse:
    """A rule's versions (newest first, with their expressions) and its drafts."""
    book = RuleBook.of(settings)
    detail = rule_detail(book, rule_id, dt.date.today())
    drafts = DraftStore(book.drafts).all(rule_id)
    return page(request, "rule.html", r=detail, drafts=drafts, principal=principal)


def _form(
    request: Request, principal: Principal, rule_id: str, values: dict[str, str],
    check: DraftCheck, status: int = 200, *, new: bool = False,
) -> HTMLResponse:  # fmt: skip
    return page(request, "rule_edit.html", status, rule_id=rule_id, values=values, check=check,
                severities=SEVERITIES, principal=principal, new=new)  # fmt: skip


@router.get("/rules/{rule_id}/edit", response_class=HTMLResponse)
def edit_rule(
    principal: AnalystDep, request: Request, settings: SettingsDep, rule_id: str
) -> HTMLResponse:
    """The form for a new version, filled in from the latest one."""
    latest = rule_detail(RuleBook.of(settings), rule_id, dt.date.today()).latest
    values = {
        "title": latest.title, "purpose": latest.purpose, "owner": latest.owner,
        "severity": latest.severity.value, "weight": str(latest.weight),
        "valid_from": latest.valid_from.isoformat(),
        "valid_to": latest.valid_to.isoformat() if latest.valid_to else "",
        "review_date": latest.review_date.isoformat() if latest.review_date else "",
        "expression": latest.expression, "reason": "",
    }  # fmt: skip
    return _form(request, principal, rule_id, values, DraftCheck())


def _new_rule_refusal(book: RuleBook, rule_id: str) -> str | None:
    if not RULE_ID.match(rule_id):
        return "an id like R-FAC-009: capitals and digits in parts joined by '-'"
    if book.path(rule_id).exists():
        return "a rule with this id exists: propose a new version of it instead"
    return None


@router.post("/rules/drafts", response_model=None)
def propose_draft(
    principal: AnalystDep, request: Request, database: DatabaseDep, settings: SettingsDep,
    rule_id: Annotated[str, Form(max_length=64)], title: Text, severity: Text, weight: Text,
    valid_from: Text, expression: Text, reason: Text, csrf: Csrf, purpose: Text = "",
    owner: Text = "", valid_to: Text = "", review_date: Text = "",
    new: Annotated[bool, Form()] = False,
) -> HTMLResponse | RedirectResponse:  # fmt: skip
    """Lint the proposed version: refused, the form again with the reasons beside the
    expression (nothing saved, 422); accepted, a pending draft for a supervisor."""
    check_csrf(request, csrf)
    values = dict(zip(FIELDS, (title, purpose, owner, severity, weight, valid_from, valid_to,
                               review_date, expression, reason), strict=True))  # fmt: skip
    book, rule_id = RuleBook.of(settings), rule_id.strip()
    refused = _new_rule_refusal(book, rule_id) if new else None
    if refused:
        check = DraftCheck({"rule_id": refused})
        return _form(request, principal, rule_id, values, check, 422, new=True)
    proposal = propose(database, principal, book, rule_id, values)
    if proposal.draft is None:
        return _form(request, principal, rule_id, values, proposal.check, 422, new=new)
    return RedirectResponse(f"/ui/rules/drafts/{proposal.draft.id}", status_code=303)


@router.get("/rules/drafts/{draft_id}", response_class=HTMLResponse)
def draft(
    principal: RuleReaderDep, request: Request, settings: SettingsDep, draft_id: str
) -> HTMLResponse:
    """A draft beside the version it would follow, with the supervisor's forms."""
    book = RuleBook.of(settings)
    found = DraftStore(book.drafts).get(draft_id)
    base = None
    if found.base_version:
        base = rule_detail(book, found.rule_id, dt.date.today()).versions[found.base_version - 1]
    stale = found.pending and base_version(book, found.rule_id) != found.base_version
    return page(request, "rule_draft.html", d=found, base=base, stale=stale, principal=principal)


@router.post("/rules/drafts/{draft_id}/release")
def release_draft(
    principal: SupervisorDep, request: Request, database: DatabaseDep, settings: SettingsDep,
    draft_id: str, csrf: Csrf, note: Text = "",
) -> RedirectResponse:  # fmt: skip
    """Release a draft as the rule's next version (a supervisor, not the author)."""
    check_csrf(request, csrf)
    released = release(database, principal, RuleBook.of(settings), draft_id, note)
    return RedirectResponse(f"/ui/rules/{released.id}#v{released.version}", status_code=303)


@router.post("/rules/drafts/{draft_id}/reject")
def reject_draft(
    principal: SupervisorDep, request: Request, database: DatabaseDep, settings: SettingsDep,
    draft_id: str, csrf: Csrf, reason: Annotated[str, Form(min_length=1, max_length=4000)],
) -> RedirectResponse:  # fmt: skip
    """Close a draft without releasing it, with a reason."""
    check_csrf(request, csrf)
    reject(database, principal, RuleBook.of(settings), draft_id, reason)
    return RedirectResponse(f"/ui/rules/drafts/{draft_id}", status_code=303)


def _backtest(request: Request, principal: Principal, run: BacktestRun, back: str) -> HTMLResponse:
    return page(request, "rule_backtest.html", run=run, back=back, principal=principal)


@router.get("/rules/{rule_id}/backtest", response_class=HTMLResponse)
def backtest_rule(
    principal: TesterDep, request: Request, database: DatabaseDep, settings: SettingsDep,
    rule_id: str, version: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:  # fmt: skip
    """A released version (default the latest) run over the stored messages."""
    run = backtest_version(database, principal, RuleBook.of(settings), rule_id, version)
    return _backtest(request, principal, run, f"/ui/rules/{rule_id}")


@router.get("/rules/drafts/{draft_id}/backtest", response_class=HTMLResponse)
def backtest_rule_draft(
    principal: TesterDep, request: Request, database: DatabaseDep, settings: SettingsDep,
    draft_id: str,
) -> HTMLResponse:  # fmt: skip
    """A draft run over the stored messages, before anyone releases it."""
    run = backtest_draft(database, principal, RuleBook.of(settings), draft_id)
    return _backtest(request, principal, run, f"/ui/rules/drafts/{draft_id}")
