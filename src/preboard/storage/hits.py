"""Hits on stored travellers, and the decisions that move them through review.

A hit whose fingerprint (same person, same entry, rule or check) was dismissed before, on this
or an earlier message, is stored already dismissed and names the hit whose dismissal it
follows: it does not come back to an officer's worklist. Re-opening that earlier hit ends the
memory for later messages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from preboard.model.findings import Finding
from preboard.storage.fingerprints import hit_fingerprint
from preboard.storage.flights import set_changed
from preboard.storage.states import Decision, HitStatus
from preboard.storage.tables import DecisionRow, HitRow, TravellerRow

__all__ = ["decide", "dismissed_before", "record_flight_hits", "record_hits"]

_CHUNK = 500  # ids or fingerprints per IN (...) list


def dismissed_before(session: Session, fingerprint: str) -> HitRow | None:
    """The latest hit with ``fingerprint`` that stands dismissed, if any."""
    stmt = (
        select(HitRow)
        .where(HitRow.fingerprint == fingerprint, HitRow.status == HitStatus.DISMISSED)
        .order_by(HitRow.id.desc())
        .limit(1)
    )
    return session.scalar(stmt)


def _refresh(row: HitRow, finding: Finding, now: dt.datetime) -> None:
    values = {
        "severity": finding.severity,
        "score": finding.score,
        "explanation": finding.explanation,
        "source": finding.source[:200],
        "detail": dict(finding.detail),
    }
    if set_changed(row, values):  # an unchanged hit is not written again
        row.updated_at = now


def _new_hit(
    traveller: TravellerRow,
    finding: Finding,
    fingerprint: str,
    earlier: HitRow | None,
    now: dt.datetime,
) -> HitRow:
    row = HitRow(
        traveller_id=traveller.id,
        kind=finding.kind,
        code=finding.code[:100],
        status=HitStatus.DISMISSED if earlier else HitStatus.NEW,
        fingerprint=fingerprint,
        remembered_from_id=earlier.id if earlier else None,
        created_at=now,
    )
    _refresh(row, finding, now)  # complete before it can be flushed
    return row


def record_hits(
    session: Session, traveller: TravellerRow, findings: Sequence[Finding], now: dt.datetime
) -> list[HitRow]:
    """Store ``findings`` as hits on ``traveller``: a hit this traveller row already has is
    refreshed (its review state kept); a new one starts ``new``, or ``dismissed`` when the
    same hit on the same person was dismissed before."""
    existing = {
        h.fingerprint: h
        for h in session.scalars(select(HitRow).where(HitRow.traveller_id == traveller.id))
    }
    rows = []
    for finding in findings:
        fingerprint = hit_fingerprint(traveller.identity, finding)
        row = existing.get(fingerprint)
        if row is None:
            earlier = dismissed_before(session, fingerprint)
            row = _new_hit(traveller, finding, fingerprint, earlier, now)
            session.add(row)
            existing[fingerprint] = row
        else:
            _refresh(row, finding, now)
        rows.append(row)
    session.flush()
    return rows


def _dismissed_among(session: Session, fingerprints: set[str]) -> dict[str, HitRow]:
    """For each fingerprint, the latest hit with it that stands dismissed."""
    found: dict[str, HitRow] = {}
    ordered = sorted(fingerprints)
    for start in range(0, len(ordered), _CHUNK):
        stmt = select(HitRow).where(
            HitRow.fingerprint.in_(ordered[start : start + _CHUNK]),
            HitRow.status == HitStatus.DISMISSED,
        )
        for row in session.scalars(stmt.order_by(HitRow.id)):
            found[row.fingerprint] = row  # ordered by id: the latest wins
    return found


def record_flight_hits(
    session: Session,
    assessed: Sequence[tuple[TravellerRow, Sequence[Finding]]],
    now: dt.datetime,
) -> list[list[HitRow]]:
    """``record_hits`` for every traveller of a flight at once (a few queries in all, not a
    few per traveller); the hits returned per traveller, in the order given."""
    travellers = {row.id for row, _ in assessed}
    existing: dict[tuple[int, str], HitRow] = {}
    ids = sorted(travellers)
    for start in range(0, len(ids), _CHUNK):
        stmt = select(HitRow).where(HitRow.traveller_id.in_(ids[start : start + _CHUNK]))
        existing.update(((h.traveller_id, h.fingerprint), h) for h in session.scalars(stmt))
    keyed = [
        [(hit_fingerprint(row.identity, f), f) for f in findings] for row, findings in assessed
    ]
    fresh = {fp for (row, _), pairs in zip(assessed, keyed, strict=True) for fp, _ in pairs
             if (row.id, fp) not in existing}  # fmt: skip
    earlier = _dismissed_among(session, fresh) if fresh else {}
    result = []
    for (traveller, _), pairs in zip(assessed, keyed, strict=True):
        rows = []
        for fingerprint, finding in pairs:
            row = existing.get((traveller.id, fingerprint))
            if row is None:
                row = _new_hit(traveller, finding, fingerprint, earlier.get(fingerprint), now)
                session.add(row)
                existing[(traveller.id, fingerprint)] = row
            else:
                _refresh(row, finding, now)
            rows.append(row)
        result.append(rows)
    session.flush()
    return result


def decide(
    session: Session,
    hit: HitRow,
    user_id: int,
    decision: Decision,
    reason: str,
    now: dt.datetime,
) -> DecisionRow:
    """Record a person's decision on ``hit`` and move the hit to the same-named state. Which
    moves are allowed, and who may make them, is the review package's business."""
    row = DecisionRow(hit_id=hit.id, user_id=user_id, decision=decision, reason=reason, at=now)
    session.add(row)
    hit.status = HitStatus(decision.value)
    hit.updated_at = row.at
    session.flush()
    return row
