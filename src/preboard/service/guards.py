"""Checks several service functions share: who is a named person, what stands already."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from preboard.service.errors import AccessDeniedError
from preboard.storage import HitStatus, RecommendationStatus
from preboard.storage.tables import HitRow, RecommendationRow
from preboard.users import Principal

__all__ = ["ACTIVE", "active_recommendation", "confirmed_hits", "person_id"]

ACTIVE = (
    RecommendationStatus.PENDING_APPROVAL,
    RecommendationStatus.ISSUED,
    RecommendationStatus.DELIVERED,
    RecommendationStatus.ACKNOWLEDGED,
)
"""The states of a recommendation that stands (not withdrawn)."""


def person_id(principal: Principal) -> int:
    """The user id of a named person; ``AccessDeniedError`` for a machine token."""
    if principal.user_id is None:
        raise AccessDeniedError("only a named person can do this")
    return principal.user_id


def active_recommendation(session: Session, traveller_id: int) -> RecommendationRow | None:
    """The traveller's standing recommendation, if any."""
    stmt = select(RecommendationRow).where(
        RecommendationRow.traveller_id == traveller_id, RecommendationRow.status.in_(ACTIVE)
    )
    return session.scalar(stmt.limit(1))


def confirmed_hits(session: Session, traveller_id: int, *, besides: int | None = None) -> int:
    """How many of the traveller's hits stand confirmed (leaving out hit ``besides``)."""
    stmt = select(func.count(HitRow.id)).where(
        HitRow.traveller_id == traveller_id, HitRow.status == HitStatus.CONFIRMED
    )
    if besides is not None:
        stmt = stmt.where(HitRow.id != besides)
    return session.scalar(stmt) or 0
