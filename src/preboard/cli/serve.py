"""``preboard serve``: the HTTP API (uvicorn), with its screening worker.

    preboard serve --host 127.0.0.1 --port 8000 --database sqlite:///var/preboard.db \
        --watchlist lists/watchlist.csv --lost-stolen lists/lost_stolen.csv --rules rules/

Messages posted to ``/api/v1/messages`` are stored, acknowledged, then screened against the
lists and rules named here (without them: the document checks only). The database is migrated
on start. Uvicorn's access log is off, because URLs carry search terms (names); the service
logs its own events with structlog.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import structlog
import typer
import uvicorn

from preboard.cli.audit import DatabaseOption, open_db, reported
from preboard.cli.render import console
from preboard.cli.screen import load_screening
from preboard.settings import Settings
from preboard.web import create_app

__all__ = ["serve_command"]

log = structlog.get_logger(__name__)


def serve_command(
    host: Annotated[str, typer.Option(help="address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    database: DatabaseOption = None,
    watchlist: Annotated[Path | None, typer.Option(help="watchlist to screen against")] = None,
    lost_stolen: Annotated[Path | None, typer.Option(help="lost and stolen documents")] = None,
    rules: Annotated[Path | None, typer.Option(help="folder of rule YAML files")] = None,
    visa: Annotated[Path | None, typer.Option(help="visa requirements CSV")] = None,
) -> None:
    """Serve the HTTP API until stopped (Ctrl-C)."""
    with reported():
        settings = Settings()
        options = {"watchlist": watchlist, "lost_stolen": lost_stolen, "rules": rules, "visa": visa}
        screening, problems = load_screening(options, dt.date.today(), console(stderr=True))
        for problem in problems:
            log.warning("serve.list_problem", file=problem.file, reason=problem.message)
        db = open_db(database)
    try:
        app = create_app(settings, db, screening)
        uvicorn.run(app, host=host, port=port, access_log=False, log_level=settings.log_level)
    finally:
        db.dispose()
