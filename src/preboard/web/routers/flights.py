"""The departures board and a flight's worklist."""

from __future__ import annotations

from fastapi import APIRouter

from preboard.service import FlightView, Worklist, flight_worklist, list_flights
from preboard.web.deps import DatabaseDep, ReviewerDep

router = APIRouter(tags=["flights"])


@router.get("/flights")
def get_flights(_principal: ReviewerDep, database: DatabaseDep) -> list[FlightView]:
    """Every flight by departure time, with its travellers and hits counted by status."""
    return list_flights(database)


@router.get("/flights/{flight_id}/worklist")
def get_worklist(principal: ReviewerDep, database: DatabaseDep, flight_id: int) -> Worklist:
    """The flight's travellers, highest priority first, each with their findings."""
    return flight_worklist(database, principal, flight_id)
