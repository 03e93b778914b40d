"""The ``Database``: an engine, its session factories and the translation of "cannot reach the
database" into ``StorageUnavailable``.

    db = open_database(url, settings)      # migrates to the newest schema on first use
    with db.write() as session:            # commits on success, rolls back on error
        ...
    with db.session() as session:          # deferred: the write lock only when it writes
        ...
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field

import structlog
from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from preboard.settings import Settings
from preboard.storage.engine import default_url, describe, make_engine, session_factory
from preboard.storage.errors import StorageUnavailable
from preboard.storage.group import GroupCommit

__all__ = ["Database", "is_unavailable", "open_database", "unavailable"]

log = structlog.get_logger(__name__)

# SQLite result codes that mean "cannot use the file now", not "bad SQL".
_SQLITE_UNAVAILABLE = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_IOERR"}


def is_unavailable(err: BaseException) -> bool:
    """Whether a SQLAlchemy error means the database cannot be reached or stayed busy (rather
    than a bug in a statement)."""
    if not isinstance(err, sa_exc.OperationalError | sa_exc.InterfaceError):
        return isinstance(err, sa_exc.DBAPIError) and err.connection_invalidated
    orig = err.orig
    if isinstance(orig, sqlite3.Error):
        name = getattr(orig, "sqlite_errorname", "")
        return any(name.startswith(code) for code in _SQLITE_UNAVAILABLE)
    return True


def unavailable(err: sa_exc.SQLAlchemyError, url: str) -> StorageUnavailable:
    """The preboard error for ``err`` on the database at ``url`` (password hidden)."""
    reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    log.warning("storage.unavailable", database=describe(url), reason=reason)
    return StorageUnavailable(f"database unavailable ({describe(url)}): {reason}")


@dataclass(frozen=True, slots=True)
class Database:
    """One database: its URL, engine, and session factories for reading and writing."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    writers: sessionmaker[Session]
    snapshots: sessionmaker[Session]
    # SQLite: writers of this process queue here for the write lock, in turn, rather than
    # in SQLite's busy handler, which sleeps up to 100 ms between tries (None: PostgreSQL).
    writer_turn: threading.RLock | None = None
    group: GroupCommit = field(default_factory=GroupCommit)

    @classmethod
    def connect(cls, url: str) -> Database:
        """A ``Database`` for ``url`` without migrating it (see ``open_database``)."""
        engine = make_engine(url)
        snapshot = engine
        if engine.dialect.name == "postgresql":
            snapshot = engine.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
        return cls(
            url,
            engine,
            session_factory(engine),
            session_factory(engine, immediate=True),
            session_factory(snapshot),
            threading.RLock() if engine.dialect.name == "sqlite" else None,
        )

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def _scope(self, factory: sessionmaker[Session]) -> Iterator[Session]:
        try:
            with factory() as session, session.begin():
                yield session
        except sa_exc.SQLAlchemyError as err:
            if is_unavailable(err):
                raise unavailable(err, self.url) from err
            raise

    def session(self) -> AbstractContextManager[Session]:
        """A session for reading (and ordinary writes); committed when the block ends."""
        return self._scope(self.sessions)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that takes the write lock at once (``BEGIN IMMEDIATE`` on SQLite, after
        this process's other writers): for anything that reads then writes the same rows,
        such as an audit append."""
        with self.writer_turn or nullcontext(), self._scope(self.writers) as session:
            yield session

    def grouped(self, work: Callable[[Session], None]) -> None:
        """Run ``work`` in a write transaction shared with other threads' at the same moment
        and return once it is committed (``group.py``): for many small appends."""
        self.group.run(self, work)

    def snapshot(self) -> AbstractContextManager[Session]:
        """A read-only session that sees one consistent state of the whole database from its
        first read to its end (``REPEATABLE READ`` on PostgreSQL; a read transaction on SQLite
        in WAL mode is one already): for reading a whole log while others append."""
        return self._scope(self.snapshots)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(url: str | None, settings: Settings) -> Database:
    """The database at ``url`` (default: the SQLite file under ``settings.data_dir``),
    migrated to the newest schema first."""
    from preboard.storage.migrate import upgrade

    target = url or default_url(settings)
    upgrade(target)
    return Database.connect(target)
