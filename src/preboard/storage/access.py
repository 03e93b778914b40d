"""Users and tokens in the database: the ``AccessStore`` of ``preboard.users`` over a session."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from preboard.storage.tables import TokenRow, UserRow
from preboard.users.lockout import LoginState
from preboard.users.roles import Role
from preboard.users.store import NewToken, TokenRecord, UserRecord

__all__ = ["SqlAccessStore"]


def _user(row: UserRow) -> UserRecord:
    login = LoginState(row.failed_logins, row.locked_until)
    return UserRecord(row.id, row.name, row.role, row.password_hash, row.active, login)


def _token(row: TokenRow) -> TokenRecord:
    return TokenRecord(
        id=row.id,
        name=row.name,
        kind=row.kind,
        prefix=row.prefix,
        carrier=row.carrier,
        user_id=row.user_id,
        revoked=row.revoked_at is not None,
        last_used_at=row.last_used_at,
    )


class SqlAccessStore:
    """``preboard.users.AccessStore`` on a SQLAlchemy session; user names are kept lower-case,
    so lookups ignore case."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def user_by_name(self, name: str) -> UserRecord | None:
        """The user called ``name`` (any case), if any."""
        row = self.session.scalar(select(UserRow).where(UserRow.name == name.strip().lower()))
        return _user(row) if row else None

    def user_by_id(self, user_id: int) -> UserRecord | None:
        """The user with id ``user_id``, if any."""
        row = self.session.get(UserRow, user_id)
        return _user(row) if row else None

    def add_user(self, name: str, role: Role, password_hash: str, now: dt.datetime) -> UserRecord:
        """Store a new active user with no failed logins."""
        row = UserRow(
            name=name.strip().lower(),
            role=role,
            password_hash=password_hash,
            active=True,
            failed_logins=0,
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return _user(row)

    def set_login(self, user_id: int, state: LoginState, now: dt.datetime, ok: bool) -> None:
        """Store the counters after a login attempt, and the time of a successful one."""
        values: dict[str, object] = {
            "failed_logins": state.failed,
            "locked_until": state.locked_until,
        }
        if ok:
            values["last_login_at"] = now
        self.session.execute(update(UserRow).where(UserRow.id == user_id).values(**values))

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace the user's password hash."""
        stmt = update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
        self.session.execute(stmt)

    def token_by_digest(self, digest: str) -> TokenRecord | None:
        """The token stored under ``digest``, if any."""
        row = self.session.scalar(select(TokenRow).where(TokenRow.digest == digest))
        return _token(row) if row else None

    def token_by_name(self, name: str) -> TokenRecord | None:
        """The token called ``name``, if any."""
        row = self.session.scalar(select(TokenRow).where(TokenRow.name == name))
        return _token(row) if row else None

    def add_token(self, token: NewToken, now: dt.datetime) -> TokenRecord:
        """Store a new token (its digest, never its secret)."""
        row = TokenRow(
            name=token.name,
            kind=token.kind,
            digest=token.digest,
            prefix=token.prefix,
            carrier=token.carrier,
            user_id=token.user_id,
            created_at=now,
            created_by=token.created_by,
        )
        self.session.add(row)
        self.session.flush()
        return _token(row)

    def revoke_token(self, token_id: int, now: dt.datetime) -> None:
        """Mark the token revoked at ``now``."""
        stmt = update(TokenRow).where(TokenRow.id == token_id).values(revoked_at=now)
        self.session.execute(stmt)

    def touch_token(self, token_id: int, now: dt.datetime) -> None:
        """Record the token's last use."""
        stmt = update(TokenRow).where(TokenRow.id == token_id).values(last_used_at=now)
        self.session.execute(stmt)
