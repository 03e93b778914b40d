"""What a carrier's token sees: the recommendations on its own flights, and acknowledging them.

A carrier sees a recommendation once it is issued (after approval, where that is needed), and
keeps seeing it after a withdrawal, marked withdrawn, so it learns of the withdrawal too. Its
first read delivers it (``issued`` → ``delivered``). Acknowledging a standing recommendation
marks it ``acknowledged``; acknowledging a withdrawn one records that the carrier has taken
the withdrawal in (``withdrawal_acknowledged_at``/``_by``), so officers know the traveller may
board again. The carrier is told who, on which flight,
and what is recommended, never the officer's reasons. A recommendation of another carrier is
"not found", so a carrier cannot learn that it exists. Reads and acknowledgements are audited
(each delivery and acknowledgement with its flight and traveller).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.service.errors import AccessDeniedError
from preboard.service.trail import record
from preboard.storage import Database, RecommendationStatus
from preboard.storage.tables import FlightRow, RecommendationRow, TravellerRow
from preboard.users import Principal, now_utc

__all__ = ["CarrierNotice", "acknowledge", "carrier_recommendations"]


@dataclass(frozen=True, slots=True)
class CarrierNotice:
    """A recommendation as its carrier receives it."""

    id: int
    kind: str
    status: str
    carrier: str
    flight_number: str
    flight_date: dt.date | None
    origin: str | None
    destination: str | None
    departure: dt.datetime | None
    surname: str
    given_names: str
    birth_date: str | None
    record_locator: str | None
    issued_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    withdrawn: bool
    withdrawn_at: dt.datetime | None
    withdrawal_acknowledged_at: dt.datetime | None = None


def _carrier(principal: Principal) -> str:
    if not principal.carrier:
        raise AccessDeniedError("only a carrier's token reads carrier recommendations")
    return principal.carrier


def _notice(row: RecommendationRow, traveller: TravellerRow, flight: FlightRow) -> CarrierNotice:
    return CarrierNotice(
        row.id, row.kind.value, row.status.value, flight.carrier, flight.number, flight.date,
        flight.origin, flight.destination, flight.departure, traveller.surname,
        traveller.given_names, traveller.data.get("birth_date"), traveller.record_locator,
        row.issued_at, row.acknowledged_at, row.status is RecommendationStatus.WITHDRAWN,
        row.withdrawn_at, row.withdrawal_acknowledged_at,
    )  # fmt: skip


def _rows(
    session: Session, carrier: str, only: int | None = None
) -> list[tuple[RecommendationRow, TravellerRow, FlightRow]]:
    stmt = (
        select(RecommendationRow, TravellerRow, FlightRow)
        .join(TravellerRow, TravellerRow.id == RecommendationRow.traveller_id)
        .join(FlightRow, FlightRow.id == TravellerRow.flight_id)
        .where(RecommendationRow.carrier == carrier, FlightRow.carrier == carrier)
        .where(RecommendationRow.issued_at.is_not(None))
        .order_by(FlightRow.departure, RecommendationRow.id)
    )
    if only is not None:
        stmt = stmt.where(RecommendationRow.id == only)
    return [(r, t, f) for r, t, f in session.execute(stmt)]


def carrier_recommendations(database: Database, principal: Principal) -> list[CarrierNotice]:
    """The recommendations on the carrier's flights; reading delivers those just issued."""
    carrier = _carrier(principal)
    now = now_utc()
    with database.write() as session:
        found = _rows(session, carrier)
        for row, traveller, flight in found:
            if row.status is RecommendationStatus.ISSUED:
                row.status, row.delivered_at = RecommendationStatus.DELIVERED, now
                record(session, principal, "recommendation.deliver", f"recommendation:{row.id}",
                       flight=flight.id, traveller=traveller.id)  # fmt: skip
        session.flush()
        record(session, principal, "carrier.recommendations.read", f"carrier:{carrier}",
               results=len(found))  # fmt: skip
        return [_notice(r, t, f) for r, t, f in found]


def acknowledge(database: Database, principal: Principal, recommendation_id: int) -> CarrierNotice:
    """The carrier confirms it has received the recommendation (issued or delivered) or, once
    withdrawn, the withdrawal; acknowledging again changes nothing."""
    carrier = _carrier(principal)
    with database.write() as session:
        found = _rows(session, carrier, only=recommendation_id)
        if not found:
            raise NotFoundError(f"no recommendation {recommendation_id} for carrier {carrier}")
        row, traveller, flight = found[0]
        if row.status is RecommendationStatus.WITHDRAWN:
            if row.withdrawal_acknowledged_at is None:
                row.withdrawal_acknowledged_at = now_utc()
                row.withdrawal_acknowledged_by = principal.name[:100]
                session.flush()
                record(session, principal, "recommendation.withdrawal.acknowledge",
                       f"recommendation:{row.id}", flight=flight.id,
                       traveller=traveller.id)  # fmt: skip
        elif row.status is not RecommendationStatus.ACKNOWLEDGED:
            now = now_utc()
            row.delivered_at = row.delivered_at or now
            row.status, row.acknowledged_at = RecommendationStatus.ACKNOWLEDGED, now
            row.acknowledged_by = principal.name[:100]
            session.flush()
            record(session, principal, "recommendation.acknowledge", f"recommendation:{row.id}",
                   flight=flight.id, traveller=traveller.id)  # fmt: skip
        return _notice(row, traveller, flight)
