"""The planted cases, spread evenly over nationalities and flights.

Each planted traveller takes the next nationality of a shuffled rotation of
``PLANTED_NATIONALITIES`` and the next flight of a shuffled rotation of the day's flights, so
no nationality and no flight holds more than its share. Kinds:

- ``watchlist``: a listed person under a variant of the listed name (``listed.py``);
- ``lost_stolen``: a valid passport whose number is on the lost and stolen list, as is or as
  a clerk would have keyed it (an O for a 0, an I for a 1, a space or a dash inside);
- ``expired``: a passport that expired before the flight;
- ``facilitation``: one-way cash bookings made 0-3 days ahead through a small agency, seven
  per ring, each ring sharing one phone or one e-mail over bookings on several flights;
- ``lookalike``: an innocent namesake of a listed person (``listed.py``).

About a third of the listed, lost-stolen, expired and look-alike travellers book with one to
three innocent relatives, who share their PNR.
"""

from __future__ import annotations

import dataclasses

from preboard.synthetic.day.context import DayContext
from preboard.synthetic.day.documents import documents, expired_passport
from preboard.synthetic.day.listed import plant_listed, plant_lookalike
from preboard.synthetic.day.model import Habits, LostStolenRow, Party, Passenger, Plant

PLANTED_NATIONALITIES: tuple[str, ...] = (
    "USA", "MEX", "CAN", "GBR", "COL", "BRA", "DEU", "IND", "CHN", "ESP", "PER", "KOR", "FRA",
    "JPN", "ARG", "AUS",
)  # fmt: skip
# Planted travellers of each kind on a full day; fewer flights plant fewer (at least three).
FULL_DAY: dict[str, int] = {"watchlist": 20, "lost_stolen": 15, "expired": 12, "lookalike": 14}
RINGS: tuple[tuple[str, str], ...] = (
    ("VIAJES SOL Y MAR", "phone"), ("TURISMO GRAN CARIBE", "email"),
)  # fmt: skip
RING_SIZE = 7
FACILITATION = ("rule.R-FAC-001", "rule.R-FAC-002")
COMPANION_SHARE = 0.35
_FORMS = ("exact", "o0", "separator", "i1")


def planted_counts(flights: int, full_day: int) -> dict[str, int]:
    """How many travellers of each kind to plant on a day of ``flights`` of ``full_day``."""
    return {k: max(3, round(n * flights / full_day)) for k, n in FULL_DAY.items()}


def _keyed(number: str, form: str) -> str | None:
    """``number`` as the list holds it in ``form``; ``None`` when the form does not apply."""
    swaps = {"o0": (("0", "O"), ("O", "0")), "i1": (("1", "I"), ("I", "1"))}
    if form == "exact":
        return number
    if form == "separator":
        cut = len(number) // 2
        return f"{number[:cut]}{'-' if len(number) % 2 else ' '}{number[cut:]}"
    for old, new in swaps[form]:
        at = number.find(old, 1)
        if at > 0:
            return number[:at] + new + number[at + 1 :]
    return None


def _lost_stolen(ctx: DayContext, nationality: str, form: str) -> Passenger:
    base = ctx.people.passenger(ctx.people.person(nationality))
    number, listed = base.person.passport, _keyed(base.person.passport, form)
    while listed is None:  # draw passports until one has the letter or digit to confuse
        number = ctx.registry.document(nationality)
        listed = _keyed(number, form)
    ctx.lost.append(LostStolenRow(nationality, "P", listed))
    first = dataclasses.replace(base.documents[0], number=number)
    detail = (("list_number", listed), ("list_form", form))
    return dataclasses.replace(
        base, person=dataclasses.replace(base.person, passport=number),
        documents=(first, *base.documents[1:]),
        plant=Plant("lost_stolen", ("document.lost_stolen",), detail),
    )  # fmt: skip


def _expired(ctx: DayContext, nationality: str) -> Passenger:
    base = ctx.people.passenger(ctx.people.person(nationality))
    p = base.person
    first = expired_passport(ctx.rng, p.passport, nationality, p.birth_date, ctx.day)
    docs = documents(ctx.rng, ctx.registry, first, p.birth_date, ctx.day)
    plant = Plant("expired", ("document.expired",), (("expiry", str(first.expiry)),))
    return dataclasses.replace(base, documents=docs, plant=plant)


def _with_family(ctx: DayContext, lead: Passenger) -> Party:
    if ctx.rng.random() >= COMPANION_SHARE:
        return Party((lead,))
    return Party((lead, *ctx.people.relatives(lead.person, ctx.rng.randint(1, 3))))


def _one(ctx: DayContext, kind: str, turn: int) -> Passenger:
    while True:
        nationality = next(ctx.nationalities)
        if kind == "watchlist":
            return plant_listed(ctx, nationality, turn)
        if kind == "lost_stolen":
            return _lost_stolen(ctx, nationality, _FORMS[turn % len(_FORMS)])
        if kind == "expired":
            return _expired(ctx, nationality)
        found = plant_lookalike(ctx, nationality)
        if found is not None:
            return found


def _ring(ctx: DayContext, index: int) -> list[tuple[int, Party]]:
    agency, shared_kind = RINGS[index % len(RINGS)]
    words = agency.split()
    if shared_kind == "phone":
        shared = ctx.registry.phone("MEX")
    else:
        shared = ctx.registry.email("reservaciones", "".join(words[1:]))
    detail = (("ring", f"FAC-{index + 1}"), ("agency", agency), (f"shared_{shared_kind}", shared))
    out = []
    for _ in range(RING_SIZE):
        p = ctx.people.passenger(ctx.people.person(next(ctx.nationalities), ages=(18, 45)))
        p = dataclasses.replace(p, plant=Plant("facilitation", FACILITATION, detail))
        habits = Habits(
            ctx.rng.randint(0, 3), one_way=True, cash=True, agency=agency,
            agency_country="MEX", phone=shared if shared_kind == "phone" else None,
            email=shared if shared_kind == "email" else None,
        )  # fmt: skip
        out.append((next(ctx.flights), Party((p,), habits)))
    return out


def plant_all(ctx: DayContext, counts: dict[str, int]) -> list[tuple[int, Party]]:
    """Every planted party with the index of the flight it books."""
    out: list[tuple[int, Party]] = []
    for kind, count in counts.items():
        for turn in range(count):
            out.append((next(ctx.flights), _with_family(ctx, _one(ctx, kind, turn))))
    for index in range(len(RINGS)):
        out += _ring(ctx, index)
    return out
