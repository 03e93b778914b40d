"""What officers read: the departures, a flight's worklist, a traveller, a search.

Every read that shows travellers is audited (DOMAIN.md §4.7): a worklist view, a traveller
view (with the flight and traveller ids), a search (with its terms). The list of flights
holds no personal data and is not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Executable, bindparam, func, select
from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.service.trail import audit_read
from preboard.service.views import FindingView, FlightView, flight_view
from preboard.storage import Database
from preboard.storage.tables import FlightRow, HitRow, TravellerRow
from preboard.users import Principal

__all__ = [
    "TravellerItem",
    "Worklist",
    "flight_worklist",
    "list_flights",
    "search_travellers",
]

SEARCH_LIMIT = 100


@dataclass(frozen=True, slots=True)
class TravellerItem:
    """A traveller on a worklist or in search results, with their findings."""

    id: int
    flight_id: int
    role: str
    surname: str
    given_names: str
    record_locator: str | None
    priority: float
    findings: list[FindingView]


@dataclass(frozen=True, slots=True)
class Worklist:
    """A flight and its travellers, highest priority first."""

    flight: FlightView
    travellers: list[TravellerItem]


# The statements of the busiest pages, built once (building one costs about as much as
# running it); ``ids`` and ``flight`` are bound when they run.
_IDS: BindParameter[list[int]] = bindparam("ids", expanding=True)
_HIT_COUNTS = (
    select(TravellerRow.flight_id, HitRow.status, func.count(HitRow.id))
    .select_from(HitRow)
    .join(TravellerRow, HitRow.traveller_id == TravellerRow.id)
    .group_by(TravellerRow.flight_id, HitRow.status)
)
_HIT_COUNTS_OF = _HIT_COUNTS.where(TravellerRow.flight_id.in_(_IDS))
_TRAVELLER_COUNTS = select(TravellerRow.flight_id, func.count(TravellerRow.id)).group_by(
    TravellerRow.flight_id
)
_TRAVELLER_COUNTS_OF = _TRAVELLER_COUNTS.where(TravellerRow.flight_id.in_(_IDS))
_FLIGHTS = select(FlightRow).order_by(
    FlightRow.departure.is_(None), FlightRow.departure, FlightRow.carrier, FlightRow.number
)


def _hit_counts(session: Session, flight_ids: list[int] | None) -> dict[int, dict[str, int]]:
    found = (
        session.execute(_HIT_COUNTS)
        if flight_ids is None
        else session.execute(_HIT_COUNTS_OF, {"ids": flight_ids})
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for flight_id, status, count in found:
        counts[flight_id][status.value] = count
    return counts


def _traveller_counts(session: Session, flight_ids: list[int] | None) -> dict[int, int]:
    found = (
        session.execute(_TRAVELLER_COUNTS)
        if flight_ids is None
        else session.execute(_TRAVELLER_COUNTS_OF, {"ids": flight_ids})
    )
    return {flight_id: count for flight_id, count in found}


def flight_views(
    session: Session, rows: list[FlightRow], *, every: bool = False
) -> list[FlightView]:
    """``rows`` with their traveller and hit counts (``every``: the rows are all the flights,
    so the counts are taken over whole tables, driven by the hits, not flight by flight)."""
    ids = None if every else [row.id for row in rows]
    hits, travellers = _hit_counts(session, ids), _traveller_counts(session, ids)
    return [flight_view(row, travellers.get(row.id, 0), hits.get(row.id)) for row in rows]


def list_flights(database: Database) -> list[FlightView]:
    """Every stored flight by departure time, with hit counts by review status."""
    with database.session() as session:
        return flight_views(session, list(session.scalars(_FLIGHTS)), every=True)


_ITEM = (
    TravellerRow.id, TravellerRow.flight_id, TravellerRow.role, TravellerRow.surname,
    TravellerRow.given_names, TravellerRow.record_locator, TravellerRow.priority,
)  # fmt: skip
_FINDINGS = (
    select(
        HitRow.traveller_id, HitRow.id, HitRow.kind, HitRow.code, HitRow.severity, HitRow.score,
        HitRow.status, HitRow.explanation, HitRow.source, HitRow.remembered_from_id,
    )
    .where(HitRow.traveller_id.in_(_IDS))
    .order_by(HitRow.score.desc(), HitRow.id)
)  # fmt: skip
_WORKLIST = (
    select(*_ITEM)
    .where(TravellerRow.flight_id == bindparam("flight"))
    .order_by(TravellerRow.priority.desc(), TravellerRow.surname, TravellerRow.id)
)


def _items(
    session: Session, stmt: Executable, params: dict[str, Any] | None = None
) -> list[TravellerItem]:
    """The travellers ``stmt`` selects (its columns: ``_ITEM``) with their findings, read as
    plain rows: a worklist of hundreds needs no ORM objects."""
    rows = session.execute(stmt, params).all()
    findings: dict[int, list[FindingView]] = defaultdict(list)
    if rows:
        for h in session.execute(_FINDINGS, {"ids": [r.id for r in rows]}):
            findings[h.traveller_id].append(FindingView(
                h.id, h.kind.value, h.code, h.severity.value, h.score, h.status.value,
                h.explanation, h.source, h.remembered_from_id,
            ))  # fmt: skip
    return [
        TravellerItem(r.id, r.flight_id, r.role, r.surname, r.given_names, r.record_locator,
                      r.priority, findings[r.id])
        for r in rows
    ]  # fmt: skip


def flight_worklist(database: Database, principal: Principal, flight_id: int) -> Worklist:
    """The flight's travellers, highest priority first, each with their findings; audited."""
    with database.session() as session:
        row = session.get(FlightRow, flight_id)
        if row is None:
            raise NotFoundError(f"no flight {flight_id}")
        items = _items(session, _WORKLIST, {"flight": flight_id})
        worklist = Worklist(flight_views(session, [row])[0], items)
    audit_read(database, principal, "flight.worklist.view", f"flight:{flight_id}", flight=flight_id)
    return worklist


def search_travellers(
    database: Database, principal: Principal, name: str = "", locator: str = ""
) -> list[TravellerItem]:
    """Travellers whose surname starts with ``name`` (any case) or whose booking is
    ``locator``; at most ``SEARCH_LIMIT``; the search and its terms are audited."""
    name, locator = name.strip(), locator.strip().upper()
    stmt = select(*_ITEM).order_by(TravellerRow.surname, TravellerRow.id)
    if name:
        stmt = stmt.where(
            func.upper(TravellerRow.surname).startswith(name.upper(), autoescape=True)
        )
    if locator:
        stmt = stmt.where(TravellerRow.record_locator == locator)
    with database.session() as session:
        items = _items(session, stmt.limit(SEARCH_LIMIT)) if name or locator else []
    audit_read(database, principal, "traveller.search", "travellers", name=name or None,
               locator=locator or None, results=len(items))  # fmt: skip
    return items
