"""Whether the service can reach its database."""

from __future__ import annotations

from sqlalchemy import text

from preboard.storage import Database

__all__ = ["check_database"]


def check_database(database: Database) -> str:
    """The database's dialect once a trivial query answered; ``StorageUnavailable`` when it
    cannot be reached."""
    with database.session() as session:
        session.execute(text("SELECT 1"))
    return database.dialect
