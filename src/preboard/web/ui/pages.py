"""The officers' pages: departures board, a flight's worklist, a traveller with the decision
and recommendation forms, the carrier's recommendations, and the audit trail.

Each route declares its roles like the API's (``web.deps``) and reads through the service
layer, which audits every view of travellers. Forms carry the session's CSRF token.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from preboard.service import (
    AuditFilter,
    carrier_recommendations,
    flight_worklist,
    list_flights,
    move_hit,
    read_audit,
    recommend,
    view_traveller,
)
from preboard.storage import Decision
from preboard.web.deps import AuditorDep, CarrierDep, DatabaseDep, ReviewerDep, SettingsDep
from preboard.web.session import check_csrf
from preboard.web.ui.render import page

router = APIRouter()
Reason = Annotated[str, Form(min_length=1, max_length=4000)]
Csrf = Annotated[str, Form(max_length=64)]


@router.get("/", response_class=HTMLResponse)
def board(
    principal: ReviewerDep, request: Request, database: DatabaseDep, settings: SettingsDep
) -> HTMLResponse:
    """The departures board: flights by departure, hit counts and review progress. Departure
    times are the airport's local times; the countdowns get them as instants (with the
    station's UTC offset), so they are right in a browser set to any time zone."""
    flights = list_flights(database)
    zone = ZoneInfo(settings.station_timezone)
    now = dt.datetime.now(dt.UTC)
    return page(request, "board.html", flights=flights, now=now, zone=zone, principal=principal)


@router.get("/flights/{flight_id}", response_class=HTMLResponse)
def worklist(
    principal: ReviewerDep, request: Request, database: DatabaseDep, flight_id: int
) -> HTMLResponse:
    """A flight's travellers by priority with their findings (audited)."""
    found = flight_worklist(database, principal, flight_id)
    return page(request, "worklist.html", worklist=found, principal=principal)


@router.get("/travellers/{traveller_id}", response_class=HTMLResponse)
def traveller(
    principal: ReviewerDep, request: Request, database: DatabaseDep, traveller_id: int
) -> HTMLResponse:
    """API and PNR side by side, document checks, findings explained, the forms (audited)."""
    view = view_traveller(database, principal, traveller_id)
    return page(request, "traveller.html", t=view, principal=principal)


@router.post("/hits/{hit_id}/decision")
def decide(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    hit_id: int,
    decision: Annotated[str, Form(pattern="^(confirmed|dismissed)$")],
    reason: Reason,
    traveller: Annotated[int, Form()],
    csrf: Csrf,
) -> RedirectResponse:
    """Confirm or dismiss a hit with a reason, then back to the traveller."""
    check_csrf(request, csrf)
    move_hit(database, principal, hit_id, Decision(decision), reason)
    return RedirectResponse(f"/ui/travellers/{traveller}#hit-{hit_id}", status_code=303)


@router.post("/travellers/{traveller_id}/recommendation")
def recommendation(
    principal: ReviewerDep,
    request: Request,
    database: DatabaseDep,
    traveller_id: int,
    reason: Reason,
    csrf: Csrf,
) -> RedirectResponse:
    """Recommend no-board with a reason (refused without a confirmed hit, by the service)."""
    check_csrf(request, csrf)
    recommend(database, principal, traveller_id, "no_board", reason)
    return RedirectResponse(f"/ui/travellers/{traveller_id}#recommendations", status_code=303)


@router.get("/carrier", response_class=HTMLResponse)
def carrier(principal: CarrierDep, request: Request, database: DatabaseDep) -> HTMLResponse:
    """The carrier's recommendations (reading delivers newly issued ones)."""
    notices = carrier_recommendations(database, principal)
    return page(request, "carrier.html", notices=notices, principal=principal)


@router.get("/audit", response_class=HTMLResponse)
def audit(
    principal: AuditorDep,
    request: Request,
    database: DatabaseDep,
    user: Annotated[str | None, Query(max_length=64)] = None,
    traveller: Annotated[str | None, Query(max_length=12)] = None,
    flight: Annotated[str | None, Query(max_length=12)] = None,
) -> HTMLResponse:
    """The audit trail, filtered by user, traveller or flight (the read is audited)."""
    where = AuditFilter(
        user or None,
        int(traveller) if traveller and traveller.isdigit() else None,
        int(flight) if flight and flight.isdigit() else None,
        limit=500,
    )
    records = read_audit(database, principal, where)
    return page(request, "audit.html", records=records, where=where, principal=principal)
