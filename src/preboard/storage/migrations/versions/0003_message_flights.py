"""Which messages describe which flights, so a flight is re-assessed from all of its messages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "message_flights",
        sa.Column(
            "message_id",
            sa.Integer(),
            sa.ForeignKey("messages.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "flight_id",
            sa.Integer(),
            sa.ForeignKey("flights.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index(op.f("ix_message_flights_flight_id"), "message_flights", ["flight_id"])


def downgrade() -> None:
    op.drop_table("message_flights")
