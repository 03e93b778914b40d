"""What a carrier's token reads and acknowledges: recommendations on its own flights."""

from __future__ import annotations

from fastapi import APIRouter

from preboard.service import CarrierNotice, acknowledge, carrier_recommendations
from preboard.web.deps import CarrierDep, DatabaseDep

router = APIRouter(tags=["carrier"])


@router.get("/carrier/recommendations")
def get_carrier_recommendations(
    principal: CarrierDep, database: DatabaseDep
) -> list[CarrierNotice]:
    """Recommendations on this carrier's flights, withdrawn ones included (marked so);
    reading delivers those newly issued."""
    return carrier_recommendations(database, principal)


@router.post("/carrier/recommendations/{recommendation_id}/ack")
def post_ack(principal: CarrierDep, database: DatabaseDep, recommendation_id: int) -> CarrierNotice:
    """Acknowledge a recommendation or, once it is withdrawn, its withdrawal (404 for one
    that is not this carrier's)."""
    return acknowledge(database, principal, recommendation_id)
