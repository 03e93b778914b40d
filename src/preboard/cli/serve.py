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

from preboard.assessment import Screening
from preboard.cli.audit import DatabaseOption, open_db, reported
from preboard.documents import DocumentChecks, load_lost_stolen, load_visa_table
from preboard.documents.visa import example_visa_table
from preboard.matching import Matcher
from preboard.rules import CompiledRule, LintStatus, compile_rule, lint_directory, runnable
from preboard.settings import Settings
from preboard.watchlist import Watchlist
from preboard.watchlist.loaders import load_watchlist
from preboard.web import create_app

__all__ = ["ScreeningFiles", "serve_command"]

log = structlog.get_logger(__name__)


def _rules(directory: Path | None, on: dt.date) -> tuple[CompiledRule, ...]:
    if directory is None:
        return ()
    results = lint_directory(directory, on)
    for result in results:
        if result.status is not LintStatus.OK:
            log.warning("serve.rule_not_run", rule=result.rule_id, status=result.status.value)
    return tuple(compile_rule(rule) for rule in runnable(results))


class ScreeningFiles:
    """The lists and rules named on the command line."""

    def __init__(self, watchlist: Path | None, lost_stolen: Path | None, rules: Path | None,
                 visa: Path | None) -> None:  # fmt: skip
        self.watchlist, self.lost_stolen, self.rules, self.visa = (
            watchlist,
            lost_stolen,
            rules,
            visa,
        )

    def load(self, on: dt.date) -> Screening:
        """Read them once: the matcher, the document checks, the runnable rules."""
        matcher, listed = None, None
        if self.watchlist is not None:
            path = self.watchlist
            loaded = load_watchlist(path, Watchlist(id=path.stem, name=path.name))
            matcher = Matcher.build(loaded.entries) if loaded.entries else None
            listed = loaded.watchlist
        lost = load_lost_stolen(self.lost_stolen) if self.lost_stolen else None
        visa = load_visa_table(self.visa) if self.visa else example_visa_table()
        documents = DocumentChecks(lost_stolen=lost, visa=visa)
        return Screening(matcher, listed, documents, _rules(self.rules, on))


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
        screening = ScreeningFiles(watchlist, lost_stolen, rules, visa).load(dt.date.today())
        db = open_db(database)
    try:
        app = create_app(settings, db, screening)
        uvicorn.run(app, host=host, port=port, access_log=False, log_level=settings.log_level)
    finally:
        db.dispose()
