"""Fixtures for the assessment tests.

``day_folder``: a four-flight synthetic day (seed 3, written once per session by preboard's
own generator: messages, watchlist, lost-stolen list and truth). ``day_screening``: what
``preboard screen`` loads for it, with the example rules, linted as of the day's date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.console import Console

from preboard.assessment import Screening
from preboard.cli.screen import load_screening
from preboard.rules import EXAMPLES
from preboard.synthetic.day import make_day, write_day

DAY = dt.date(2026, 12, 2)


@pytest.fixture(scope="session")
def day_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assessment-day") / "day"
    write_day(make_day(3, date=DAY, flights=4), out)
    return out


@pytest.fixture(scope="session")
def day_screening(day_folder: Path) -> Screening:
    options = {
        "watchlist": day_folder / "watchlist.csv",
        "lost_stolen": day_folder / "lost_stolen.csv",
        "rules": EXAMPLES,
        "visa": None,
    }
    screening, problems = load_screening(options, DAY, Console(quiet=True))
    assert problems == []
    return screening
