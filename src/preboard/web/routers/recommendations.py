"""Recommendations as officers and supervisors handle them: list, approve, withdraw."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from preboard.service import RecommendationView, approve, list_recommendations, withdraw
from preboard.web.deps import DatabaseDep, ReviewerDep, SupervisorDep
from preboard.web.schemas import ReasonIn

router = APIRouter(tags=["recommendations"])
_STATE: dict[int | str, dict[str, Any]] = {
    409: {"description": "the recommendation is not in a state that allows this"}
}


@router.get("/recommendations")
def get_recommendations(
    principal: ReviewerDep,
    database: DatabaseDep,
    status: Annotated[str | None, Query(description="e.g. pending_approval")] = None,
) -> list[RecommendationView]:
    """Recommendations, newest first."""
    return list_recommendations(database, principal, status)


@router.post("/recommendations/{recommendation_id}/approve", responses=_STATE)
def post_approve(
    principal: SupervisorDep, database: DatabaseDep, recommendation_id: int
) -> RecommendationView:
    """A supervisor's approval (not the officer who made it): issued to the carrier."""
    return approve(database, principal, recommendation_id)


@router.post("/recommendations/{recommendation_id}/withdraw", responses=_STATE)
def post_withdraw(
    principal: ReviewerDep, database: DatabaseDep, recommendation_id: int, body: ReasonIn
) -> RecommendationView:
    """Withdraw a standing recommendation, with a reason; the carrier sees the withdrawal."""
    return withdraw(database, principal, recommendation_id, body.reason)
