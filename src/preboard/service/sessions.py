"""Ending a user's browser sessions at once: for an admin who deactivates a user or changes
their password (``storage.sessions`` does the same inside a caller's own transaction).

    ended = revoke_sessions(database, admin, user_id, "deactivated")

The revocation is audited with the user's id, the reason and how many sessions it ended.
"""

from __future__ import annotations

from preboard.errors import NotFoundError
from preboard.service.trail import record
from preboard.storage import Database
from preboard.storage.sessions import revoke_user_sessions
from preboard.storage.tables import UserRow
from preboard.users import Principal, now_utc

__all__ = ["revoke_sessions"]


def revoke_sessions(
    database: Database, principal: Principal | None, user_id: int, reason: str = ""
) -> int:
    """Revoke every live session of the user (``NotFoundError`` for an unknown user); how
    many were live. A cookie of a revoked session is refused (401) from the next request."""
    with database.write() as session:
        if session.get(UserRow, user_id) is None:
            raise NotFoundError(f"no user {user_id}")
        ended = revoke_user_sessions(session, user_id, now_utc())
        record(session, principal, "sessions.revoke", f"user:{user_id}",
               reason=reason.strip()[:200] or None, sessions=ended)  # fmt: skip
        return ended
