"""Review of a hit: take it into review, decide, re-open."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from preboard.service import FindingView, move_hit
from preboard.storage import Decision
from preboard.web.deps import DatabaseDep, ReviewerDep
from preboard.web.schemas import DecisionIn, ReasonIn

router = APIRouter(tags=["review"])
_STATE: dict[int | str, dict[str, Any]] = {
    409: {"description": "the hit is not in a state that allows this"}
}


@router.post("/hits/{hit_id}/review", responses=_STATE)
def post_review(principal: ReviewerDep, database: DatabaseDep, hit_id: int) -> FindingView:
    """Take a new or re-opened hit into review."""
    return move_hit(database, principal, hit_id, Decision.IN_REVIEW, "")


@router.post("/hits/{hit_id}/decision", responses=_STATE)
def post_decision(
    principal: ReviewerDep, database: DatabaseDep, hit_id: int, body: DecisionIn
) -> FindingView:
    """Confirm or dismiss the hit, with a reason."""
    return move_hit(database, principal, hit_id, Decision(body.decision), body.reason)


@router.post("/hits/{hit_id}/reopen", responses=_STATE)
def post_reopen(
    principal: ReviewerDep, database: DatabaseDep, hit_id: int, body: ReasonIn
) -> FindingView:
    """Re-open a confirmed or dismissed hit, with a reason."""
    return move_hit(database, principal, hit_id, Decision.REOPENED, body.reason)
