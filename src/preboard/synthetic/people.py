"""Synthetic people: names by cultural origin, birth date, nationality, passport number.

``generate_person`` builds one person the way their own passport would name them: the
romanisation their country uses (ICAO for most Russians since 2014, Wade-Giles in Taiwan,
Cantonese in Hong Kong, passport Hepburn in Japan, …), the structure of names of their origin
(double surnames, patronymics, BIN chains, Vietnamese middle names, Chinese and Korean
family-first order) and each name part's other romanisations, so that variants can be drawn.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from preboard.model import Sex
from preboard.synthetic import names as nm
from preboard.synthetic.data import countries, cyrillic, greek, japanese
from preboard.synthetic.translit import article_forms, fold

REFERENCE_DATE = dt.date(2025, 1, 1)

_CHINESE_SYSTEM = {"CHN": 0, "SGP": 0, "MYS": 0, "TWN": 1, "HKG": 2}
_SYSTEM_WEIGHTS = {
    "russian": tuple(cyrillic.SYSTEM_WEIGHTS.values()),
    "greek": tuple(greek.SYSTEM_WEIGHTS.values()),
    "japanese": tuple(japanese.SYSTEM_WEIGHTS.values()),
}
_CONNECTORS = ("BIN", "BEN", "IBN")
_DE_STYLE = frozenset({"DEU", "AUT", "CHE"})


@dataclass(frozen=True, slots=True)
class NamePart:
    """One name of a person: their spelling (diacritics kept), its native-script form, the
    other romanisations of the same name, and the spelling split into its elements."""

    text: str
    native: str = ""
    alternates: tuple[str, ...] = ()
    split: str = ""


@dataclass(frozen=True, slots=True)
class SyntheticPerson:
    """A made-up person: common names of one origin combined at random."""

    id: str
    origin: str
    sex: Sex
    given: tuple[NamePart, ...]
    family: tuple[NamePart, ...]
    native_names: tuple[str, ...]
    birth_date: dt.date
    nationality: str
    passport: str

    @property
    def native_name(self) -> str | None:
        """The name in the origin's own script, when it has one."""
        return self.native_names[0] if self.native_names else None

    @property
    def family_first(self) -> bool:
        """Whether the origin writes the family name first."""
        return self.origin in nm.FAMILY_FIRST

    @property
    def fold_style(self) -> str:
        """How this person's passport writes diacritics in ASCII (``icao`` or ``strip``)."""
        return "icao" if self.nationality in _DE_STYLE else "strip"

    def given_names(self, style: str = "keep") -> str:
        """Given names joined; ``style`` ``keep`` keeps diacritics, else a ``fold`` style."""
        return " ".join(_show(p.text, style) for p in self.given)

    def surname(self, style: str = "keep") -> str:
        """Family names joined (see ``given_names`` for ``style``)."""
        return " ".join(_show(p.text, style) for p in self.family)


def _show(text: str, style: str) -> str:
    return text if style == "keep" else fold(text, style)


def weighted(rng: random.Random, table: dict[str, int]) -> str:
    """A key of ``table`` drawn with its weight."""
    return rng.choices(list(table), weights=list(table.values()))[0]


def passport_number(rng: random.Random, country: str) -> str:
    """A passport number in the format of ``country`` (see ``countries.PASSPORT_FORMATS``)."""
    fmt = rng.choice(countries.PASSPORT_FORMATS.get(country, countries.DEFAULT_FORMAT))
    out = []
    for ch in fmt:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "@":
            out.append(chr(65 + rng.randrange(26)))
        elif ch == "*":
            out.append(rng.choice("CFGHJKLMNPRTVWXYZ0123456789"))
        else:
            out.append(ch)
    return "".join(out)


def birth_date(rng: random.Random, youngest: int = 18, oldest: int = 75) -> dt.date:
    """A birth date for an age between ``youngest`` and ``oldest`` on ``REFERENCE_DATE``,
    ages near the lower third more likely."""
    age = rng.triangular(youngest, oldest + 1, youngest + (oldest - youngest) / 3)
    return REFERENCE_DATE - dt.timedelta(days=int(age * 365.25) + rng.randrange(365))


def _part(src: nm.Source, index: int = 0, split: str = "") -> NamePart:
    text = src.forms[min(index, len(src.forms) - 1)]
    alts = tuple(dict.fromkeys(f for f in src.forms if f != text))
    return NamePart(text, src.native[0] if src.native else "", alts, split)


