"""The review forms beyond confirm and dismiss, and the recommendations page.

On a traveller's page: notes (on the traveller or one of their hits), taking a hit into review,
re-opening a decided one with a reason, a supervisor's approval of a recommendation and a
withdrawal with a reason. ``/ui/recommendations`` lists every recommendation with its state,
or only those awaiting approval (the supervisors' queue).

Each form checks the session's CSRF token, acts through the service (which audits it and
enforces the rules: the officer who made a recommendation cannot approve it) and answers 303.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from preboard.service import (
    NoteInput,
    RecommendationView,
    add_note,
    approve,
    list_recommendations,
    move_hit,
    withdraw,
)
from preboard.storage import Decision
from preboard.web.deps import DatabaseDep, ReviewerDep, SupervisorDep
from preboard.web.session import check_csrf
from preboard.web.ui.forms import Csrf, Reason
from preboard.web.ui.render import page

router = APIRouter()
Back = Annotated[str, Form(pattern="^(traveller|queue|all)$")]
QUEUE = "pending_approval"


def _back(view: RecommendationView, back: str) -> RedirectResponse:
    """Back to the page the form was on: the traveller, or the recommendations page."""
    if back == "queue":
        return RedirectResponse(f"/ui/recommendations?status={QUEUE}", status_code=303)
    if back == "all":
        return RedirectResponse("/ui/recommendations", status_code=303)
    target = f"/ui/travellers/{view.traveller_id}#recommendations"
    return RedirectResponse(target, status_code=303)


@router.post("/travellers/{traveller_id}/notes")
def note(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    traveller_id: int,
    text: Reason,
    csrf: Csrf,
    hit: Annotated[int | None, Form()] = None,
) -> RedirectResponse:
    """Write a note on the traveller, or on one of their hits."""
    check_csrf(request, csrf)
    add_note(database, principal, traveller_id, NoteInput(text, hit))
    return RedirectResponse(f"/ui/travellers/{traveller_id}#notes", status_code=303)


@router.post("/hits/{hit_id}/review")
def take_into_review(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    hit_id: int,
    traveller: Annotated[int, Form()],
    csrf: Csrf,
) -> RedirectResponse:
    """Take a new or re-opened hit into review (no reason needed)."""
    check_csrf(request, csrf)
    move_hit(database, principal, hit_id, Decision.IN_REVIEW, "")
    return RedirectResponse(f"/ui/travellers/{traveller}#hit-{hit_id}", status_code=303)


@router.post("/hits/{hit_id}/reopen")
def reopen(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    hit_id: int,
    reason: Reason,
    traveller: Annotated[int, Form()],
    csrf: Csrf,
) -> RedirectResponse:
    """Re-open a confirmed or dismissed hit with a reason."""
    check_csrf(request, csrf)
    move_hit(database, principal, hit_id, Decision.REOPENED, reason)
    return RedirectResponse(f"/ui/travellers/{traveller}#hit-{hit_id}", status_code=303)


@router.post("/recommendations/{recommendation_id}/approve")
def approval(
    principal: SupervisorDep,
    request: Request,
    database: DatabaseDep,
    recommendation_id: int,
    csrf: Csrf,
    back: Back = "traveller",
) -> RedirectResponse:
    """A supervisor approves a recommendation awaiting approval (not their own)."""
    check_csrf(request, csrf)
    return _back(approve(database, principal, recommendation_id), back)


@router.post("/recommendations/{recommendation_id}/withdraw")
def withdrawal(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    recommendation_id: int,
    reason: Reason,
    csrf: Csrf,
    back: Back = "traveller",
) -> RedirectResponse:
    """Withdraw a standing recommendation with a reason; the carrier is told."""
    check_csrf(request, csrf)
    return _back(withdraw(database, principal, recommendation_id, reason), back)


@router.get("/recommendations", response_class=HTMLResponse)
def recommendations(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    status: Annotated[str | None, Query(max_length=32)] = None,
) -> HTMLResponse:
    """Every recommendation with its state, newest first, or one state (the read is audited)."""
    found = list_recommendations(database, principal, status or None)
    return page(
        request, "recommendations.html", recs=found, chosen=status or "", principal=principal
    )
