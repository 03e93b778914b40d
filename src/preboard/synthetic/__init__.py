"""A seeded generator of a realistic, multi-script screening benchmark set.

Synthetic people of sixteen cultural origins (common names combined at random, no real
person), watchlist entries for some of them, the travellers an airline would report for them
under a dozen kinds of name and data variants, ordinary travellers of Cancun-US flights, and
innocent look-alikes, with the truth about each traveller. Nothing is downloaded: every name
and romanisation table is in ``synthetic.data``.

    screening = make_screening_set(1)      # 10,000 entries, 20,400 travellers
    write_screening_set(screening, Path("out"))
    for entry in make_large_list(1, 1_000_000): ...
"""

from preboard.synthetic.large import make_large_list
from preboard.synthetic.names import ORIGINS
from preboard.synthetic.people import NamePart, SyntheticPerson, generate_person
from preboard.synthetic.screening import (
    HARD_NEGATIVE_KINDS,
    ScreeningSet,
    Truth,
    make_screening_set,
)
from preboard.synthetic.variants import VARIANT_KINDS
from preboard.synthetic.writers import main, write_screening_set

__all__ = [
    "HARD_NEGATIVE_KINDS",
    "ORIGINS",
    "VARIANT_KINDS",
    "NamePart",
    "ScreeningSet",
    "SyntheticPerson",
    "Truth",
    "generate_person",
    "main",
    "make_large_list",
    "make_screening_set",
    "write_screening_set",
]