def _hand_index(rng: random.Random, src: nm.Source) -> int:
    return 0 if len(src.forms) == 1 or rng.random() < 0.7 else rng.randrange(1, len(src.forms))


def _distinct(rng: random.Random, pool: nm.Pool, avoid: nm.Source) -> nm.Source:
    for _ in range(10):
        src = pool.pick(rng)
        if src != avoid:
            return src
    return src


def generate_person(
    rng: random.Random,
    origin: str,
    *,
    sex: Sex | None = None,
    nationality: str | None = None,
    ages: tuple[int, int] = (18, 75),
) -> SyntheticPerson:
    """A random person of ``origin`` (one of ``names.ORIGINS``); ``sex`` and ``nationality``
    are drawn when not given, the age between ``ages`` on ``REFERENCE_DATE``."""
    if sex is None:
        sex = Sex.MALE if rng.random() < 0.5 else Sex.FEMALE
    if nationality is None:
        nationality = weighted(rng, countries.NATIONALITIES[origin])
    given, family, native = _BUILD.get(origin, _latin)(rng, origin, sex, nationality)
    return SyntheticPerson(
        id=f"P{rng.getrandbits(40):010X}",
        origin=origin,
        sex=sex,
        given=tuple(given),
        family=tuple(family),
        native_names=native,
        birth_date=birth_date(rng, *ages),
        nationality=nationality,
        passport=passport_number(rng, nationality),
    )


_Built = tuple[list[NamePart], list[NamePart], tuple[str, ...]]

# Chance of a second given name, and of a second family name, for Latin-script origins.
_LATIN_SHAPE = {
    "hispanic": (0.12, 0.9), "anglo": (0.55, 0.0), "french": (0.35, 0.0),
    "german": (0.3, 0.0), "portuguese": (0.12, 0.8), "turkish": (0.25, 0.0),
    "west_african": (0.4, 0.0),
}  # fmt: skip


def _latin(rng: random.Random, origin: str, sex: Sex, nat: str) -> _Built:
    names = nm.origin_names(origin)
    gpool = names.given_m if sex is Sex.MALE else names.given_f
    first = gpool.pick(rng)
    given = [_part(first)]
    second_given, second_family = _LATIN_SHAPE.get(origin, (0.2, 0.0))
    if rng.random() < second_given:
        given.append(_part(_distinct(rng, gpool, first)))
    fam = names.family_m.pick(rng)
    family = [_part(fam)]
    if rng.random() < second_family:
        family.append(_part(_distinct(rng, names.family_m, fam)))
    elif origin == "anglo" and rng.random() < 0.03:
        other = _distinct(rng, names.family_m, fam).forms[0]
        family = [NamePart(f"{fam.forms[0]}-{other}")]
    return given, family, ()


def _vietnamese(rng: random.Random, origin: str, sex: Sex, nat: str) -> _Built:
    names = nm.origin_names(origin)
    male = sex is Sex.MALE
    given = []
    if rng.random() < 0.9:
        given.append(_part(names.extra["middle_m" if male else "middle_f"].pick(rng)))
    given.append(_part((names.given_m if male else names.given_f).pick(rng)))
    return given, [_part(names.family_m.pick(rng))], ()


def _systematic(rng: random.Random, origin: str, sex: Sex, nat: str) -> _Built:
    """Russian, Greek, Japanese: one romanisation system for the whole name."""
    names = nm.origin_names(origin)
    system = rng.choices(range(len(_SYSTEM_WEIGHTS[origin])), _SYSTEM_WEIGHTS[origin])[0]
    male = sex is Sex.MALE
    first = (names.given_m if male else names.given_f).pick(rng)
    fam = (names.family_m if male else names.family_f).pick(rng)
    given = [_part(first, system)]
    if origin == "russian":
        pat = names.extra["patronymic_m" if male else "patronymic_f"].pick(rng)
        given.append(_part(pat, system))
        native: tuple[str, ...] = (f"{fam.native[0]} {first.native[0]} {pat.native[0]}",)
    elif origin == "japanese":
        native = (fam.native[0] + first.native[0], f"{fam.native[1]} {first.native[1]}")
    else:
        native = (f"{first.native[0]} {fam.native[0]}",)
    return given, [_part(fam, system)], native


