"""The application layer between the web edge and storage and the core: intake, screening of
stored messages, review, recommendations, carrier delivery, reads and the audit trail.

Each function takes the ``Database`` and, for what a person or machine does, the acting
``Principal``; it opens its own transaction, writes the audit record in it, and raises
preboard's errors (``errors.py``), which the web edge maps to HTTP statuses. Nothing here
imports a web framework.

    receipt = receive(database, principal, body)              # intake.py
    run = screen_pending(database, screening)                  # screening.py, worker.py
    worklist = flight_worklist(database, principal, flight_id) # reads.py
    move_hit(database, principal, hit_id, Decision.CONFIRMED, "passport reported stolen")
    recommend(database, principal, traveller_id, "no_board", "confirmed SLTD hit")
"""

from __future__ import annotations

from preboard.service.audit_read import AuditFilter, AuditRecord, read_audit
from preboard.service.carrier import CarrierNotice, acknowledge, carrier_recommendations
from preboard.service.errors import (
    AccessDeniedError,
    ConflictError,
    InvalidValueError,
    MalformedMessageError,
    ServiceError,
)
from preboard.service.exports import audit_export, worklist_csv
from preboard.service.health import check_database
from preboard.service.intake import Receipt, receive
from preboard.service.lists import ScreeningSource
from preboard.service.messages import MessageView, list_messages, view_message
from preboard.service.policy import REQUIRE_APPROVAL, SettingView, change_setting, read_settings
from preboard.service.reads import (
    TravellerItem,
    Worklist,
    flight_worklist,
    list_flights,
    search_travellers,
)
from preboard.service.recommendations import approve, list_recommendations, recommend, withdraw
from preboard.service.review import NoteInput, add_note, move_hit
from preboard.service.screening import ScreenRun, screen_flight, screen_pending
from preboard.service.sessions import revoke_sessions
from preboard.service.trail import denied
from preboard.service.traveller import PnrSide, TravellerView, view_traveller
from preboard.service.views import (
    DecisionView,
    FindingView,
    FlightView,
    NoteView,
    RecommendationView,
)
from preboard.service.webhook_worker import WebhookWorker
from preboard.service.webhooks import deliver_pending
from preboard.service.worker import ScreeningWorker

__all__ = [
    "REQUIRE_APPROVAL",
    "AccessDeniedError",
    "AuditFilter",
    "AuditRecord",
    "CarrierNotice",
    "ConflictError",
    "DecisionView",
    "FindingView",
    "FlightView",
    "InvalidValueError",
    "MalformedMessageError",
    "MessageView",
    "NoteInput",
    "NoteView",
    "PnrSide",
    "Receipt",
    "RecommendationView",
    "ScreenRun",
    "ScreeningSource",
    "ScreeningWorker",
    "ServiceError",
    "SettingView",
    "TravellerItem",
    "TravellerView",
    "WebhookWorker",
    "Worklist",
    "acknowledge",
    "add_note",
    "approve",
    "audit_export",
    "carrier_recommendations",
    "change_setting",
    "check_database",
    "deliver_pending",
    "denied",
    "flight_worklist",
    "list_flights",
    "list_messages",
    "list_recommendations",
    "move_hit",
    "read_audit",
    "read_settings",
    "receive",
    "recommend",
    "revoke_sessions",
    "screen_flight",
    "screen_pending",
    "search_travellers",
    "view_message",
    "view_traveller",
    "withdraw",
    "worklist_csv",
]
