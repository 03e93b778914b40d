"""Initial schema: messages, flights, travellers, hits and their review, users and tokens.

Revision ID: 0001
Revises:
Create Date: 2026-12-02

Enum values are written out here, not imported, so this revision never changes after release.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), primary_key=True)


def _at(name: str, nullable: bool = False) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _enum(column: str, name: str, *values: str) -> sa.Column[str]:
    kind = sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=24)
    return sa.Column(column, kind, nullable=False)


def _fk(
    column: str, target: str, nullable: bool = False, ondelete: str | None = None
) -> sa.Column[int]:
    key = sa.ForeignKey(target, ondelete=ondelete)
    return sa.Column(column, sa.Integer(), key, nullable=nullable)


def _text(name: str, length: int | None = None, nullable: bool = False) -> sa.Column[str]:
    kind = sa.String(length) if length else sa.Text()
    return sa.Column(name, kind, nullable=nullable)


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def _intake() -> None:
    op.create_table(
        "messages",
        _id(),
        _text("content_hash", 64),
        _text("kind", 16),
        _text("source", 200),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        _at("received_at"),
        _enum("status", "message_status", "received", "screened", "failed"),
        sa.Column("problems", sa.JSON(), nullable=False),
        _at("screened_at", nullable=True),
        sa.UniqueConstraint("content_hash", name=op.f("uq_messages_content_hash")),
    )
    _indexes("messages", "received_at", "status")
    op.create_table(
        "flights",
        _id(),
        _text("carrier", 3),
        _text("number", 5),
        sa.Column("date", sa.Date(), nullable=True),
        _text("origin", 3, nullable=True),
        _text("destination", 3, nullable=True),
        sa.Column("departure", sa.DateTime(), nullable=True),
        sa.Column("arrival", sa.DateTime(), nullable=True),
        _at("created_at"),
        _at("updated_at"),
        sa.UniqueConstraint("carrier", "number", "date", name="uq_flights_departure"),
    )
    _indexes("flights", "carrier", "departure")
    op.create_table(
        "travellers",
        _id(),
        _fk("flight_id", "flights.id", ondelete="CASCADE"),
        _fk("message_id", "messages.id", nullable=True, ondelete="SET NULL"),
        _text("identity", 64),
        _text("role", 16),
        _text("surname", 200),
        _text("given_names", 200),
        _text("record_locator", 16, nullable=True),
        sa.Column("priority", sa.Float(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("booking", sa.JSON(), nullable=True),
        _at("created_at"),
        _at("updated_at"),
    )
    _indexes("travellers", "flight_id", "identity", "record_locator", "surname")


def _access() -> None:
    op.create_table(
        "users",
        _id(),
        _text("name", 64),
        _enum(
            "role",
            "role",
            "officer",
            "supervisor",
            "analyst",
            "auditor",
            "admin",
            "carrier",
            "intake",
        ),
        _text("password_hash", 255),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        _at("locked_until", nullable=True),
        _text("language", 8, nullable=True),
        _at("created_at"),
        _at("last_login_at", nullable=True),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "tokens",
        _id(),
        _text("name", 64),
        _enum("kind", "token_kind", "intake", "carrier", "personal"),
        _text("digest", 64),
        _text("prefix", 16),
        _text("carrier", 3, nullable=True),
        _fk("user_id", "users.id", nullable=True, ondelete="CASCADE"),
        _at("created_at"),
        _text("created_by", 100),
        _at("last_used_at", nullable=True),
        _at("revoked_at", nullable=True),
        sa.CheckConstraint("kind <> 'carrier' OR carrier IS NOT NULL", name="carrier_scoped"),
        sa.CheckConstraint("kind <> 'personal' OR user_id IS NOT NULL", name="personal_user"),
        sa.UniqueConstraint("digest", name=op.f("uq_tokens_digest")),
        sa.UniqueConstraint("name", name=op.f("uq_tokens_name")),
    )
    _indexes("tokens", "user_id")
    op.create_table(
        "settings",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.JSON(), nullable=False),
        _at("updated_at"),
        _text("updated_by", 100),
    )


def _review() -> None:
    op.create_table(
        "hits",
        _id(),
        _fk("traveller_id", "travellers.id", ondelete="CASCADE"),
        _enum("kind", "finding_kind", "document", "watchlist", "rule", "data"),
        _text("code", 100),
        _enum("severity", "severity", "info", "low", "medium", "high", "critical"),
        sa.Column("score", sa.Float(), nullable=False),
        _text("explanation"),
        _text("source", 200),
        sa.Column("detail", sa.JSON(), nullable=False),
        _enum("status", "hit_status", "new", "in_review", "confirmed", "dismissed", "reopened"),
        _text("fingerprint", 64),
        _fk("remembered_from_id", "hits.id", nullable=True, ondelete="SET NULL"),
        _at("created_at"),
        _at("updated_at"),
    )
    _indexes("hits", "fingerprint", "status", "traveller_id")
    op.create_table(
        "decisions",
        _id(),
        _fk("hit_id", "hits.id", ondelete="CASCADE"),
        _fk("user_id", "users.id"),
        _enum("decision", "decision", "in_review", "confirmed", "dismissed", "reopened"),
        _text("reason"),
        _at("at"),
    )
    _indexes("decisions", "hit_id")
    op.create_table(
        "notes",
        _id(),
        _fk("traveller_id", "travellers.id", ondelete="CASCADE"),
        _fk("hit_id", "hits.id", nullable=True, ondelete="CASCADE"),
        _fk("user_id", "users.id"),
        _text("text"),
        _at("at"),
    )
    _indexes("notes", "traveller_id")
    statuses = ("pending_approval", "issued", "delivered", "acknowledged", "withdrawn")
    op.create_table(
        "recommendations",
        _id(),
        _fk("traveller_id", "travellers.id"),
        _text("carrier", 3),
        _enum("kind", "recommendation_kind", "no_board"),
        _text("reason"),
        _enum("status", "recommendation_status", *statuses),
        _fk("officer_id", "users.id"),
        _fk("supervisor_id", "users.id", nullable=True),
        _at("created_at"),
        *(_at(f"{step}_at", nullable=True) for step in ("approved", "issued", "delivered")),
        _at("acknowledged_at", nullable=True),
        _text("acknowledged_by", 100, nullable=True),
        _at("withdrawn_at", nullable=True),
        _fk("withdrawn_by", "users.id", nullable=True),
        _text("withdrawal_reason", nullable=True),
    )
    _indexes("recommendations", "carrier", "status", "traveller_id")


def upgrade() -> None:
    _intake()
    _access()
    _review()


def downgrade() -> None:
    for table in ("recommendations", "notes", "decisions", "hits", "settings", "tokens"):
        op.drop_table(table)
    for table in ("users", "travellers", "flights", "messages"):
        op.drop_table(table)
