"""Travellers: search, the traveller page's data, notes and recommendations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from preboard.service import (
    NoteInput,
    NoteView,
    RecommendationView,
    TravellerItem,
    TravellerView,
    add_note,
    recommend,
    search_travellers,
    view_traveller,
)
from preboard.web.deps import DatabaseDep, ReviewerDep
from preboard.web.schemas import NoteIn, RecommendationIn

router = APIRouter(tags=["travellers"])


@router.get("/travellers")
def search(
    principal: ReviewerDep,
    database: DatabaseDep,
    name: Annotated[str, Query(max_length=100, description="surname starts with")] = "",
    locator: Annotated[str, Query(max_length=16, description="PNR record locator")] = "",
) -> list[TravellerItem]:
    """Find travellers by surname or booking (at most 100); the search is audited."""
    return search_travellers(database, principal, name, locator)


@router.get("/travellers/{traveller_id}")
def get_traveller(
    principal: ReviewerDep, database: DatabaseDep, traveller_id: int
) -> TravellerView:
    """API and PNR data side by side, findings with explanations, decisions, notes and
    recommendations; the view is audited."""
    return view_traveller(database, principal, traveller_id)


@router.post("/travellers/{traveller_id}/notes", status_code=201)
def post_note(
    principal: ReviewerDep, database: DatabaseDep, traveller_id: int, note: NoteIn
) -> NoteView:
    """Add a note on the traveller, or on one of their hits."""
    return add_note(database, principal, traveller_id, NoteInput(note.text, note.hit_id))


@router.post(
    "/travellers/{traveller_id}/recommendations",
    status_code=201,
    responses={409: {"description": "no confirmed hit, or a recommendation already stands"}},
)
def post_recommendation(
    principal: ReviewerDep, database: DatabaseDep, traveller_id: int, body: RecommendationIn
) -> RecommendationView:
    """Recommend to the carrier (``no_board``) with a reason; only on a traveller with a
    confirmed hit. Issued at once, or awaiting a supervisor when the two-person rule is on."""
    return recommend(database, principal, traveller_id, body.kind, body.reason)
