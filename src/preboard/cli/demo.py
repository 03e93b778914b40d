"""``preboard demo``: a synthetic day at Cancun, served and replayed, or screened offline.

    preboard demo [--port 8000] [--speed N] [--keep] [--data-dir var] [--flights N]
    preboard demo --offline [--top 5]

The day (about 40 departures to the US, 8,000 passengers, planted cases) is written to
``<data_dir>/demo-day`` by ``preboard demo-data`` logic and reused on later runs. By default
the service then runs on 127.0.0.1 with a fresh SQLite database under ``<data_dir>/demo`` and
the day's messages are replayed into its intake as the airlines send them, faster than real
time (``demo_service``, ``demo_replay``), until Ctrl-C. With ``--offline`` the day is screened
in-process, as ``preboard screen`` would, each flight's worklist printed, and the command ends.
``examples_dir()`` holds the small hand-written example messages that the parser tests read.
"""

from __future__ import annotations

import contextlib
import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from preboard.assessment import screen
from preboard.cli.audit import reported
from preboard.cli.demo_data import ensure_day
from preboard.cli.demo_service import DemoOptions, check_host, day_screening, listen, run_service
from preboard.cli.render import console
from preboard.cli.screen import expand, worklist_table
from preboard.ingest.reader import read_paths
from preboard.settings import Settings
from preboard.synthetic.day import DEFAULT_DATE

__all__ = ["demo_command", "examples_dir", "offline"]


def examples_dir() -> Path:
    """The folder of example messages written for preboard (synthetic people)."""
    return Path(str(resources.files("preboard") / "examples"))


def offline(folder: Path, top: int) -> None:
    """Screen the day in-process and print each flight's worklist (``--offline``)."""
    out = console()
    started = time.perf_counter()
    screening = day_screening(folder, console(stderr=True), workers=2)
    loaded = time.perf_counter()
    read = read_paths(expand([folder / "messages"]))
    worklists = screen(read.manifests, screening)
    done = time.perf_counter()
    for worklist in worklists:
        out.print(worklist_table(worklist, top))
    hits = [
        (f.score, f.explanation)
        for w in worklists
        for a in w.travellers
        for f in a.findings
        if f.kind.value == "watchlist"
    ]
    if hits:
        out.print("\n[bold]The least certain watchlist finding[/], as an officer reads it:")
        out.print(min(hits)[1], markup=False)
    travellers = sum(len(w.travellers) for w in worklists)
    flagged = sum(w.flagged for w in worklists)
    out.print(
        f"\n[bold]{len(worklists)} flights, {travellers} travellers screened[/] in "
        f"{done - loaded:.1f} s (lists and rules loaded in {loaded - started:.1f} s); "
        f"{flagged} travellers with findings. Every finding is a lead for an officer to "
        f"review, never a decision. Planted cases: {folder / 'truth.json'}"
    )


def demo_command(
    port: Annotated[int, typer.Option(help="port on 127.0.0.1 (0: any free port)")] = 8000,
    speed: Annotated[
        float | None,
        typer.Option(
            min=1.0,
            help="how much faster than real time the day is replayed (600: ten minutes a "
            "second; default: the whole day in about a minute)",
        ),
    ] = None,
    keep: Annotated[
        bool, typer.Option("--keep", help="keep the demo database of the last run")
    ] = False,
    offline_run: Annotated[
        bool, typer.Option("--offline", help="screen the day in-process, print, and end")
    ] = False,
    top: Annotated[int, typer.Option(help="travellers shown per flight (--offline)")] = 5,
    seed: Annotated[int, typer.Option(help="seed of the synthetic day")] = 1,
    flights: Annotated[
        int | None, typer.Option(min=1, help="departures in the day (default: all)")
    ] = None,
    data_dir: Annotated[
        Path | None,
        typer.Option(help="folder for the day and the demo database (default: data_dir setting)"),
    ] = None,
    host: Annotated[str, typer.Option(help="127.0.0.1, localhost or ::1 only")] = "127.0.0.1",
) -> None:
    """Serve a synthetic day at Cancun on 127.0.0.1 and replay its messages into the intake
    (until Ctrl-C); with --offline, screen it and print each flight's worklist."""
    settings = Settings()
    base = data_dir or settings.data_dir
    folder = base / "demo-day" if flights is None else base / f"demo-day-{flights}"
    with reported():
        if offline_run:
            console().print(ensure_day(folder, seed, DEFAULT_DATE, flights, force=False))
            offline(folder, top)
            return
        check_host(host, settings)
        with contextlib.closing(listen(host, port)) as sock:  # first: a port in use ends here
            try:
                console().print(ensure_day(folder, seed, DEFAULT_DATE, flights, force=False))
                options = DemoOptions(base, folder, speed=speed, keep=keep)
                run_service(options, settings.model_copy(update={"data_dir": base}), sock)
            except KeyboardInterrupt:  # before the server was up: nothing to shut down
                console().print("stopped.")
