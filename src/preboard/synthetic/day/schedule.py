"""The day's departures from Cancun (CUN) to US airports.

A fixed table of 42 departures of the carriers that fly Cancun-US (American, United, Delta,
Southwest, JetBlue, Alaska, Frontier, Spirit, Volaris, Aeromexico, Sun Country) to real US
airports, spread from early morning to evening, on aircraft of 143-285 seats. Flight numbers
are plausible, not the carriers' real timetable. Times are local and zone-free as messages
carry them: Cancun keeps UTC-5 all year, so arrival times apply each destination's shift
(December: Eastern 0 h, Central -1 h, Mountain and Arizona -2 h, Pacific -3 h).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from preboard.model import Flight, Leg

ORIGIN = "CUN"

# destination: (block time in minutes, local clock shift from Cancun in hours)
DESTINATIONS: dict[str, tuple[int, int]] = {
    "MIA": (120, 0), "FLL": (120, 0), "ATL": (150, 0), "CLT": (165, 0), "DTW": (210, 0),
    "PHL": (215, 0), "IAD": (200, 0), "BWI": (205, 0), "EWR": (235, 0), "JFK": (235, 0),
    "BOS": (255, 0), "IAH": (140, -1), "HOU": (140, -1), "AUS": (160, -1), "DFW": (165, -1),
    "STL": (190, -1), "ORD": (215, -1), "MSP": (235, -1), "DEN": (245, -2), "PHX": (245, -2),
    "LAX": (300, -3), "SEA": (375, -3),
}  # fmt: skip

# IATA ticketing (accounting) codes: the first three digits of a ticket number.
TICKET_CODES: dict[str, str] = {
    "AA": "001", "DL": "006", "UA": "016", "AS": "027", "Y4": "036", "AM": "139",
    "B6": "279", "SY": "337", "F9": "422", "NK": "487", "WN": "526",
}  # fmt: skip

# carrier, number, destination, departure (HH:MM), aircraft, seats
TIMETABLE: tuple[tuple[str, str, str, str, str, int], ...] = (
    ("NK", "1071", "FLL", "06:40", "A21N", 235), ("AA", "1407", "MIA", "07:00", "A321", 190),
    ("DL", "598", "ATL", "07:20", "B763", 226), ("UA", "1532", "IAH", "07:45", "B789", 257),
    ("F9", "1235", "DEN", "08:05", "A21N", 240), ("AA", "2620", "DFW", "08:15", "B772", 273),
    ("WN", "1803", "HOU", "08:35", "B38M", 175), ("UA", "1018", "EWR", "09:05", "B764", 240),
    ("DL", "1864", "MSP", "09:30", "A333", 282), ("AA", "1285", "CLT", "09:40", "A321", 190),
    ("B6", "1860", "JFK", "10:05", "A321", 200), ("UA", "2110", "ORD", "10:20", "B772", 276),
    ("AM", "402", "ATL", "10:40", "B38M", 166), ("DL", "2402", "ATL", "10:50", "A333", 282),
    ("AA", "246", "MIA", "11:05", "B772", 273), ("WN", "2614", "BWI", "11:15", "B737", 143),
    ("UA", "1740", "DEN", "11:40", "B752", 176), ("SY", "322", "MSP", "11:55", "B738", 186),
    ("Y4", "770", "ORD", "12:05", "A21N", 230), ("DL", "1280", "JFK", "12:15", "B764", 238),
    ("AA", "1190", "DFW", "12:30", "B788", 234), ("AS", "1425", "LAX", "12:45", "B739", 178),
    ("B6", "2046", "BOS", "13:00", "A321", 200), ("AA", "1956", "ORD", "13:10", "B788", 234),
    ("UA", "1489", "IAH", "13:25", "B772", 276), ("DL", "667", "DTW", "13:45", "A339", 281),
    ("AA", "884", "PHL", "14:15", "A321", 190), ("AS", "1451", "SEA", "14:30", "B39M", 178),
    ("WN", "925", "AUS", "14:40", "B38M", 175), ("UA", "625", "EWR", "14:50", "B789", 257),
    ("AA", "2348", "PHX", "15:20", "A321", 190), ("DL", "2149", "ATL", "15:30", "B764", 238),
    ("B6", "1462", "FLL", "15:55", "A320", 162), ("UA", "2232", "IAD", "16:10", "B789", 257),
    ("DL", "1010", "LAX", "16:25", "B763", 226), ("AA", "1033", "MIA", "16:45", "B789", 285),
    ("WN", "3052", "STL", "17:20", "B738", 175), ("UA", "1920", "LAX", "17:35", "B739", 179),
    ("AA", "2781", "DFW", "17:55", "B772", 273), ("DL", "836", "BOS", "18:10", "A321", 191),
    ("NK", "3103", "IAH", "18:45", "A320", 182), ("F9", "2591", "PHL", "19:10", "A21N", 240),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Departure:
    """One scheduled departure of the day and how full it is."""

    carrier: str
    number: str
    destination: str
    departure: dt.datetime
    aircraft: str
    seats: int
    passengers: int

    @property
    def arrival(self) -> dt.datetime:
        """Local arrival time at the destination."""
        return self.departure + flight_time(self.destination)

    @property
    def flight(self) -> Flight:
        """The flight as messages report it: one leg, the prime one."""
        leg = Leg(ORIGIN, self.destination, self.departure, self.arrival)
        return Flight(self.carrier, self.number, (leg,), prime=0)

    @property
    def return_number(self) -> str:
        """The flight number of the same route the other way (odd and even pair up)."""
        n = int(self.number)
        return str(n + 1 if n % 2 == 0 else n - 1)

    def inbound(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """Local departure and arrival of the return flight (destination to Cancun) on
        ``day``: it lands an hour before this flight leaves, as the aircraft turns round, or
        leaves at 15:00 when that would mean leaving before 06:00 (the aircraft nightstops)."""
        block, shift = DESTINATIONS[self.destination]
        to_cancun = dt.timedelta(hours=-shift, minutes=block)
        arrive = dt.datetime.combine(day, self.departure.time()) - dt.timedelta(hours=1)
        leave = arrive - to_cancun
        if leave < dt.datetime.combine(day, dt.time(6)):
            leave = dt.datetime.combine(day, dt.time(15, self.departure.minute))
        return leave, leave + to_cancun


def flight_time(destination: str) -> dt.timedelta:
    """Local arrival minus local departure for Cancun to ``destination``."""
    block, shift = DESTINATIONS[destination]
    return dt.timedelta(minutes=block, hours=shift)


def pick_rows(count: int | None) -> list[tuple[str, str, str, str, str, int]]:
    """``count`` rows of the timetable spread evenly over the day (all when ``None``)."""
    rows = list(TIMETABLE)
    if count is None or count >= len(rows):
        return rows
    if count < 1:
        raise ValueError("a day needs at least one flight")
    if count == 1:
        return rows[:1]
    return [rows[round(i * (len(rows) - 1) / (count - 1))] for i in range(count)]


def make_schedule(rng: random.Random, day: dt.date, count: int | None = None) -> list[Departure]:
    """The departures of ``day``, each filled to a load factor between 75 and 95%."""
    out = []
    for carrier, number, dest, clock, aircraft, seats in pick_rows(count):
        hour, minute = (int(x) for x in clock.split(":"))
        when = dt.datetime.combine(day, dt.time(hour, minute))
        load = rng.uniform(0.75, 0.95)
        out.append(Departure(carrier, number, dest, when, aircraft, seats, round(seats * load)))
    return out
