"""The synthetic day the service and API tests post: ``make_day(3, flights=2)`` written once
per test process with ``write_day`` (about 2 s), and the screening they use.

Flights: ``F92591-2026-12-02`` (2 lost or stolen passports, 1 expired among 218 passengers)
and ``NK1071-2026-12-02``; each has PAXLST parts, a crew list and PNRGOV pushes. Screening
checks documents against the day's lost and stolen list; it builds no watchlist matcher
(loading the name data costs about 8 s, and matching is tested in ``tests/matching``).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from preboard.assessment import Screening
from preboard.documents import DocumentChecks, load_lost_stolen
from preboard.documents.visa import example_visa_table
from preboard.synthetic.day import make_day, write_day

F9 = "F92591-2026-12-02"
NK = "NK1071-2026-12-02"


@dataclass(frozen=True)
class DayFiles:
    """The written day: its folder, and each flight's messages as ``(name, bytes)``."""

    folder: Path

    def messages(self, flight: str, prefix: str = "") -> list[tuple[str, bytes]]:
        files = sorted((self.folder / "messages" / flight).glob(f"{prefix}*.edi"))
        return [(p.name, p.read_bytes()) for p in files]

    def message(self, flight: str, name: str) -> bytes:
        return (self.folder / "messages" / flight / name).read_bytes()


@functools.cache
def day_files() -> DayFiles:
    folder = Path(tempfile.mkdtemp(prefix="preboard-day-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    write_day(make_day(3, flights=2), folder / "day")
    return DayFiles(folder / "day")


@functools.cache
def day_screening() -> Screening:
    lost = load_lost_stolen(day_files().folder / "lost_stolen.csv")
    return Screening(documents=DocumentChecks(lost_stolen=lost, visa=example_visa_table()))
