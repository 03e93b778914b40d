"""Hits on travellers, the decisions and notes on them, and recommendations to carriers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from preboard.model.findings import FindingKind, FindingSeverity
from preboard.storage.states import (
    Decision,
    HitStatus,
    RecommendationKind,
    RecommendationStatus,
)
from preboard.storage.tables.base import Base, UtcDateTime, json_type, str_enum

__all__ = ["DecisionRow", "HitRow", "NoteRow", "RecommendationRow", "WebhookDeliveryRow"]


class HitRow(Base):
    """A finding on a traveller, under review. ``fingerprint`` is the same for the same person
    and the same list entry or rule in any later message, so a dismissal is remembered;
    ``remembered_from_id`` names the dismissed hit a new one was closed after."""

    __tablename__ = "hits"

    id: Mapped[int] = mapped_column(primary_key=True)
    traveller_id: Mapped[int] = mapped_column(
        ForeignKey("travellers.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[FindingKind] = mapped_column(str_enum(FindingKind, "finding_kind"))
    code: Mapped[str] = mapped_column(String(100))
    severity: Mapped[FindingSeverity] = mapped_column(str_enum(FindingSeverity, "severity"))
    score: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(json_type())
    status: Mapped[HitStatus] = mapped_column(str_enum(HitStatus, "hit_status"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    remembered_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("hits.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class DecisionRow(Base):
    """A person's decision on a hit, with the reason; the hit's status follows the latest."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    hit_id: Mapped[int] = mapped_column(ForeignKey("hits.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[Decision] = mapped_column(str_enum(Decision, "decision"))
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class NoteRow(Base):
    """An officer's note on a traveller, or on one of their hits."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    traveller_id: Mapped[int] = mapped_column(
        ForeignKey("travellers.id", ondelete="CASCADE"), index=True
    )
    hit_id: Mapped[int | None] = mapped_column(ForeignKey("hits.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class RecommendationRow(Base):
    """A no-board recommendation: made by a named officer with a reason, approved by a
    supervisor where policy needs it, delivered to and acknowledged by the carrier, or
    withdrawn (and the withdrawal delivered too)."""

    __tablename__ = "recommendations"

    id: Mapped[int] = mapped_column(primary_key=True)
    traveller_id: Mapped[int] = mapped_column(ForeignKey("travellers.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(3), index=True)
    kind: Mapped[RecommendationKind] = mapped_column(
        str_enum(RecommendationKind, "recommendation_kind")
    )
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[RecommendationStatus] = mapped_column(
        str_enum(RecommendationStatus, "recommendation_status"), index=True
    )
    officer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    issued_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    withdrawn_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    withdrawal_acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    withdrawal_acknowledged_by: Mapped[str | None] = mapped_column(String(100))


class WebhookDeliveryRow(Base):
    """One event (``issued`` or ``withdrawn``) of a recommendation to push to its carrier's
    webhook: tried until delivered, with the attempts and the last failure kept."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    recommendation_id: Mapped[int] = mapped_column(
        ForeignKey("recommendations.id", ondelete="CASCADE"), index=True
    )
    event: Mapped[str] = mapped_column(String(32))
    carrier: Mapped[str] = mapped_column(String(3))
    attempts: Mapped[int]
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime, index=True)
    last_status: Mapped[int | None]
    last_error: Mapped[str | None] = mapped_column(String(200))
