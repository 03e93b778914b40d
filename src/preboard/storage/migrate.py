"""Alembic migrations, run from code: the scripts ship inside the package (``migrations/``), so
an installed wheel migrates its database without an ``alembic.ini``.

    upgrade("sqlite:///var/preboard.db")      # to the newest revision; a no-op when there
"""

from __future__ import annotations

from pathlib import Path

import structlog
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy import exc as sa_exc

from preboard.storage.database import is_unavailable, unavailable
from preboard.storage.engine import describe, make_engine

__all__ = ["MIGRATIONS", "alembic_config", "current_revision", "head_revision", "upgrade"]

log = structlog.get_logger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_LOCK = 0x70726562  # "preb": the advisory lock that serialises migrations on PostgreSQL


def alembic_config(url: str | None = None) -> Config:
    """An Alembic configuration pointing at the packaged scripts (and ``url`` if given)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    """The newest revision the package ships."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision the database on ``connection`` is at (``None`` when never migrated)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at ``url`` to ``revision`` in one transaction; concurrent callers
    wait for each other. ``StorageUnavailable`` when the database cannot be reached."""
    engine = make_engine(url)
    config = alembic_config()
    try:
        with engine.execution_options(preboard_immediate=True).begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK})")
            before = current_revision(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            after = current_revision(connection)
    except sa_exc.SQLAlchemyError as err:
        if is_unavailable(err):
            raise unavailable(err, url) from err
        raise
    finally:
        engine.dispose()
    if before != after:
        log.info("storage.migrated", database=describe(url), before=before, after=after)
