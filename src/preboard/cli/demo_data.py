"""``preboard demo-data OUT [--seed N] [--date YYYY-MM-DD] [--flights N] [--force]``.

Writes a synthetic day of departures from Cancun into OUT (see ``preboard.synthetic.day``):
PAXLST and PNRGOV messages, a watchlist, a lost and stolen documents list and the truth about
the planted cases. When OUT already holds the day for the same seed, date and number of
flights (its ``.stamp`` says so) nothing is generated again, unless ``--force``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from preboard.cli.render import console
from preboard.errors import ConfigurationError
from preboard.synthetic.day import (
    DEFAULT_DATE,
    GENERATOR_VERSION,
    KINDS,
    Day,
    make_day,
    pick_rows,
    stamp,
    stamp_matches,
    write_day,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigurationError(f"--date {text!r} is not a date (YYYY-MM-DD)") from None


def _summary(day: Day) -> str:
    kinds = Counter(case.kind for case in day.truth)
    return (
        f"{len(day.flights)} flights, {len(day.passengers)} passengers in "
        f"{len(day.bookings)} bookings, {sum(len(f.crew) for f in day.flights)} crew, "
        f"{len(day.watchlist)} watchlist entries, {len(day.lost_stolen)} lost or stolen "
        f"documents, {len(day.truth)} planted travellers ("
        + ", ".join(f"{kinds[k]} {k}" for k in KINDS)
        + ")"
    )


def ensure_day(out: Path, seed: int, day_date: dt.date, flights: int | None, force: bool) -> str:
    """Write the day into ``out`` unless it already holds it; say what was done."""
    expected = stamp(seed, day_date.isoformat(), len(pick_rows(flights)), GENERATOR_VERSION)
    if not force and stamp_matches(out, expected):
        return (
            f"[bold]{out}[/] already holds the day for seed {seed} on {day_date}: reused "
            "(use --force to regenerate)"
        )
    started = time.perf_counter()
    day = make_day(seed, date=day_date, flights=flights)
    written = write_day(day, out)
    elapsed = time.perf_counter() - started
    return f"[bold]{out}[/]: {len(written)} files written in {elapsed:.1f} s\n" + _summary(day)


def demo_data_command(
    out: Annotated[Path, typer.Argument(help="folder to write the day into")],
    seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same files")] = 1,
    date: Annotated[
        str, typer.Option(help="day of the departures (YYYY-MM-DD)")
    ] = DEFAULT_DATE.isoformat(),
    flights: Annotated[
        int | None, typer.Option(min=1, help="number of departures (default: the whole day)")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="regenerate even if up to date")] = False,
) -> None:
    """Write a synthetic day at Cancun airport: messages, lists and the planted cases' truth."""
    console().print(ensure_day(out, seed, _date(date), flights, force))
