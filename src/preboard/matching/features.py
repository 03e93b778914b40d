"""From a traveller and a watchlist entry to a ``Features`` record: every level, with why.

The name features come from the best alignment of the traveller's name with any of the entry's
names: ``name`` (how alike the aligned parts are), ``coverage`` (which parts are left over on
each side), ``rarity`` (how much a chance agreement on these parts is to be expected, from how
often they occur in the list). The other features come from ``compare``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from preboard.matching.align import Alignment, align
from preboard.matching.compare import (
    Compared,
    compare_birth,
    compare_documents,
    compare_nationality,
    compare_sex,
)
from preboard.matching.text import Token, core, tokens
from preboard.model import Traveller
from preboard.watchlist import EntryName, NameKind, WatchlistEntry

FEATURES = (
    "name",
    "initials",
    "coverage",
    "rarity",
    "undated",
    "birth_date",
    "nationality",
    "sex",
    "document",
)


@dataclass(frozen=True, slots=True)
class Features:
    """The levels of one traveller-entry pair, the alignment and the entry name it used."""

    levels: dict[str, Compared]
    alignment: Alignment
    entry_name: str
    weak_alias: bool


def traveller_tokens(t: Traveller) -> tuple[Token, ...]:
    """The identity-bearing words of a traveller's name (given names, then surname)."""
    return core(tokens(f"{t.given_names} {t.surname}"))


def _name_level(al: Alignment) -> Compared:
    """How alike the aligned parts are: the weakest full-word agreement decides; initials are
    counted apart (``initials``), since an initial agrees with many names."""
    words = [m for m in al.matches if m.reason != "initial"]
    if not words:
        return Compared("none", "no full word of the names agrees")
    weakest = min(m.similarity for m in words)
    if (
        weakest == 1.0
        and not al.traveller_left
        and not al.entry_left
        and len(words) == len(al.matches)
    ):
        level = "exact"
    elif weakest >= 0.97:
        level = "strong"
    elif weakest >= 0.92:
        level = "good"
    elif weakest >= 0.85:
        level = "fair"
    else:
        level = "weak"
    return Compared(level, f"the weakest aligned word agrees at {weakest:.2f}")


def _initials_level(al: Alignment) -> Compared:
    count = sum(1 for m in al.matches if m.reason == "initial")
    if not count:
        return Compared("none", "no initials")
    return Compared("some", f"{count} name part(s) given as an initial only")


def _undated_level(rarity: Compared, birth: Compared) -> Compared:
    """A name agreement without any birth date to back it: its rarity is all there is."""
    if birth.level != "missing":
        return Compared("dated", "a birth date was compared")
    return Compared(rarity.level, f"no birth date to compare; the name is {rarity.level}")


def _coverage_level(al: Alignment) -> Compared:
    matched = len(al.matches)
    t_left, e_left = len(al.traveller_left), len(al.entry_left)
    if matched == 0:
        level = "none"
    elif matched == 1:
        level = "single" if (t_left or e_left) else "single_only"
    elif not t_left and not e_left:
        level = "full"
    elif not t_left:
        level = "traveller_in_entry"
    elif not e_left:
        level = "entry_in_traveller"
    else:
        level = "partial"
    detail = f"{matched} parts aligned; {t_left} left on the traveller, {e_left} on the entry"
    return Compared(level, detail)


def _rarity_level(al: Alignment, frequency: Mapping[str, float]) -> Compared:
    bits = 0.0
    for m in al.matches:
        if m.similarity < 0.9:
            bits += 1.0  # a loose agreement says little, however rare the word
            continue
        for word in m.entry.split():
            bits += -math.log10(max(frequency.get(word, 1e-3), 1e-7))
    level = (
        "very_rare" if bits >= 8 else "rare" if bits >= 6 else "usual" if bits >= 4 else "common"
    )
    return Compared(level, f"a chance agreement on these parts: about 1 in 10^{bits:.1f}")


def _best_alignment(
    traveller: tuple[Token, ...], names: tuple[EntryName, ...]
) -> tuple[Alignment, EntryName]:
    best: tuple[float, Alignment, EntryName] | None = None
    for name in names:
        al = align(traveller, core(tokens(name.full)))
        value = sum(m.similarity for m in al.matches) - 0.3 * (
            len(al.traveller_left) + len(al.entry_left)
        )
        if name.kind is NameKind.WEAK_ALIAS:
            value -= 0.5
        if best is None or value > best[0]:
            best = (value, al, name)
    if best is None:
        return Alignment((), tuple(t.text for t in traveller), ()), EntryName("")
    return best[1], best[2]


NAME_FEATURES = ("name", "initials", "coverage", "rarity", "undated")


def side_levels(traveller: Traveller, entry: WatchlistEntry) -> dict[str, Compared]:
    """The levels that do not depend on the names: cheap, so they are worked out first."""
    return {
        "birth_date": compare_birth(traveller.birth_date, entry.birth_dates),
        "nationality": compare_nationality(traveller.nationality, entry.nationalities),
        "sex": compare_sex(traveller.sex, entry.sex),
        "document": compare_documents(traveller.documents, entry.documents),
    }


def features(
    traveller: Traveller,
    entry: WatchlistEntry,
    frequency: Mapping[str, float],
    side: dict[str, Compared] | None = None,
) -> Features:
    """Every feature of one pair; ``frequency`` gives each name part's share of list entries.
    ``side`` passes the name-independent levels when they are already known."""
    al, name = _best_alignment(traveller_tokens(traveller), entry.names)
    side = side or side_levels(traveller, entry)
    rarity = _rarity_level(al, frequency)
    name_level = _name_level(al)
    weak = name.kind is NameKind.WEAK_ALIAS
    if weak and name_level.level in ("exact", "strong"):
        # A weak alias ("low quality a.k.a.") is shown, but never agrees better than "good".
        name_level = Compared("good", f"{name_level.detail}, on a weak alias (counted as good)")
    levels = {
        "name": name_level,
        "initials": _initials_level(al),
        "coverage": _coverage_level(al),
        "rarity": rarity,
        "undated": _undated_level(rarity, side["birth_date"]),
        **side,
    }
    return Features(levels, al, name.full, weak)
