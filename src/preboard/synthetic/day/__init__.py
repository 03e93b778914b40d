"""A realistic, deterministic day at Cancun airport for demos, tests and fairness reports.

About 40 departures to US airports with some 8,000 synthetic passengers (families and groups
on shared PNRs, typical booking habits), their crews, multi-part PAXLST and PNRGOV messages
written by preboard's own writers, a watchlist, a lost and stolen documents list, and planted
cases (listed people under name variants, lost or stolen and expired passports, facilitated
bookings sharing one contact, innocent look-alikes) labelled in a truth file. The same seed
and date give byte-identical files.

    day = make_day(1)                   # or make_day(1, date=dt.date(2027, 1, 5), flights=4)
    write_day(day, Path("demo-day"))

Modules: ``schedule`` (the timetable), ``population`` (who travels, families),
``documents`` (passports, visas), ``trips`` and ``bookings`` (PNRs), ``crew``, ``lists``
(watchlist, lost and stolen), ``listed`` and ``planted`` (the planted cases), ``build``
(``make_day``), ``messages``, ``files`` and ``readme`` (``write_day``).
"""

from preboard.synthetic.day.build import make_day
from preboard.synthetic.day.files import STAMP, stamp, stamp_matches, write_day
from preboard.synthetic.day.model import (
    DEFAULT_DATE,
    GENERATOR_VERSION,
    KINDS,
    Day,
    DayFlight,
    LostStolenRow,
    PlantedCase,
)
from preboard.synthetic.day.schedule import TIMETABLE, pick_rows

__all__ = [
    "DEFAULT_DATE",
    "GENERATOR_VERSION",
    "KINDS",
    "STAMP",
    "TIMETABLE",
    "Day",
    "DayFlight",
    "LostStolenRow",
    "PlantedCase",
    "make_day",
    "pick_rows",
    "stamp",
    "stamp_matches",
    "write_day",
]