def _arabic(rng: random.Random, origin: str, sex: Sex, nat: str) -> _Built:
    names = nm.origin_names(origin)
    own = (names.given_m if sex is Sex.MALE else names.given_f).pick(rng)
    given = [_part(own, _hand_index(rng, own))]
    native = [own.native[0]]
    roll = rng.random()
    if origin == "arabic" and roll < 0.65:
        father = names.given_m.pick(rng)
        fpart = _part(father, _hand_index(rng, father))
        if roll < 0.35:  # X BIN Y: the connector travels with the father's name
            conn = rng.choice(_CONNECTORS) if sex is Sex.MALE else "BINT"
            spellings = (fpart.text, *fpart.alternates)
            forms = [f"{c} {f}" for c in (conn, *_CONNECTORS) for f in spellings]
            fpart = NamePart(forms[0], "", tuple(f for f in dict.fromkeys(forms) if f != forms[0]))
            native.append(("بن " if sex is Sex.MALE else "بنت ") + father.native[0])
        else:
            native.append(father.native[0])
        given.append(fpart)
    elif origin == "indian" and roll < 0.3:
        given.append(_part(names.extra["middle_m" if sex is Sex.MALE else "middle_f"].pick(rng)))
        native.append(given[-1].native)
    words = {w for part in given for s in (part.text, *part.alternates) for w in s.split()}
    for _ in range(10):  # no RAJESH KUMAR KUMAR
        fam = names.family_m.pick(rng)
        if not words & set(fam.forms):
            break
    root = fam.forms[_hand_index(rng, fam)]
    if fam.article:
        spellings = article_forms(root, sun=fam.sun)
        weights = (40, 15, 10, 12, 5, *((6,) if fam.sun else ()), 12)
        text = rng.choices(spellings, weights)[0]
        forms = list(dict.fromkeys(f for r in fam.forms for f in article_forms(r, sun=fam.sun)))
        family = NamePart(text, fam.native[0], tuple(f for f in forms if f != text))
    else:
        family = _part(fam, fam.forms.index(root))
    native.append(fam.native[0])
    return given, [family], (" ".join(native),)


def _chinese(rng: random.Random, origin: str, sex: Sex, nat: str) -> _Built:
    names = nm.origin_names(origin)
    system = _CHINESE_SYSTEM.get(nat, rng.choices((0, 1, 2), (50, 30, 20))[0])
    trad = 1 if nat in ("TWN", "HKG") else 0
    fam = names.family_m.pick(rng)
    gpool = names.given_m if sex is Sex.MALE else names.given_f
    chars = [gpool.pick(rng)] + ([gpool.pick(rng)] if rng.random() < 0.8 else [])
    syl = [[c.forms[i] for c in chars] for i in range(3)]
    forms = (
        "".join(syl[0]), "-".join(syl[1]), " ".join(syl[2]), "".join(syl[1]), "-".join(syl[2]),
    )  # fmt: skip
    text = forms[system]
    split = " ".join(syl[system]) if len(chars) > 1 and system == 0 else ""
    given_native = "".join(c.native[trad] for c in chars)
    given = NamePart(text, given_native, tuple(f for f in dict.fromkeys(forms) if f != text), split)
    family = _part(fam, system)
    return [given], [family], (fam.native[trad] + given_native,)


def _korean(rng: random.Random, origin: str, sex: Sex, nat: str) -> _Built:
    names = nm.origin_names(origin)
    fam = names.family_m.pick(rng)
    gpool = names.given_m if sex is Sex.MALE else names.given_f
    first = gpool.pick(rng)
    chars = [first] + ([_distinct(rng, gpool, first)] if rng.random() < 0.95 else [])
    rr = [c.forms[0] for c in chars]
    alt = [rng.choice(c.forms) for c in chars]
    forms = ("".join(rr), "-".join(rr), " ".join(rr), "".join(alt), "-".join(alt))
    text = rng.choices(forms, (45, 20, 8, 17, 10))[0]
    split = " ".join(rr) if len(chars) > 1 and text == forms[0] else ""
    given_native = "".join(c.native[0] for c in chars)
    alts = tuple(f for f in dict.fromkeys(forms) if f != text)
    given = NamePart(text, given_native, alts, split)
    family = _part(fam, _hand_index(rng, fam))
    return [given], [family], (fam.native[0] + given_native,)


_BUILD = {
    "vietnamese": _vietnamese,
    "russian": _systematic,
    "greek": _systematic,
    "japanese": _systematic,
    "arabic": _arabic,
    "persian": _arabic,
    "indian": _arabic,
    "chinese": _chinese,
    "korean": _korean,
}
