"""Engines and sessions for SQLite (the embedded default) and PostgreSQL (the deployment).

    engine = make_engine("sqlite:///var/preboard.db")   # or postgresql+psycopg://...
    sessions = session_factory(engine)

SQLite connections run in WAL mode (readers never wait for the writer) with foreign keys on and
a busy timeout, and keep SQLite's default ``synchronous=FULL`` so a commit survives power loss.
pysqlite's own transaction handling is switched off and SQLAlchemy's ``BEGIN`` emitted instead,
so that a writing session can begin with ``BEGIN IMMEDIATE``: it takes SQLite's write lock at
once and waits (busy timeout) for another writer rather than failing halfway through.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from preboard.errors import ConfigurationError
from preboard.settings import Settings

__all__ = [
    "BUSY_TIMEOUT_MS",
    "default_url",
    "describe",
    "make_engine",
    "session_factory",
]

BUSY_TIMEOUT_MS = 10_000
_IMMEDIATE = "preboard_immediate"  # execution option: BEGIN IMMEDIATE on SQLite


def default_url(settings: Settings) -> str:
    """The embedded database: ``sqlite:///<data_dir>/preboard.db``."""
    return f"sqlite:///{settings.data_dir / 'preboard.db'}"


def describe(url: str | URL) -> str:
    """The URL as safe to show and log: the password hidden."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_engine(url: str | URL) -> Engine:
    """An engine for ``url`` (``sqlite:///path`` or ``postgresql+psycopg://...``).

    A bare ``postgresql://`` URL is given the psycopg 3 driver. Raises ``ConfigurationError``
    for a URL of another database or one that cannot be parsed.
    """
    try:
        parsed = make_url(url)
    except Exception as err:  # ArgumentError, ValueError: both mean an unusable URL
        raise ConfigurationError(f"not a database URL: {err}") from err
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(parsed)
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        connect_args = {} if "connect_timeout" in parsed.query else {"connect_timeout": 10}
        return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    raise ConfigurationError(
        f"unsupported database {backend!r} in {describe(parsed)}: use sqlite or postgresql"
    )


def session_factory(engine: Engine, *, immediate: bool = False) -> sessionmaker[Session]:
    """Sessions bound to ``engine``. With ``immediate``, each SQLite transaction begins with
    ``BEGIN IMMEDIATE`` (the write lock at once); PostgreSQL ignores the option."""
    bind = engine.execution_options(**{_IMMEDIATE: True}) if immediate else engine
    return sessionmaker(bind=bind, expire_on_commit=False)
