"""What a tamperer with database access does: get round the append-only triggers, then run
their own SQL on the audit tables (for the tests that show ``verify`` catches it)."""

from __future__ import annotations

from sqlalchemy import text

from preboard.storage import Database

SQLITE_GUARDS = (
    "audit_records_no_update",
    "audit_records_no_delete",
    "audit_records_chained",
    "audit_head_advances",
    "audit_head_kept",
)


def tamper(database: Database, *statements: str, **params: object) -> None:
    """Run SQL as a tamperer would: first getting round the append-only triggers."""
    with database.write() as session:
        if database.dialect == "sqlite":
            for name in SQLITE_GUARDS:
                session.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        else:
            session.execute(text("ALTER TABLE audit_records DISABLE TRIGGER USER"))
            session.execute(text("ALTER TABLE audit_head DISABLE TRIGGER USER"))
        for statement in statements:
            session.execute(text(statement), params)
