"""Review: a person moves a hit through its states (``transitions.py``) with a reason, and
writes notes. Each decision and note is audited in the same transaction.

Only a named person decides (DOMAIN.md §4.1): a principal without a user (a machine token)
is refused. A confirmed hit on which a standing no-board recommendation rests cannot be
re-opened while it is the traveller's last confirmed hit: the recommendation is withdrawn
first, so no recommendation stands without a confirmed hit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from preboard.errors import NotFoundError
from preboard.service.errors import ConflictError, InvalidValueError
from preboard.service.guards import active_recommendation, confirmed_hits, person_id
from preboard.service.trail import record
from preboard.service.transitions import MAX_REASON, check_move
from preboard.service.views import FindingView, NoteView, finding_view, note_view
from preboard.storage import Database, Decision, HitStatus, decide
from preboard.storage.tables import HitRow, NoteRow, TravellerRow
from preboard.users import Principal, now_utc

__all__ = ["NoteInput", "add_note", "move_hit"]


def _last_confirmed_under_recommendation(session: Session, hit: HitRow) -> bool:
    return (
        hit.status is HitStatus.CONFIRMED
        and active_recommendation(session, hit.traveller_id) is not None
        and not confirmed_hits(session, hit.traveller_id, besides=hit.id)
    )


def move_hit(
    database: Database, principal: Principal, hit_id: int, decision: Decision, reason: str
) -> FindingView:
    """Record ``decision`` on the hit with the reason; the hit takes the same-named state."""
    user_id = person_id(principal)
    with database.write() as session:
        hit = session.get(HitRow, hit_id)
        if hit is None:
            raise NotFoundError(f"no hit {hit_id}")
        text = check_move(hit.status, decision, reason)
        if decision is Decision.REOPENED and _last_confirmed_under_recommendation(session, hit):
            raise ConflictError(
                "a no-board recommendation rests on this hit: withdraw it before re-opening",
                {"hit": hit_id},
            )
        before = hit.status
        decide(session, hit, user_id, decision, text, now_utc())
        traveller = session.get(TravellerRow, hit.traveller_id)
        assert traveller is not None
        record(session, principal, "hit.decide", f"hit:{hit.id}", decision=decision,
               before=before, reason=text, flight=traveller.flight_id,
               traveller=traveller.id)  # fmt: skip
        return finding_view(hit, detail=True)


@dataclass(frozen=True, slots=True)
class NoteInput:
    """A note to write: its text, and the hit it is about, if any."""

    text: str
    hit_id: int | None = None


def add_note(
    database: Database, principal: Principal, traveller_id: int, note: NoteInput
) -> NoteView:
    """Write a note on the traveller (or one of their hits); audited with its length only."""
    user_id = person_id(principal)
    text = note.text.strip()
    if not text or len(text) > MAX_REASON:
        raise InvalidValueError(f"a note has 1 to {MAX_REASON} characters")
    with database.write() as session:
        traveller = session.get(TravellerRow, traveller_id)
        if traveller is None:
            raise NotFoundError(f"no traveller {traveller_id}")
        hit = session.get(HitRow, note.hit_id) if note.hit_id is not None else None
        if note.hit_id is not None and (hit is None or hit.traveller_id != traveller_id):
            raise NotFoundError(f"no hit {note.hit_id} on traveller {traveller_id}")
        row = NoteRow(traveller_id=traveller_id, hit_id=note.hit_id, user_id=user_id, text=text)
        row.at = now_utc()
        session.add(row)
        session.flush()
        record(session, principal, "note.add", f"traveller:{traveller_id}", note=row.id,
               hit=note.hit_id, flight=traveller.flight_id, traveller=traveller_id)  # fmt: skip
        return note_view(row, {user_id: principal.name})
