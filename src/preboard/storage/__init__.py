"""Storage: SQLAlchemy 2 over SQLite (embedded default, WAL) or PostgreSQL (deployment),
with Alembic migrations shipped in the package. An edge: the core packages never import it.

    db = open_database(url, settings)              # migrated on first use
    with db.write() as session:
        stored = store_message(session, body, kind="paxlst", source="intake", now=now)
        append(SqlAuditStore(session), "token:intake-aa", "message.receive", f"message:{stored.id}")

Repositories are functions (or small classes) over a ``Session``, in the caller's transaction:
``messages`` (stored once by content hash), ``flights`` (flights and travellers), ``hits``
(fingerprints that remember dismissals, decisions), ``settings``; ``SqlAccessStore`` and
``SqlAuditStore`` implement the protocols of ``preboard.users`` and ``preboard.audit``.
"""

from __future__ import annotations

from preboard.storage.access import SqlAccessStore
from preboard.storage.audit import SqlAuditStore
from preboard.storage.database import Database, open_database
from preboard.storage.engine import default_url, describe, make_engine, session_factory
from preboard.storage.errors import StorageUnavailable
from preboard.storage.fingerprints import hit_fingerprint, traveller_identity
from preboard.storage.flights import TravellerData, save_flight, save_traveller, save_travellers
from preboard.storage.hits import decide, dismissed_before, record_flight_hits, record_hits
from preboard.storage.messages import (
    StoredMessage,
    content_hash,
    mark_message,
    pending_messages,
    store_message,
)
from preboard.storage.migrate import current_revision, head_revision, upgrade
from preboard.storage.settings import get_setting, set_setting
from preboard.storage.states import (
    Decision,
    HitStatus,
    MessageStatus,
    RecommendationKind,
    RecommendationStatus,
)

__all__ = [
    "Database",
    "Decision",
    "HitStatus",
    "MessageStatus",
    "RecommendationKind",
    "RecommendationStatus",
    "SqlAccessStore",
    "SqlAuditStore",
    "StorageUnavailable",
    "StoredMessage",
    "TravellerData",
    "content_hash",
    "current_revision",
    "decide",
    "default_url",
    "describe",
    "dismissed_before",
    "get_setting",
    "head_revision",
    "hit_fingerprint",
    "make_engine",
    "mark_message",
    "open_database",
    "pending_messages",
    "record_flight_hits",
    "record_hits",
    "save_flight",
    "save_traveller",
    "save_travellers",
    "session_factory",
    "set_setting",
    "store_message",
    "traveller_identity",
    "upgrade",
]
