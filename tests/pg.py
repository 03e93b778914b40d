"""pytest plugin: databases for the storage tests, on SQLite and on a throwaway PostgreSQL.

Fixtures:
- ``backend``: ``sqlite`` or ``postgres`` (a parametrised fixture: a test that uses
  ``database_url`` or ``database`` runs once on each; the PostgreSQL run carries the
  ``postgres`` marker, so ``-m "not postgres"`` leaves it out);
- ``database_url``: the URL of an empty database (a temporary SQLite file, or a fresh
  PostgreSQL database dropped after the test);
- ``database``: a migrated ``preboard.storage.Database`` (copied from a template migrated once
  per session), disposed after the test;
- ``postgres_server`` (session): the PostgreSQL server itself.

The server: with ``PREBOARD_TEST_POSTGRES_URL`` set (a superuser's URL), that server is used;
otherwise the newest ``/usr/lib/postgresql/*/bin`` (Debian's ``postgresql`` package) runs
``initdb`` in a temporary folder (as the ``postgres`` user when we are root: initdb refuses
root), and ``pg_ctl`` starts it on a free port, listening only on a unix socket in that folder,
with fsync off (a test server). It is stopped and its folder removed at the end of the session.
When no server can be started, PostgreSQL tests skip saying why, or fail when
``PREBOARD_REQUIRE_POSTGRES=1`` (CI sets it, so that they never skip silently there).
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from preboard.storage import Database, make_engine, upgrade

ENV_URL = "PREBOARD_TEST_POSTGRES_URL"
ENV_REQUIRE = "PREBOARD_REQUIRE_POSTGRES"
_names = itertools.count(1)


@dataclass
class PgServer:
    """A running server and a superuser's URL to its ``postgres`` database."""

    url: str
    admin: Engine = field(init=False)

    def __post_init__(self) -> None:
        self.admin = make_engine(self.url).execution_options(isolation_level="AUTOCOMMIT")

    def url_of(self, database: str) -> str:
        return make_url(self.url).set(database=database).render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def create(self, template: str | None = None) -> str:
        name = f"preboard_test_{os.getpid()}_{next(_names)}"
        copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{copy}")
        return name

    def drop(self, name: str) -> None:
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _bin_dir() -> Path | None:
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> None:
    result = subprocess.run(_as_owner(args), capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(f"{Path(args[0]).name} failed: {result.stderr.strip()[-500:]}")


def _start(bin_dir: Path, durable: bool = False) -> tuple[PgServer, Callable[[], None]]:
    """Start a server in a temporary folder; ``durable``: with PostgreSQL's default fsync and
    synchronous commits (benchmarks), else without (tests). Returns it and its ``stop``."""
    folder = Path(tempfile.mkdtemp(prefix="preboard-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses='' -c max_connections=200"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"

    def stop() -> None:
        subprocess.run(
            _as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)

    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust"]
    pg_ctl = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w"]
    try:
        _run([*initdb, "-E", "UTF8", "--locale=C", "--no-sync"])
        _run([*pg_ctl, "-t", "30", "-o", options, "start"])
    except (OSError, RuntimeError, subprocess.TimeoutExpired):
        stop()
        raise
    return PgServer(f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}"), stop


def start_server(durable: bool = True) -> tuple[PgServer, Callable[[], None]]:
    """A throwaway server from Debian's packages for a benchmark: ``(server, stop)``."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL under /usr/lib/postgresql (apt-get install postgresql)")
    return _start(bin_dir, durable)


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL not available: {reason}"
    if os.environ.get(ENV_REQUIRE) == "1":
        pytest.fail(f"{message} ({ENV_REQUIRE}=1)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgServer]:
    """A PostgreSQL server for the session (see the module docstring)."""
    if url := os.environ.get(ENV_URL):
        server = PgServer(url)
        yield server
        server.admin.dispose()
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        _unavailable("no /usr/lib/postgresql/*/bin/initdb (install Debian's postgresql)")
    assert bin_dir is not None
    try:
        server, stop = _start(bin_dir)
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as err:
        _unavailable(f"could not start a throwaway server: {err}")
        raise
    try:
        yield server
    finally:
        server.admin.dispose()
        stop()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated once, copied for each test."""
    path = tmp_path_factory.mktemp("template") / "preboard.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def _postgres_template(postgres_server: PgServer) -> Iterator[str]:
    """A PostgreSQL database migrated once, the template of each test's database."""
    name = postgres_server.create()
    upgrade(postgres_server.url_of(name))
    yield name
    postgres_server.drop(name)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgres``: the backend this run of the test uses."""
    return str(request.param)


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on ``backend``."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'preboard.db'}"
        return
    server: PgServer = request.getfixturevalue("postgres_server")
    name = server.create()
    yield server.url_of(name)
    server.drop(name)


@pytest.fixture
def database(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated, empty ``Database`` on ``backend``."""
    if backend == "sqlite":
        path = tmp_path / "preboard.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        db = Database.connect(f"sqlite:///{path}")
        yield db
        db.dispose()
        return
    server: PgServer = request.getfixturevalue("postgres_server")
    name = server.create(template=request.getfixturevalue("_postgres_template"))
    db = Database.connect(server.url_of(name))
    yield db
    db.dispose()
    server.drop(name)
