"""``preboard demo``: a synthetic day at Cancun, generated once, screened, and each flight's
worklist printed.

The day (about 40 departures to the US, 8,000 passengers, planted cases) is written to
``<data_dir>/demo-day`` by ``preboard demo-data`` logic and reused on later runs; it is screened
against its synthetic watchlist and lost-and-stolen list with the example rules, as
``preboard screen`` would. ``examples_dir()`` holds the small hand-written example messages
that the parser tests read.
"""

from __future__ import annotations

import datetime as dt
import time
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from preboard.assessment import screen
from preboard.cli.demo_data import ensure_day
from preboard.cli.render import console
from preboard.cli.screen import expand, load_screening, worklist_table
from preboard.ingest.reader import read_paths
from preboard.rules import EXAMPLES
from preboard.settings import Settings
from preboard.synthetic.day import DEFAULT_DATE


def examples_dir() -> Path:
    """The folder of example messages written for preboard (synthetic people)."""
    return Path(str(resources.files("preboard") / "examples"))


def demo_command(
    top: Annotated[int, typer.Option(help="travellers shown per flight")] = 5,
    seed: Annotated[int, typer.Option(help="seed of the synthetic day")] = 1,
) -> None:
    """Generate (once) a synthetic day at Cancun, screen it, and print each flight's worklist."""
    out = console()
    folder = Settings().data_dir / "demo-day"
    out.print(ensure_day(folder, seed, DEFAULT_DATE, None, force=False))
    options = {
        "watchlist": folder / "watchlist.csv",
        "lost_stolen": folder / "lost_stolen.csv",
        "rules": EXAMPLES,
        "visa": None,
        "workers": 2,
    }
    started = time.perf_counter()
    screening, _ = load_screening(options, dt.date.today(), console(stderr=True))
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
