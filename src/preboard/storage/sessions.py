"""Browser sessions: one row per session cookie, named by the cookie's nonce.

    open_ui_session(session, nonce, user_id, created_at=now, expires_at=now + 8 h)
    user = session_user(session, nonce, user_id, now)   # one primary-key read per request
    revoke_ui_session(session, nonce, now)               # logout
    revoke_user_sessions(session, user_id, now)          # deactivation, password change

A cookie is a session only while its row exists, is not revoked and has not expired, so a
copied cookie stops working at logout, and a deactivated user's or a changed password's
sessions all end at once. Each function works in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from preboard.storage.tables import UiSessionRow, UserRow

__all__ = ["open_ui_session", "revoke_ui_session", "revoke_user_sessions", "session_user"]

KEEP_EXPIRED = dt.timedelta(days=7)  # expired rows of a user are removed at their next login


def open_ui_session(
    session: Session, nonce: str, user_id: int, *, created_at: dt.datetime, expires_at: dt.datetime
) -> None:
    """Store a new session for ``user_id`` (and drop that user's long-expired ones)."""
    stale = UiSessionRow.expires_at < created_at - KEEP_EXPIRED
    session.execute(delete(UiSessionRow).where(UiSessionRow.user_id == user_id, stale))
    session.add(UiSessionRow(nonce=nonce, user_id=user_id, created_at=created_at,
                             expires_at=expires_at))  # fmt: skip
    session.flush()


def session_user(session: Session, nonce: str, user_id: int, now: dt.datetime) -> UserRow | None:
    """The active user of the live session ``nonce`` (one read by primary key, joined to the
    user); ``None`` when the session is unknown, revoked, expired, another user's, or the
    user is inactive."""
    stmt = (
        select(UserRow)
        .join(UiSessionRow, UiSessionRow.user_id == UserRow.id)
        .where(UiSessionRow.nonce == nonce, UiSessionRow.user_id == user_id)
        .where(UiSessionRow.revoked_at.is_(None), UiSessionRow.expires_at > now)
        .where(UserRow.active.is_(True))
    )
    return session.scalar(stmt)


def revoke_ui_session(session: Session, nonce: str, now: dt.datetime) -> bool:
    """Revoke one session; whether it was live."""
    stmt = (
        update(UiSessionRow)
        .where(UiSessionRow.nonce == nonce, UiSessionRow.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(session.execute(stmt).rowcount)  # type: ignore[attr-defined]


def revoke_user_sessions(session: Session, user_id: int, now: dt.datetime) -> int:
    """Revoke every live session of the user; how many there were."""
    stmt = (
        update(UiSessionRow)
        .where(UiSessionRow.user_id == user_id, UiSessionRow.revoked_at.is_(None))
        .where(UiSessionRow.expires_at > now)
        .values(revoked_at=now)
    )
    return int(session.execute(stmt).rowcount)  # type: ignore[attr-defined]
