"""How a listed person turns up on a passenger list: one function per variant kind.

Each function takes the listed person (``Listed``: the person and the name parts of the
entry's primary name) and a ``Draft`` of the traveller record that starts as the listed name
with the person's true birth date, nationality and passport, changes it the way that kind of
variant does, and returns ``False`` when the kind does not apply to this person (no native
name to romanise again, no second name to drop, …). Every change keeps the same person.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from preboard.model import PartialDate
from preboard.synthetic import names as nm
from preboard.synthetic.edits import compact, compound_options, typo
from preboard.synthetic.people import NamePart, SyntheticPerson, generate_person
from preboard.synthetic.translit import fold
from preboard.watchlist.model import WatchlistEntry

VARIANT_KINDS: tuple[str, ...] = (
    "exact", "romanisation", "order_swap", "dropped_part", "added_part", "typo", "ocr",
    "initials", "compound", "birth_date_error", "missing_fields", "diacritics",
)  # fmt: skip

# Kinds that change the traveller's name as against the listed primary name.
NAME_CHANGING = frozenset(VARIANT_KINDS) - {"exact", "birth_date_error", "missing_fields", "ocr"}

# Kinds that may be added on top of another, for the combined variants.
SECONDARY = ("order_swap", "typo", "birth_date_error", "missing_fields", "dropped_part")


@dataclass(slots=True)
class Draft:
    """A traveller record being changed."""

    given: list[str]
    family: list[str]
    birth_date: PartialDate | None
    nationality: str | None
    document: str | None


@dataclass(frozen=True, slots=True)
class Listed:
    """A listed person: who they are and how the entry's primary name spells them."""

    person: SyntheticPerson
    entry: WatchlistEntry
    given: tuple[str, ...]
    family: tuple[str, ...]
    style: str  # "keep" (diacritics kept), "strip" or "icao"
    full_birth_date: bool  # the entry lists the person's full birth date
    has_document: bool  # the entry lists the person's passport

    def draft(self) -> Draft:
        """The traveller as the listed name, with the person's true data."""
        p = self.person
        return Draft(
            list(self.given), list(self.family), PartialDate.from_date(p.birth_date),
            p.nationality, p.passport,
        )  # fmt: skip


def _exact(rng: random.Random, lst: Listed, d: Draft) -> bool:
    return True


def _romanisation(rng: random.Random, lst: Listed, d: Draft) -> bool:
    changed = False
    parts = [(d.given, lst.person.given), (d.family, lst.person.family)]
    slots = [(names, i, np) for names, nps in parts for i, np in enumerate(nps) if i < len(names)]
    rng.shuffle(slots)
    for names, i, np in slots:
        options = [a for a in np.alternates if compact(a) != compact(names[i])]
        if options and (not changed or rng.random() < 0.6):
            names[i] = rng.choice(options)
            changed = True
    return changed


def _order_swap(rng: random.Random, lst: Listed, d: Draft) -> bool:
    if not d.given or " ".join(d.given) == " ".join(d.family):
        return False
    d.given, d.family = d.family, d.given
    return True


_PARTICLES = frozenset({"DE", "DEL", "LA", "LOS", "LAS", "DA", "DAS", "DO", "DOS", "VON", "VAN"})


def _strip_particles(words: list[str]) -> list[str]:
    while words and words[-1] in _PARTICLES:
        words.pop()
    return words


def _dropped_part(rng: random.Random, lst: Listed, d: Draft) -> bool:
    options: list[Callable[[], object]] = []
    if len(d.given) >= 2:
        k = 0 if lst.person.origin == "vietnamese" else rng.randrange(1, len(d.given))
        options.append(partial(d.given.pop, k))
    if len(d.family) >= 2:
        options.append(d.family.pop)
    for i, part in enumerate(d.given):
        kept = _strip_particles(part.split()[:-1])
        if kept:  # JUAN CARLOS → JUAN, MARÍA DE LOS ÁNGELES → MARÍA
            options.append(partial(d.given.__setitem__, i, " ".join(kept)))
    if not options:
        return False
    rng.choice(options)()
    return True


_ADD_FROM_ANGLO = frozenset({"chinese", "korean", "japanese"})


def _added_part(rng: random.Random, lst: Listed, d: Draft) -> bool:
    p = lst.person
    words = {w for part in d.given + d.family for w in part.split()}
    if p.origin in ("hispanic", "portuguese") and len(d.family) == 1 and rng.random() < 0.6:
        other = nm.origin_names(p.origin).family_m.pick(rng).forms[0]
        other = other if lst.style == "keep" else fold(other, lst.style)
        if other not in words:
            d.family.append(other)
            return True
    origin = "anglo" if p.origin in _ADD_FROM_ANGLO else p.origin
    for _ in range(10):
        extra = generate_person(rng, origin, sex=p.sex).given[0].text
        extra = extra if lst.style == "keep" else fold(extra, lst.style)
        if not words & set(extra.split()):
            if p.origin in _ADD_FROM_ANGLO:
                d.given.append(extra)  # CHAN TAI MAN PETER: the English name goes last
            else:
                d.given.insert(1, extra)
            return True
    return False


