"""Users, tokens and the settings changed at run time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from preboard.storage.tables.base import Base, UtcDateTime, json_type, str_enum
from preboard.users.roles import Role
from preboard.users.tokens import TokenKind

__all__ = ["SettingRow", "TokenRow", "UiSessionRow", "UserRow"]


class UserRow(Base):
    """A person who logs in: lower-case name, role, argon2 hash, login counters."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[Role] = mapped_column(str_enum(Role, "role"))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool]
    failed_logins: Mapped[int]
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class TokenRow(Base):
    """An access token, stored as the SHA-256 digest of its secret, never the secret."""

    __tablename__ = "tokens"
    __table_args__ = (
        CheckConstraint("kind <> 'carrier' OR carrier IS NOT NULL", name="carrier_scoped"),
        CheckConstraint("kind <> 'personal' OR user_id IS NOT NULL", name="personal_user"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[TokenKind] = mapped_column(str_enum(TokenKind, "token_kind"))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    carrier: Mapped[str | None] = mapped_column(String(3))
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(100))
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class SettingRow(Base):
    """A setting an admin changed at run time (for example the two-person rule)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(json_type())
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(100))


class UiSessionRow(Base):
    """A browser session: the cookie names it by its nonce; logging out (or an admin) revokes
    it, so a copied cookie stops working at once."""

    __tablename__ = "ui_sessions"

    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
