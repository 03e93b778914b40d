"""A flight's worklist as screening leaves it, stored: travellers with their priority, and
their findings as hits that keep their review state across re-assessments.

A re-assessment (a later PAXLST part, crew list or PNR push) screens all of the flight's
messages again. Travellers and hits are matched to the stored ones by identity and
fingerprint, so a hit under review stays under review and a dismissed one stays dismissed.
What the new assessment no longer finds (a "not on the API list yet" note once the API list
arrived, a booked traveller now linked to their API record) is removed, unless a person has
already acted on it (a decision, a note or a recommendation): then it is kept, as the record
of that work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, delete, exists, select
from sqlalchemy.orm import Session

from preboard.assessment import Worklist
from preboard.storage import TravellerData, record_flight_hits, save_travellers
from preboard.storage.tables import DecisionRow, HitRow, NoteRow, RecommendationRow, TravellerRow

__all__ = ["Saved", "save_worklist"]


@dataclass(frozen=True, slots=True)
class Saved:
    """What one save left: travellers and hits kept, and how many stale ones were removed."""

    travellers: int
    hits: int
    removed_travellers: int
    removed_hits: int


def _untouched_hit() -> list[ColumnElement[bool]]:
    return [
        ~exists().where(DecisionRow.hit_id == HitRow.id),
        ~exists().where(NoteRow.hit_id == HitRow.id),
    ]


def _prune_hits(session: Session, flight_id: int, keep: set[int]) -> int:
    travellers = select(TravellerRow.id).where(TravellerRow.flight_id == flight_id)
    stale = select(HitRow.id).where(
        HitRow.traveller_id.in_(travellers), HitRow.id.not_in(keep), *_untouched_hit()
    )
    ids = list(session.scalars(stale))
    if ids:
        session.execute(delete(HitRow).where(HitRow.id.in_(ids)))
    return len(ids)


def _prune_travellers(session: Session, flight_id: int, keep: set[int]) -> int:
    stale = select(TravellerRow.id).where(
        TravellerRow.flight_id == flight_id,
        TravellerRow.id.not_in(keep),
        ~exists().where(HitRow.traveller_id == TravellerRow.id),
        ~exists().where(NoteRow.traveller_id == TravellerRow.id),
        ~exists().where(RecommendationRow.traveller_id == TravellerRow.id),
    )
    ids = list(session.scalars(stale))
    if ids:
        session.execute(delete(TravellerRow).where(TravellerRow.id.in_(ids)))
    return len(ids)


def save_worklist(
    session: Session, flight_id: int, worklist: Worklist, message_id: int, now: dt.datetime
) -> Saved:
    """Store ``worklist`` as the flight's current assessment (see the module docstring);
    ``message_id`` is the newest message it was made from."""
    items = [
        TravellerData(item.traveller, item.booking, item.priority, message_id)
        for item in worklist.travellers
    ]
    rows = save_travellers(session, flight_id, items, now)
    found = [(row, item.findings) for row, item in zip(rows, worklist.travellers, strict=True)]
    travellers = {row.id for row in rows}
    hits = {hit.id for per in record_flight_hits(session, found, now) for hit in per}
    removed_hits = _prune_hits(session, flight_id, hits)
    removed_travellers = _prune_travellers(session, flight_id, travellers)
    session.flush()
    return Saved(len(travellers), len(hits), removed_travellers, removed_hits)
