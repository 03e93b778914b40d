"""What the service returns: frozen read models, built from stored rows.

The web edge returns these as they are (FastAPI turns dataclasses into JSON and into the
OpenAPI schema), so each shape is declared once. Names are plain strings: nothing here is HTML.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from preboard.storage import HitStatus
from preboard.storage.tables import (
    DecisionRow,
    FlightRow,
    HitRow,
    NoteRow,
    RecommendationRow,
)

__all__ = [
    "DecisionView",
    "FindingView",
    "FlightView",
    "NoteView",
    "RecommendationView",
    "decision_view",
    "finding_view",
    "flight_view",
    "note_view",
    "recommendation_view",
]


@dataclass(frozen=True, slots=True)
class FlightView:
    """A departure with its hit counts by review status."""

    id: int
    carrier: str
    number: str
    date: dt.date | None
    origin: str | None
    destination: str | None
    departure: dt.datetime | None
    travellers: int = 0
    hits: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FindingView:
    """A hit: what was found, why, and where its review stands."""

    id: int
    kind: str
    code: str
    severity: str
    score: float
    status: str
    explanation: str
    source: str
    remembered_from: int | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DecisionView:
    """A person's decision on a hit."""

    id: int
    hit_id: int
    decision: str
    reason: str
    by: int
    by_name: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class NoteView:
    """An officer's note on a traveller or one of their hits."""

    id: int
    traveller_id: int
    hit_id: int | None
    text: str
    by: int
    by_name: str
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class RecommendationView:
    """A recommendation as officers see it (the carrier sees less: ``carrier.py``)."""

    id: int
    traveller_id: int
    carrier: str
    kind: str
    status: str
    reason: str
    officer_id: int
    supervisor_id: int | None
    created_at: dt.datetime
    issued_at: dt.datetime | None
    delivered_at: dt.datetime | None
    acknowledged_at: dt.datetime | None
    withdrawn_at: dt.datetime | None
    withdrawal_reason: str | None
    acknowledged_by: str | None = None
    withdrawal_acknowledged_at: dt.datetime | None = None
    withdrawal_acknowledged_by: str | None = None


def flight_view(
    row: FlightRow, travellers: int = 0, hits: dict[str, int] | None = None
) -> FlightView:
    """The flight with its counts; every review status is counted, zero or not."""
    counts = {status.value: 0 for status in HitStatus} | dict(hits or {})
    return FlightView(
        row.id, row.carrier, row.number, row.date, row.origin, row.destination, row.departure,
        travellers, counts,
    )  # fmt: skip


STRUCTURED = ("alignment", "features")  # detail values kept as JSON text (watchlist hits)


def _detail(stored: Mapping[str, Any]) -> dict[str, Any]:
    """A hit's detail, with the structured parts (``STRUCTURED``) decoded from their JSON."""
    shown = dict(stored)
    for key in STRUCTURED:
        value = shown.get(key)
        if isinstance(value, str) and value.startswith("["):
            with contextlib.suppress(ValueError):  # left as text when it is not JSON
                shown[key] = json.loads(value)
    return shown


def finding_view(row: HitRow, *, detail: bool = False) -> FindingView:
    return FindingView(
        row.id, row.kind.value, row.code, row.severity.value, row.score, row.status.value,
        row.explanation, row.source, row.remembered_from_id, _detail(row.detail) if detail else {},
    )  # fmt: skip


def decision_view(row: DecisionRow, names: Mapping[int, str]) -> DecisionView:
    by = names.get(row.user_id, "")
    return DecisionView(row.id, row.hit_id, row.decision.value, row.reason, row.user_id, by, row.at)


def note_view(row: NoteRow, names: Mapping[int, str]) -> NoteView:
    by = names.get(row.user_id, "")
    return NoteView(row.id, row.traveller_id, row.hit_id, row.text, row.user_id, by, row.at)


def recommendation_view(row: RecommendationRow) -> RecommendationView:
    return RecommendationView(
        row.id, row.traveller_id, row.carrier, row.kind.value, row.status.value, row.reason,
        row.officer_id, row.supervisor_id, row.created_at, row.issued_at, row.delivered_at,
        row.acknowledged_at, row.withdrawn_at, row.withdrawal_reason, row.acknowledged_by,
        row.withdrawal_acknowledged_at, row.withdrawal_acknowledged_by,
    )  # fmt: skip
