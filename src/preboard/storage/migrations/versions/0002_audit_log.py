"""The audit log: records chained by hash, the chain head, and the triggers that keep them
append-only.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

On both databases: records cannot be updated or deleted (nor truncated, on PostgreSQL); a new
record is accepted only as the next after the head, chained to the head's hash; the head moves
only to a record just appended and cannot be deleted. Someone who can drop triggers can still
tamper, and ``preboard audit verify`` is there to show it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64

_SQLITE = [
    """CREATE TRIGGER audit_records_no_update BEFORE UPDATE ON audit_records
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only (UPDATE refused)'); END""",
    """CREATE TRIGGER audit_records_no_delete BEFORE DELETE ON audit_records
    BEGIN SELECT RAISE(ABORT, 'audit records are append-only (DELETE refused)'); END""",
    """CREATE TRIGGER audit_records_chained BEFORE INSERT ON audit_records
    WHEN NOT EXISTS (SELECT 1 FROM audit_head
                     WHERE id = 1 AND seq + 1 = NEW.seq AND hash = NEW.prev_hash)
    BEGIN SELECT RAISE(ABORT, 'an audit record must follow the chain head'); END""",
    """CREATE TRIGGER audit_head_advances BEFORE UPDATE ON audit_head
    WHEN NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1
         OR NOT EXISTS (SELECT 1 FROM audit_records WHERE seq = NEW.seq AND hash = NEW.hash)
    BEGIN SELECT RAISE(ABORT, 'the audit chain head moves only to the record just appended');
    END""",
    """CREATE TRIGGER audit_head_kept BEFORE DELETE ON audit_head
    BEGIN SELECT RAISE(ABORT, 'the audit chain head cannot be deleted'); END""",
]

_POSTGRESQL = [
    """CREATE FUNCTION preboard_audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit log is append-only (% on % refused)', TG_OP, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END $$""",
    """CREATE FUNCTION preboard_audit_chained() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM audit_head
                       WHERE id = 1 AND seq + 1 = NEW.seq AND hash = NEW.prev_hash) THEN
            RAISE EXCEPTION 'an audit record must follow the chain head'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE FUNCTION preboard_audit_head_advances() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 OR NOT EXISTS (
            SELECT 1 FROM audit_records WHERE seq = NEW.seq AND hash = NEW.hash) THEN
            RAISE EXCEPTION 'the audit chain head moves only to the record just appended'
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
    FOR EACH ROW EXECUTE FUNCTION preboard_audit_refuse()""",
    """CREATE TRIGGER audit_records_no_truncate BEFORE TRUNCATE ON audit_records
    FOR EACH STATEMENT EXECUTE FUNCTION preboard_audit_refuse()""",
    """CREATE TRIGGER audit_records_chained BEFORE INSERT ON audit_records
    FOR EACH ROW EXECUTE FUNCTION preboard_audit_chained()""",
    """CREATE TRIGGER audit_head_advances BEFORE UPDATE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION preboard_audit_head_advances()""",
    """CREATE TRIGGER audit_head_kept BEFORE DELETE OR TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION preboard_audit_refuse()""",
]

_GUARDS = {"sqlite": _SQLITE, "postgresql": _POSTGRESQL}
_FUNCTIONS = ("preboard_audit_refuse", "preboard_audit_chained", "preboard_audit_head_advances")


def upgrade() -> None:
    op.create_table(
        "audit_records",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("hash", name=op.f("uq_audit_records_hash")),
    )
    for column in ("at", "actor", "action", "subject"):
        op.create_index(op.f(f"ix_audit_records_{column}"), "audit_records", [column])
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.CheckConstraint("id = 1", name="single_row"),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS}])
    for statement in _GUARDS[op.get_bind().dialect.name]:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("audit_head")
    op.drop_table("audit_records")
    if op.get_bind().dialect.name == "postgresql":
        for function in _FUNCTIONS:
            op.execute(f"DROP FUNCTION {function}()")
