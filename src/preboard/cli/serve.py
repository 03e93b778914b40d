"""``preboard serve``: the HTTP API and web UI (uvicorn), with a screening worker process.

    preboard serve --host 127.0.0.1 --port 8000 --database sqlite:///var/preboard.db \
        --watchlist lists/watchlist.csv --lost-stolen lists/lost_stolen.csv --rules rules/ \
        [--workers 4] [--screening process|thread|off]

Messages posted to ``/api/v1/messages`` are stored, acknowledged, then screened against the
lists and rules named here (without them: the document checks only). The database is migrated
on start. ``--screening``: ``process`` (the default) starts ``preboard worker`` beside the
server and stops it with the server, so screening never holds the interpreter that answers
pages; ``thread`` screens inside the server process (one process, as the tests run it);
``off`` leaves screening to a ``preboard worker`` started separately. ``--workers N`` answers
requests in N uvicorn processes (over PostgreSQL, or SQLite's one writer at a time); they
share the session secret, so a browser's session is valid in all of them. Uvicorn's access
log is off, because URLs carry search terms (names); the service logs its own events with
structlog.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from enum import StrEnum
from typing import Annotated

import structlog
import typer
import uvicorn

from preboard.cli.audit import DatabaseOption, open_db, reported
from preboard.cli.worker import ListOptions, Lists, LostStolen, Rules, Visa, screening_source
from preboard.settings import Settings
from preboard.storage import Database
from preboard.web import create_app

__all__ = ["Screening", "serve_command", "served_app"]

log = structlog.get_logger(__name__)


class Screening(StrEnum):
    """Where stored messages are screened."""

    PROCESS = "process"
    THREAD = "thread"
    OFF = "off"


def served_app() -> object:
    """The app of one of several uvicorn worker processes (``--workers N``): the database,
    session secret and settings come from the ``PREBOARD_*`` variables ``serve`` sets."""
    settings = Settings()
    database = Database.connect(settings.database_url or "")
    return create_app(settings, database, start_worker=False)


def _start_worker(url: str, options: ListOptions) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "preboard", "worker", "--database", url,
               "--parent", str(os.getpid())]  # fmt: skip
    for name, path in options.items():
        if path is not None:
            command += [f"--{name.replace('_', '-')}", str(path)]
    return subprocess.Popen(command)


def _stop_worker(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        process.kill()


def _serve_many(host: str, port: int, url: str, workers: int, settings: Settings) -> None:
    secret = settings.session_secret
    os.environ["PREBOARD_DATABASE_URL"] = url
    if settings.rules_dir is not None:
        os.environ["PREBOARD_RULES_DIR"] = str(settings.rules_dir)
    os.environ["PREBOARD_SESSION_SECRET"] = (
        secret.get_secret_value() if secret else secrets.token_urlsafe(48)
    )
    uvicorn.run(
        "preboard.cli.serve:served_app", factory=True, host=host, port=port, workers=workers,
        access_log=False, log_level=settings.log_level,
    )  # fmt: skip


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    database: DatabaseOption = None,
    watchlist: Lists = None,
    lost_stolen: LostStolen = None,
    rules: Rules = None,
    visa: Visa = None,
    workers: Annotated[int, typer.Option(min=1, help="uvicorn processes")] = 1,
    screening: Annotated[
        Screening, typer.Option(help="process, thread (inside the server) or off")
    ] = Screening.PROCESS,
) -> None:
    """Serve the HTTP API and web UI until stopped (Ctrl-C)."""
    options: ListOptions = {
        "watchlist": watchlist, "lost_stolen": lost_stolen, "rules": rules, "visa": visa,
    }  # fmt: skip
    with reported():
        settings = Settings()
        if rules is not None:  # the rules pages edit the folder screening runs
            settings = settings.model_copy(update={"rules_dir": rules})
        source = screening_source(options, settings) if screening is Screening.THREAD else None
        db = open_db(database)
    worker = _start_worker(db.url, options) if screening is Screening.PROCESS else None
    try:
        if workers > 1:
            db.dispose()
            _serve_many(host, port, db.url, workers, settings)
            return
        current = source.current if source is not None else None
        app = create_app(settings, db, current, start_worker=source is not None)
        uvicorn.run(app, host=host, port=port, access_log=False, log_level=settings.log_level)
    finally:
        _stop_worker(worker)
        db.dispose()
