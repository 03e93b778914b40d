"""A flight's messages as the carrier would send them, written by preboard's own writers.

- ``paxlst-N.edi``: the passenger list (PAXLST D:05B, ``BGM+745``) at check-in close, 45
  minutes before departure, split by ``write_paxlst`` into parts of at most
  ``PAXLST_MAX_TRAVELLERS`` travellers (``UNH`` parts ``01:C`` … ``NN:F`` under one common
  access reference, ``CNT+42`` the flight total in each);
- ``paxlst-crew.edi``: the crew list (``BGM+250``, ``CNT+41``) an hour before departure;
- ``pnrgov-N.edi``: the PNRGOV 13.1 full push (function 22) at check-in close, one
  interchange per ``PNRGOV_MAX_BOOKINGS`` PNRs, each with the same common access reference.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from preboard.ingest.paxlst.writer import write_paxlst
from preboard.ingest.pnrgov.writer import write_pnrgov
from preboard.model import Manifest, MessageRef, SourceKind, Traveller
from preboard.synthetic.day.model import DayFlight

PAXLST_MAX_TRAVELLERS = 100
PNRGOV_MAX_BOOKINGS = 50
PNRGOV_VERSION = "13:1"


def _prepared(flight: DayFlight, minutes: int) -> dt.datetime:
    departure = flight.flight.departure
    if departure is None:
        raise ValueError("a flight of the day has a departure time")
    return departure - dt.timedelta(minutes=minutes)


def _paxlst(flight: DayFlight, people: tuple[Traveller, ...], crew: bool) -> list[str]:
    prepared = _prepared(flight, 60 if crew else 45)
    ref = MessageRef("", flight.flight.designator, "PAXLST", "D:05B", prepared_at=prepared)
    manifest = Manifest(
        SourceKind.PAXLST, flight.flight, people, messages=(ref,),
        list_type="250" if crew else "745",
    )  # fmt: skip
    parts = 1 if crew else max(1, -(-len(people) // PAXLST_MAX_TRAVELLERS))
    suffix = "C" if crew else "P"
    return write_paxlst(manifest, parts=parts, reference=f"{flight.flight.designator}{suffix}")


def _pnrgov(flight: DayFlight) -> list[str]:
    prepared = _prepared(flight, 45)
    car = f"{flight.flight.designator}/{prepared:%d%m%y/%H%M}"
    ref = MessageRef(
        "", "1", "PNRGOV", PNRGOV_VERSION, sender=flight.flight.carrier,
        prepared_at=prepared, common_access_ref=car,
    )  # fmt: skip
    out = []
    bookings = flight.bookings
    for start in range(0, len(bookings), PNRGOV_MAX_BOOKINGS):
        chunk = bookings[start : start + PNRGOV_MAX_BOOKINGS]
        people = tuple(t for b in chunk for t in b.travellers)
        manifest = Manifest(SourceKind.PNRGOV, flight.flight, people, chunk, (ref,))
        out.append(write_pnrgov(manifest, version=PNRGOV_VERSION))
    return out


def flight_messages(flight: DayFlight) -> dict[str, str]:
    """File name to text for every message of ``flight``."""
    passengers = tuple(dataclasses.replace(t, ref=None) for t in flight.passengers)
    files: dict[str, str] = {}
    for i, text in enumerate(_paxlst(flight, passengers, crew=False), 1):
        files[f"paxlst-{i}.edi"] = text
    files["paxlst-crew.edi"] = _paxlst(flight, flight.crew, crew=True)[0]
    for i, text in enumerate(_pnrgov(flight), 1):
        files[f"pnrgov-{i}.edi"] = text
    return files
