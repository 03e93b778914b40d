"""The lists the day is screened against: a watchlist and a lost and stolen documents list.

The watchlist holds synthetic people of the sixteen origins of ``names.ORIGINS`` in equal
shares (most of whom do not travel that day), written by ``entries.make_entry`` with aliases,
original-script names, partial birth dates and documents, under ids ``SYN-000001``… drawn in a
shuffled order so an id tells nothing. The lost and stolen list holds passports and identity
cards of many countries, weighted towards the nationalities of the day's travellers.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from preboard.synthetic import names as nm
from preboard.synthetic.day.model import LostStolenRow
from preboard.synthetic.day.registry import Registry
from preboard.synthetic.entries import make_entry
from preboard.synthetic.people import generate_person, weighted
from preboard.synthetic.variants import Listed

WATCHLIST_SIZE = 1_500
LOST_STOLEN_SIZE = 3_000

_LOST_COUNTRIES: dict[str, int] = {
    "USA": 30, "MEX": 18, "CAN": 8, "GBR": 5, "COL": 5, "BRA": 4, "ESP": 3, "DEU": 3, "FRA": 3,
    "ARG": 3, "PER": 2, "VEN": 3, "CHN": 2, "IND": 2, "RUS": 2, "UKR": 2, "NGA": 2, "GTM": 2,
    "HND": 2, "SLV": 2, "ECU": 2, "DOM": 2, "CUB": 2, "IRN": 1, "SYR": 1, "TUR": 1,
}  # fmt: skip


def entry_ids(rng: random.Random, count: int) -> Iterator[str]:
    """``SYN-000001`` … ``SYN-{count}`` in a shuffled order."""
    ids = [f"SYN-{i:06d}" for i in range(1, count + 1)]
    rng.shuffle(ids)
    return iter(ids)


def background_entries(
    rng: random.Random, registry: Registry, ids: Iterator[str], count: int
) -> list[Listed]:
    """``count`` listed people spread evenly over the origins; their documents are reserved
    so no traveller is given one."""
    origins = [nm.ORIGINS[i % len(nm.ORIGINS)] for i in range(count)]
    rng.shuffle(origins)
    out = []
    for origin in origins:
        listed = make_entry(rng, generate_person(rng, origin), next(ids))
        for doc in listed.entry.documents:
            registry.reserve_document(doc.number)
        out.append(listed)
    return out


def lost_stolen_rows(rng: random.Random, registry: Registry, count: int) -> list[LostStolenRow]:
    """``count`` reported documents nobody on the day's flights carries: mostly passports,
    some identity cards (nine digits)."""
    out = []
    for _ in range(count):
        country = weighted(rng, _LOST_COUNTRIES)
        if rng.random() < 0.15:
            out.append(LostStolenRow(country, "I", registry.digits("id card", 9)))
        else:
            out.append(LostStolenRow(country, "P", registry.document(country)))
    return out
