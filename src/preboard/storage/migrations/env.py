"""Alembic environment: runs on the connection ``preboard.storage.migrate.upgrade`` passes in
(``config.attributes["connection"]``), or on ``sqlalchemy.url`` when run by the ``alembic``
command with ``-x``-less configuration (``alembic -c`` pointing here)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from preboard.storage.engine import make_engine
from preboard.storage.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run() -> None:
    """Run the migrations online (offline SQL scripts are not supported)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("no connection and no sqlalchemy.url to migrate")
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()


run()