def _typo(rng: random.Random, lst: Listed, d: Draft) -> bool:
    slots = [(names, i) for names in (d.given, d.family) for i, part in enumerate(names)]
    slots = [(names, i) for names, i in slots if len(names[i].replace(" ", "")) >= 4]
    if not slots:
        return False
    names, i = rng.choice(slots)
    words = names[i].split(" ")
    longest = max(range(len(words)), key=lambda k: len(words[k]) + rng.random())
    words[longest] = typo(rng, words[longest])
    new = " ".join(words)
    if new == names[i]:
        return False
    names[i] = new
    return True


_OCR_DOC = {"0": "O", "O": "0", "1": "I", "I": "1", "8": "B", "B": "8", "5": "S", "S": "5"}
_OCR_NAME = (("RN", "M"), ("M", "RN"), ("M", "N"), ("N", "M"))


def _ocr(rng: random.Random, lst: Listed, d: Draft) -> bool:
    changed = False
    if d.document and lst.has_document:
        spots = [i for i, ch in enumerate(d.document) if ch in _OCR_DOC]
        for i in rng.sample(spots, min(len(spots), rng.choice((1, 1, 2)))):
            d.document = d.document[:i] + _OCR_DOC[d.document[i]] + d.document[i + 1 :]
            changed = True
    if not changed or rng.random() < 0.4:
        names = d.family if rng.random() < 0.6 else d.given
        for i in rng.sample(range(len(names)), len(names)):
            pairs = [(a, b) for a, b in _OCR_NAME if a in names[i][1:]]
            if pairs:
                a, b = rng.choice(pairs)
                at = names[i].index(a, 1)
                names[i] = names[i][:at] + b + names[i][at + len(a) :]
                return True
    return changed


def _initials(rng: random.Random, lst: Listed, d: Draft) -> bool:
    words = [(i, k) for i, part in enumerate(d.given) for k, w in enumerate(part.split())]
    words = [(i, k) for i, k in words if d.given[i].split()[k] not in _PARTICLES]
    if not words:
        return False
    later = [(i, k) for i, k in words if (i, k) != words[0]]
    i, k = rng.choice(later) if later and rng.random() < 0.6 else words[0]
    parts = d.given[i].split()
    if len(parts[k]) < 2:
        return False
    parts[k] = parts[k][0]
    d.given[i] = " ".join(parts)
    return True


def _compound(rng: random.Random, lst: Listed, d: Draft) -> bool:
    p = lst.person
    slots = []
    for names, nps in ((d.given, p.given), (d.family, p.family)):
        for i, part in enumerate(names):
            options = compound_options(part, nps[i] if i < len(nps) else None, p.origin)
            if options:
                slots.append((names, i, options))
    if not slots:
        return False
    names, i, options = rng.choice(slots)
    names[i] = rng.choice(options)
    return True


def _birth_date_error(rng: random.Random, lst: Listed, d: Draft) -> bool:
    if d.birth_date is None or d.birth_date.as_date() is None or not lst.full_birth_date:
        return False
    y, m, day = d.birth_date.year, d.birth_date.month or 1, d.birth_date.day or 1
    options: list[PartialDate] = [PartialDate(y)]
    if day <= 12 and day != m:
        options += [PartialDate(y, day, m)] * 2
    for cand in ((y // 10 * 10 + rng.randrange(10), m, day), (y, m, _digit_off(rng, day))):
        try:
            dt.date(*cand)
        except ValueError:
            continue
        if cand != (y, m, day):
            options += [PartialDate(*cand)] * 2
    d.birth_date = rng.choice(options)
    return True


def _digit_off(rng: random.Random, day: int) -> int:
    tens, units = divmod(day, 10)
    return tens * 10 + (units + rng.choice((-1, 1))) % 10 if rng.random() < 0.7 else units


def _missing_fields(rng: random.Random, lst: Listed, d: Draft) -> bool:
    roll = rng.random()
    if roll < 0.5:
        d.birth_date = None
    elif roll < 0.8:
        d.nationality = None
    else:
        d.birth_date, d.nationality = None, None
    return True


def _diacritics(rng: random.Random, lst: Listed, d: Draft) -> bool:
    p = lst.person
    if p.given_names().isascii() and p.surname().isascii():
        return False
    styles = [s for s in ("keep", "strip", "icao") if s != lst.style]
    rng.shuffle(styles)
    for style in styles:
        given = _restyle(d.given, p.given, style)
        family = _restyle(d.family, p.family, style)
        if given != d.given or family != d.family:
            d.given, d.family = given, family
            return True
    return False


def _restyle(names: list[str], parts: tuple[NamePart, ...], style: str) -> list[str]:
    out = list(names)
    for i, part in enumerate(parts[: len(out)]):
        if compact(out[i]) in {compact(part.text), compact(fold(part.text, "icao"))}:
            out[i] = part.text if style == "keep" else fold(part.text, style)
    return out


APPLY: dict[str, Callable[[random.Random, Listed, Draft], bool]] = {
    "exact": _exact, "romanisation": _romanisation, "order_swap": _order_swap,
    "dropped_part": _dropped_part, "added_part": _added_part, "typo": _typo, "ocr": _ocr,
    "initials": _initials, "compound": _compound, "birth_date_error": _birth_date_error,
    "missing_fields": _missing_fields, "diacritics": _diacritics,
}  # fmt: skip
