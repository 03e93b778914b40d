"""One traveller as an officer reviews them: API and PNR data side by side, every finding
with its explanation and decisions, notes and recommendations. Each view is audited.

The stored ``data`` is the traveller screening assessed: their API record when the API list
names them, else their booked record. The PNR side is the matching traveller of their booking
(same names), shown with the booking itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.service.reads import flight_views
from preboard.service.trail import audit_read
from preboard.service.views import (
    DecisionView,
    FindingView,
    FlightView,
    NoteView,
    RecommendationView,
    decision_view,
    finding_view,
    note_view,
    recommendation_view,
)
from preboard.storage import Database
from preboard.storage.tables import (
    DecisionRow,
    FlightRow,
    HitRow,
    NoteRow,
    RecommendationRow,
    TravellerRow,
    UserRow,
)
from preboard.users import Principal

__all__ = ["PnrSide", "TravellerView", "view_traveller"]


@dataclass(frozen=True, slots=True)
class PnrSide:
    """The booking a traveller is on, and their own record in it."""

    traveller: dict[str, Any] | None
    booking: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class TravellerView:
    """Everything an officer needs to decide on a traveller's hits."""

    id: int
    flight: FlightView
    role: str
    surname: str
    given_names: str
    record_locator: str | None
    priority: float
    api: dict[str, Any] | None
    pnr: PnrSide
    findings: list[FindingView]
    decisions: list[DecisionView]
    notes: list[NoteView]
    recommendations: list[RecommendationView]


def _fold(value: Any) -> str:
    return " ".join(str(value or "").upper().split())


def _sides(data: dict[str, Any], booking: dict[str, Any] | None) -> tuple[Any, PnrSide]:
    booked = list(booking.get("travellers", [])) if booking else []
    if data in booked:  # assessed from the booking: no API record yet
        return None, PnrSide(data, booking)
    names = (_fold(data.get("surname")), _fold(data.get("given_names")))
    same = [t for t in booked if (_fold(t.get("surname")), _fold(t.get("given_names"))) == names]
    return data, PnrSide(same[0] if len(same) == 1 else None, booking)


def _hits(session: Session, traveller_id: int) -> list[HitRow]:
    stmt = select(HitRow).where(HitRow.traveller_id == traveller_id)
    return list(session.scalars(stmt.order_by(HitRow.score.desc(), HitRow.id)))


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    stmt = select(UserRow.id, UserRow.name).where(UserRow.id.in_(sorted(ids)))
    return {row.id: row.name for row in session.execute(stmt)}


def _review(session: Session, row: TravellerRow, hits: list[HitRow]) -> dict[str, list[Any]]:
    decisions = select(DecisionRow).where(DecisionRow.hit_id.in_([h.id for h in hits]))
    notes = select(NoteRow).where(NoteRow.traveller_id == row.id)
    recs = select(RecommendationRow).where(RecommendationRow.traveller_id == row.id)
    found = list(session.scalars(decisions.order_by(DecisionRow.id)))
    written = list(session.scalars(notes.order_by(NoteRow.id)))
    names = _names(session, {d.user_id for d in found} | {n.user_id for n in written})
    return {
        "decisions": [decision_view(d, names) for d in found],
        "notes": [note_view(n, names) for n in written],
        "recommendations": [
            recommendation_view(r) for r in session.scalars(recs.order_by(RecommendationRow.id))
        ],
    }


def view_traveller(database: Database, principal: Principal, traveller_id: int) -> TravellerView:
    """The traveller with id ``traveller_id`` (``NotFoundError`` when none); audited."""
    with database.session() as session:
        row = session.get(TravellerRow, traveller_id)
        if row is None:
            raise NotFoundError(f"no traveller {traveller_id}")
        flight = session.get(FlightRow, row.flight_id)
        assert flight is not None
        hits = _hits(session, row.id)
        api, pnr = _sides(dict(row.data), row.booking)
        review = _review(session, row, hits)
        view = TravellerView(
            row.id, flight_views(session, [flight])[0], row.role, row.surname, row.given_names,
            row.record_locator, row.priority, api, pnr,
            [finding_view(h, detail=True) for h in hits], **review,
        )  # fmt: skip
    audit_read(database, principal, "traveller.view", f"traveller:{view.id}",
               flight=view.flight.id, traveller=view.id)  # fmt: skip
    return view
