"""Every stored table, as typed SQLAlchemy ORM classes sharing one ``Base.metadata``."""

from __future__ import annotations

from preboard.storage.tables.access import SettingRow, TokenRow, UiSessionRow, UserRow
from preboard.storage.tables.audit import AuditHeadRow, AuditRecordRow
from preboard.storage.tables.base import Base, UtcDateTime
from preboard.storage.tables.intake import FlightRow, MessageFlightRow, MessageRow, TravellerRow
from preboard.storage.tables.review import (
    DecisionRow,
    HitRow,
    NoteRow,
    RecommendationRow,
    WebhookDeliveryRow,
)

__all__ = [
    "AuditHeadRow",
    "AuditRecordRow",
    "Base",
    "DecisionRow",
    "FlightRow",
    "HitRow",
    "MessageFlightRow",
    "MessageRow",
    "NoteRow",
    "RecommendationRow",
    "SettingRow",
    "TokenRow",
    "TravellerRow",
    "UiSessionRow",
    "UserRow",
    "UtcDateTime",
    "WebhookDeliveryRow",
]
