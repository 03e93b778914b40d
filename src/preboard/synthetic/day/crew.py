"""The crew of each flight: two pilots and a flight attendant per 50 seats (at least three).

US carriers' crews are US citizens (of the origins usual in the US); the Mexican carriers'
crews are Mexican, with the US crew visa (C1/D, type V on the manifest). Crew are innocent:
valid passports, names no list holds, and they appear only in PAXLST crew lists.
"""

from __future__ import annotations

import math

from preboard.model import Role, Traveller
from preboard.synthetic.day.model import Passenger
from preboard.synthetic.day.population import People
from preboard.synthetic.day.schedule import ORIGIN, Departure

_MEXICAN_CARRIERS = frozenset({"AM", "Y4"})


def crew_size(seats: int) -> int:
    """Flight deck and cabin crew of an aircraft of ``seats``."""
    return 2 + max(3, math.ceil(seats / 50))


def _member(p: Passenger, dep: Departure) -> Traveller:
    return Traveller(
        role=Role.CREW,
        surname=p.surname,
        given_names=p.given,
        birth_date=p.birth_date,
        sex=p.person.sex,
        nationality=p.nationality,
        residence_country=p.nationality,
        embarkation=ORIGIN,
        debarkation=dep.destination,
        documents=p.documents,
    )


def make_crew(people: People, dep: Departure) -> tuple[Traveller, ...]:
    """The crew list of ``dep``."""
    nationality = "MEX" if dep.carrier in _MEXICAN_CARRIERS else "USA"
    members = []
    for i in range(crew_size(dep.seats)):
        person = people.person(nationality, ages=(30, 60) if i < 2 else (22, 60))
        members.append(_member(people.passenger(person), dep))
    return tuple(members)
