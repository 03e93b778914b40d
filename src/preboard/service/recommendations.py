"""No-board recommendations: made by a named officer with a reason, only on a traveller with
at least one confirmed hit (DOMAIN.md §4.1), approved by a supervisor where the two-person
rule is on, delivered to the carrier (``carrier.py``), and withdrawn with a reason.

    pending_approval ──approve──► issued ──carrier reads──► delivered ──ack──► acknowledged
          └───────────────┴──────────────┴──── withdraw (with a reason) ───► withdrawn

Every step is audited in its own transaction together with the change. Issuing and
withdrawing (once the carrier could know of it) also queue the carrier's webhook, where it
has one (``webhooks.py``), in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.service.errors import ConflictError, InvalidValueError
from preboard.service.guards import ACTIVE, active_recommendation, confirmed_hits, person_id
from preboard.service.policy import REQUIRE_APPROVAL, setting
from preboard.service.trail import record
from preboard.service.transitions import MAX_REASON
from preboard.service.views import RecommendationView, recommendation_view
from preboard.service.webhooks import ISSUED, WITHDRAWN, enqueue
from preboard.storage import Database, RecommendationKind, RecommendationStatus
from preboard.storage.tables import FlightRow, RecommendationRow, TravellerRow
from preboard.users import Principal, now_utc

__all__ = ["approve", "list_recommendations", "recommend", "withdraw"]


def _reason(reason: str, what: str) -> str:
    text = reason.strip()
    if not text or len(text) > MAX_REASON:
        raise InvalidValueError(f"{what} needs a reason of 1 to {MAX_REASON} characters")
    return text


def recommend(
    database: Database, principal: Principal, traveller_id: int, kind: str, reason: str
) -> RecommendationView:
    """Make a recommendation on the traveller. ``ConflictError`` (409) when the traveller has
    no confirmed hit or already has a standing recommendation."""
    officer = person_id(principal)
    text = _reason(reason, "a recommendation")
    try:
        what = RecommendationKind(kind)
    except ValueError:
        raise InvalidValueError(f"unknown recommendation kind {kind!r}") from None
    with database.write() as session:
        traveller = session.get(TravellerRow, traveller_id)
        if traveller is None:
            raise NotFoundError(f"no traveller {traveller_id}")
        if not confirmed_hits(session, traveller_id):
            raise ConflictError(
                "no recommendation without a confirmed hit: a person must first confirm one",
                {"traveller": traveller_id},
            )
        if (standing := active_recommendation(session, traveller_id)) is not None:
            raise ConflictError("a recommendation already stands", {"recommendation": standing.id})
        flight = session.get(FlightRow, traveller.flight_id)
        assert flight is not None
        now = now_utc()
        two_person = setting(session, REQUIRE_APPROVAL) is True
        row = RecommendationRow(
            traveller_id=traveller_id, carrier=flight.carrier, kind=what, reason=text,
            officer_id=officer, created_at=now, issued_at=None if two_person else now,
            status=RecommendationStatus.PENDING_APPROVAL if two_person
            else RecommendationStatus.ISSUED,
        )  # fmt: skip
        session.add(row)
        session.flush()
        record(session, principal, "recommendation.create", f"recommendation:{row.id}",
               kind=what, status=row.status, reason=text, flight=flight.id,
               traveller=traveller_id)  # fmt: skip
        if row.issued_at is not None:
            enqueue(session, principal, row, ISSUED, flight.id)
        return recommendation_view(row)


def _standing(session: Session, recommendation_id: int) -> RecommendationRow:
    row = session.get(RecommendationRow, recommendation_id)
    if row is None:
        raise NotFoundError(f"no recommendation {recommendation_id}")
    return row


def _flight_of(row: RecommendationRow, session: Session) -> int | None:
    traveller = session.get(TravellerRow, row.traveller_id)
    return traveller.flight_id if traveller is not None else None


def approve(database: Database, principal: Principal, recommendation_id: int) -> RecommendationView:
    """A supervisor's approval: the recommendation is issued to the carrier. The officer who
    made it cannot approve it (two persons)."""
    supervisor = person_id(principal)
    with database.write() as session:
        row = _standing(session, recommendation_id)
        if row.status is not RecommendationStatus.PENDING_APPROVAL:
            raise ConflictError(f"the recommendation is {row.status.value}, not awaiting approval")
        if row.officer_id == supervisor:
            raise ConflictError("a second person must approve: not the officer who made it")
        now = now_utc()
        row.status, row.supervisor_id = RecommendationStatus.ISSUED, supervisor
        row.approved_at = row.issued_at = now
        session.flush()
        flight = _flight_of(row, session)
        record(session, principal, "recommendation.approve", f"recommendation:{row.id}",
               flight=flight, traveller=row.traveller_id)  # fmt: skip
        enqueue(session, principal, row, ISSUED, flight)
        return recommendation_view(row)


def withdraw(
    database: Database, principal: Principal, recommendation_id: int, reason: str
) -> RecommendationView:
    """Withdraw a standing recommendation; the carrier sees the withdrawal on its next read."""
    user = person_id(principal)
    text = _reason(reason, "a withdrawal")
    with database.write() as session:
        row = _standing(session, recommendation_id)
        if row.status not in ACTIVE:
            raise ConflictError(f"the recommendation is {row.status.value} already")
        row.status, row.withdrawn_at = RecommendationStatus.WITHDRAWN, now_utc()
        row.withdrawn_by, row.withdrawal_reason = user, text
        session.flush()
        flight = _flight_of(row, session)
        record(session, principal, "recommendation.withdraw", f"recommendation:{row.id}",
               reason=text, flight=flight, traveller=row.traveller_id)  # fmt: skip
        if row.issued_at is not None:  # the carrier could know of it: tell it of the withdrawal
            enqueue(session, principal, row, WITHDRAWN, flight)
        return recommendation_view(row)


def list_recommendations(
    database: Database, principal: Principal, status: str | None = None
) -> list[RecommendationView]:
    """Recommendations, newest first, optionally in one status; the read is audited."""
    stmt = select(RecommendationRow).order_by(RecommendationRow.id.desc())
    if status:
        try:
            stmt = stmt.where(RecommendationRow.status == RecommendationStatus(status))
        except ValueError:
            raise InvalidValueError(f"no recommendation status {status!r}") from None
    with database.write() as session:
        rows = [recommendation_view(r) for r in session.scalars(stmt)]
        record(session, principal, "recommendations.list", "recommendations", status=status,
               results=len(rows))  # fmt: skip
        return rows
