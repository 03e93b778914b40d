"""The officers' pages: departures board, a flight's worklist, a traveller with the decision
and recommendation forms, the carrier's recommendations, and the audit trail.

Each route declares its roles like the API's (``web.deps``) and reads through the service
layer, which audits every view of travellers. Forms carry the session's CSRF token.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlencode
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
from preboard.web.ui.forms import Csrf, Reason
from preboard.web.ui.render import page

router = APIRouter()


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


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@router.get("/audit", response_class=HTMLResponse)
def audit(
    principal: AuditorDep,
    request: Request,
    database: DatabaseDep,
    user: Annotated[str | None, Query(max_length=64)] = None,
    traveller: Annotated[str | None, Query(max_length=12)] = None,
    flight: Annotated[str | None, Query(max_length=12)] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
) -> HTMLResponse:
    """The audit trail, filtered by user, traveller, flight and days (UTC, both included;
    the read is audited), with a link exporting the same selection."""
    first, last = _day(since), _day(until)
    where = AuditFilter(
        user or None,
        _number(traveller),
        _number(flight),
        dt.datetime.combine(first, dt.time(), dt.UTC) if first else None,
        dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC) if last else None,
        limit=500,
    )
    records = read_audit(database, principal, where)
    shown = {"user": where.user, "traveller": where.traveller, "flight": where.flight,
             "since": where.since, "until": where.until}  # fmt: skip
    export = "/api/v1/audit/export?" + urlencode(
        {"format": "csv", **{k: v.isoformat() if isinstance(v, dt.datetime) else v
                             for k, v in shown.items() if v is not None}}
    )  # fmt: skip
    return page(request, "audit.html", records=records, where=where, first=first, last=last,
                export=export, principal=principal)  # fmt: skip
