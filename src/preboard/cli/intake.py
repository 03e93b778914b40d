"""``preboard intake watch DIR``: take in message files dropped into a folder.

    preboard intake watch inbox/ [--database URL] [--watchlist W --lost-stolen L --rules R]
                                 [--once] [--poll 2]

Each file is stored as if posted to ``/api/v1/messages`` (durable, deduplicated by content),
then moved to ``inbox/done/``, or to ``inbox/failed/`` beside a ``.reason.txt``. Stored messages
are screened by this process's screening worker against the lists and rules named (and by a
running ``preboard serve`` on the same database, whichever comes first). ``--once`` takes what
is there, waits until it is screened, and exits.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Annotated

import typer

from preboard.cli.audit import DatabaseOption, open_db, reported
from preboard.cli.render import console
from preboard.cli.screen import load_screening
from preboard.errors import NotFoundError
from preboard.service.folder import take_folder
from preboard.service.worker import ScreeningWorker
from preboard.users import Principal, Role

app = typer.Typer(help="Take in airline messages from outside the HTTP API.", no_args_is_help=True)


@app.command("watch")
def watch_command(
    folder: Annotated[Path, typer.Argument(help="folder that airline files are dropped into")],
    database: DatabaseOption = None,
    watchlist: Annotated[Path | None, typer.Option(help="watchlist to screen against")] = None,
    lost_stolen: Annotated[Path | None, typer.Option(help="lost and stolen documents")] = None,
    rules: Annotated[Path | None, typer.Option(help="folder of rule YAML files")] = None,
    once: Annotated[bool, typer.Option("--once", help="take what is there, then exit")] = False,
    poll: Annotated[float, typer.Option(help="seconds between looks at the folder")] = 2.0,
) -> None:
    """Take in every file dropped into FOLDER, until stopped (Ctrl-C)."""
    out = console()
    with reported():
        if not folder.is_dir():
            raise NotFoundError(f"{folder}: no such folder")
        options = {"watchlist": watchlist, "lost_stolen": lost_stolen, "rules": rules, "visa": None}
        screening, _ = load_screening(options, dt.date.today(), console(stderr=True))
        db = open_db(database)
        principal = Principal(f"folder:{folder.resolve().name}", Role.INTAKE)
        worker = ScreeningWorker(db, lambda: screening, poll=poll)
        worker.start()
        try:
            while True:
                for taken in take_folder(db, principal, folder, settle=0.0 if once else 1.0):
                    note = " (duplicate)" if taken.duplicate else ""
                    out.print(f"{taken.name}: {taken.outcome}{note}")
                    worker.wake()
                if once:
                    worker.wait_idle(600)
                    return
                time.sleep(poll)
        except KeyboardInterrupt:
            return
        finally:
            worker.stop()
            db.dispose()
