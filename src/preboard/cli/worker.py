"""``preboard worker``: screen stored messages in a process of its own, and send the carriers'
webhooks, until stopped.

    preboard worker --database URL --watchlist lists/watchlist.csv --lost-stolen lists/sltd.csv \
        --rules rules/

The service's screening: it takes every message intake stored and has not screened yet
(polling the database every ``--poll`` seconds), re-assesses the flights they describe and
saves their worklists. ``preboard serve`` starts one by default, so that screening a flight
(hundreds of milliseconds of Python) never holds the interpreter that answers the officers'
pages; a deployment with several ``serve`` processes runs them with ``--screening off`` and one
``preboard worker`` beside them (one only: it also sends the carriers' webhooks, see
``service.webhook_worker``). Two workers on one database are safe (a flight's save checks
that its messages did not change meanwhile) but do the same work twice.

It runs at a lower CPU priority (``--nice 19``): when the machine is busy, officers' pages
come first and screening takes the CPU they leave; a burst of messages is then screened a
little later rather than every page waiting behind it.

It stops on SIGTERM or SIGINT after finishing the flight in hand, and on its own when
``--parent`` names a process that has ended (``serve`` passes its own id, so that a server
killed outright does not leave its worker behind).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Annotated

import structlog
import typer

from preboard.cli.audit import DatabaseOption, open_db, reported
from preboard.cli.render import console
from preboard.cli.screen import load_screening
from preboard.service import ScreeningSource, ScreeningWorker, WebhookWorker
from preboard.settings import Settings
from preboard.watchlist.versions import VersionStore

__all__ = ["ListOptions", "screening_source", "worker_command"]

log = structlog.get_logger(__name__)

Lists = Annotated[Path | None, typer.Option(help="watchlist to screen against")]
LostStolen = Annotated[Path | None, typer.Option(help="lost and stolen documents")]
Rules = Annotated[Path | None, typer.Option(help="folder of rule YAML files")]
Visa = Annotated[Path | None, typer.Option(help="visa requirements CSV")]
ListOptions = dict[str, Path | None]


def screening_source(options: ListOptions, settings: Settings) -> ScreeningSource:
    """What screening runs: the lists named by ``options``, then the rules released since into
    the rules folder and the latest version of the list imported in the UI under the
    watchlist file's name (see ``service.lists``)."""
    base, problems = load_screening(options, dt.date.today(), console(stderr=True))
    for problem in problems:
        log.warning("screening.list_problem", file=problem.file, reason=problem.message)
    listed = options.get("watchlist")
    return ScreeningSource(
        base,
        rules_dir=options.get("rules") or settings.rules_dir,
        store=VersionStore(settings.data_dir),
        list_id=listed.stem if listed else None,
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return os.getppid() == pid


def worker_command(
    database: DatabaseOption = None,
    watchlist: Lists = None,
    lost_stolen: LostStolen = None,
    rules: Rules = None,
    visa: Visa = None,
    poll: Annotated[float, typer.Option(help="seconds between looks for new messages")] = 0.25,
    parent: Annotated[int | None, typer.Option(help="stop when this process ends")] = None,
    nice: Annotated[int, typer.Option(min=0, max=19, help="CPU priority below requests")] = 19,
) -> None:
    """Screen stored messages until stopped (SIGTERM or Ctrl-C)."""
    os.nice(nice)
    with reported():
        settings = Settings()
        options: ListOptions = {
            "watchlist": watchlist, "lost_stolen": lost_stolen, "rules": rules, "visa": visa,
        }  # fmt: skip
        source = screening_source(options, settings)
        db = open_db(database)
    stop = threading.Event()

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    gather = settings.screening_gather_seconds
    worker = ScreeningWorker(db, source.current, poll=poll, gather=gather)
    webhooks = WebhookWorker(db, settings)
    worker.start()
    webhooks.start()
    try:
        while not stop.wait(1.0):
            if parent is not None and not _alive(parent):
                log.warning("worker.parent_gone", parent=parent)
                break
    finally:
        webhooks.stop()
        worker.stop()
        db.dispose()
