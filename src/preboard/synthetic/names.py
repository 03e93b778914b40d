"""Name pools by cultural origin, read once from the tables in ``synthetic.data``.

A ``Source`` is one name as the tables give it: its native-script forms (none for Latin-script
origins) and its romanised forms (one per romanisation system for Russian, Greek, Japanese
and Chinese; the usual passport spellings, most common first, for Arabic, Persian, Indian and
Korean; the name itself, diacritics kept, for Latin-script origins). A ``Pool`` draws sources
with a Zipf-like frequency skew following the order of the table (the first names are the
most common: MARÍA, MOHAMMED, GARCÍA, WANG, KIM, NGUYỄN, SMITH).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from preboard.synthetic.data import arabic, cjk, cyrillic, greek, indian, japanese
from preboard.synthetic.data import latin_a as la
from preboard.synthetic.data import latin_b as lb
from preboard.synthetic.translit import CYRILLIC, GREEK, kana_romaji, katakana, transliterate

ORIGINS: tuple[str, ...] = (
    "hispanic", "anglo", "arabic", "persian", "russian", "chinese", "korean", "indian",
    "vietnamese", "greek", "turkish", "west_african", "french", "german", "portuguese",
    "japanese",
)  # fmt: skip

# Origins whose names are written family name first.
FAMILY_FIRST = frozenset({"chinese", "korean", "vietnamese", "japanese"})

# Romanisation systems by origin, in the order of ``Source.forms``.
SYSTEMS: dict[str, tuple[str, ...]] = {
    "russian": tuple(cyrillic.SYSTEMS),
    "greek": tuple(greek.SYSTEMS),
    "japanese": tuple(japanese.SYSTEMS),
    "chinese": ("pinyin", "wade_giles", "cantonese"),
}

_ARABIC_SUN = set("تثدذرزسشصضطظلن")


@dataclass(frozen=True, slots=True)
class Source:
    """One name from the tables: native-script forms and romanised forms."""

    native: tuple[str, ...]
    forms: tuple[str, ...]
    article: bool = False  # Arabic family name with the article ال
    sun: bool = False  # … before a sun letter


@dataclass(frozen=True, slots=True)
class Pool:
    """Sources with cumulative weights for ``random.choices``."""

    items: tuple[Source, ...]
    cum: tuple[float, ...]

    def pick(self, rng: random.Random) -> Source:
        """One source, drawn with the pool's frequency skew."""
        return rng.choices(self.items, cum_weights=self.cum)[0]


@dataclass(frozen=True, slots=True)
class OriginNames:
    """The pools of one origin; ``extra`` holds middle names, patronymics, syllables."""

    given_m: Pool
    given_f: Pool
    family_m: Pool
    family_f: Pool
    extra: dict[str, Pool] = field(default_factory=dict)
    syllables: dict[str, tuple[str, ...]] = field(default_factory=dict)


def pool(items: list[Source], skew: float) -> Pool:
    """A pool whose r-th item weighs 1/(r+1)^skew."""
    weights = [1.0 / (rank + 1) ** skew for rank in range(len(items))]
    return Pool(tuple(items), tuple(accumulate(weights)))


def split_list(text: str) -> list[str]:
    """Items of a comma- or semicolon-separated table, stripped, empties dropped."""
    return [item.strip() for item in text.replace(";", ",").split(",") if item.strip()]


def _latin(text: str) -> list[Source]:
    return [Source((), (name,)) for name in split_list(text)]


def _hand(text: str) -> list[Source]:
    out = []
    for item in text.split(";"):
        native, _, forms = item.strip().partition("=")
        if native:
            out.append(Source((native.strip(),), tuple(f.strip() for f in forms.split("/"))))
    return out


def _arabic_family() -> list[Source]:
    out = []
    for src in _hand(arabic.ARABIC_FAMILY):
        native = src.native[0]
        if native.startswith("ال") and len(native) > 2:
            out.append(Source(src.native, src.forms, article=True, sun=native[2] in _ARABIC_SUN))
        else:
            out.append(src)
    return out


def _cyr(names: list[str]) -> list[Source]:
    systems = cyrillic.SYSTEMS.values()
    return [Source((n,), tuple(transliterate(n, t, CYRILLIC) for t in systems)) for n in names]


def _greek(names: list[str]) -> list[Source]:
    systems = greek.SYSTEMS.values()
    return [Source((n,), tuple(transliterate(n, t, GREEK) for t in systems)) for n in names]


def russian_female_surname(name: str) -> str:
    """The female form of a Russian family name (Иванов → Иванова, -ский → -ская)."""
    for male, female in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая")):
        if name.endswith(male):
            return name[: -len(male)] + female
    if name.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return name + "а"
    return name  # -енко, -их, -ых do not change


_PATRONYMIC_STEMS = {"Лев": "Льв", "Павел": "Павл", "Пётр": "Петр"}


def russian_patronymic(father: str, *, female: bool) -> str | None:
    """Patronymic from a father's given name (Сергей → Сергеевич/Сергеевна); ``None`` for
    the irregular ones the tables do not cover."""
    if father in _PATRONYMIC_STEMS:
        stem, male_end, fem_end = _PATRONYMIC_STEMS[father], "ович", "овна"
    elif father.endswith(("рий", "гий")) and father[-4] in "тр":  # Дмитрий, Георгий
        stem, male_end, fem_end = father[:-1], "евич", "евна"
    elif father.endswith("ий"):
        stem, male_end, fem_end = father[:-2], "ьевич", "ьевна"
    elif father.endswith(("й", "ь")):
        stem, male_end, fem_end = father[:-1], "евич", "евна"
    elif father[-1] in "аяо":
        return None
    else:
        stem, male_end, fem_end = father, "ович", "овна"
    return stem + (fem_end if female else male_end)


def greek_female_surname(name: str) -> str:
    """The female (genitive) form of a Greek family name (ΠΑΠΑΔΟΠΟΥΛΟΣ → ΠΑΠΑΔΟΠΟΥΛΟΥ)."""
    if name.endswith("ΙΔΗΣ"):
        return name[:-2] + "ΟΥ"
    if name.endswith("ΟΣ"):
        return name[:-2] + "ΟΥ"
    if name.endswith(("ΗΣ", "ΑΣ")):
        return name[:-1]
    return name


def _japanese(text: str) -> list[Source]:
    out = []
    for item in text.split(";"):
        kanji, _, reading = item.strip().partition("=")
        if kanji:
            forms = tuple(kana_romaji(reading, s) for s in japanese.SYSTEMS)
            out.append(Source((kanji, katakana(reading)), forms))
    return out


def _chinese(text: str) -> list[Source]:
    out = []
    for item in text.split(";"):
        tokens = item.split()
        if not tokens:
            continue
        chars = tokens[0]
        half = len(chars) // 2
        simplified, traditional = (chars[:half], chars[half:]) if half else (chars, chars)
        if len(chars) % 2 or not _is_pair(chars):
            simplified = traditional = chars
        out.append(Source((simplified, traditional), tuple(tokens[1:])))
    return out


def _is_pair(chars: str) -> bool:
    # "张張" is a simplified/traditional pair; "欧阳歐陽" is two pairs of two; "林" is one
    return len(chars) in (2, 4) and chars[: len(chars) // 2] != chars[len(chars) // 2 :]


def _korean(text: str) -> list[Source]:
    return [Source((t[0],), tuple(t[1:])) for t in (i.split() for i in text.split(";")) if t]


@cache
def origin_names(origin: str) -> OriginNames:
    """The pools of ``origin`` (one of ``ORIGINS``), built once."""
    return _BUILDERS[origin]()


def _latin_origin(m: str, f: str, fam: str, skew: float = 0.6) -> OriginNames:
    family = pool(_latin(fam), skew)
    return OriginNames(pool(_latin(m), 0.8), pool(_latin(f), 0.8), family, family)


def _russian() -> OriginNames:
    males = split_list(cyrillic.RUSSIAN_M)
    fams = split_list(cyrillic.RUSSIAN_FAMILY)
    pat_m = [p for n in males if (p := russian_patronymic(n, female=False))]
    pat_f = [p for n in males if (p := russian_patronymic(n, female=True))]
    return OriginNames(
        pool(_cyr(males), 0.8),
        pool(_cyr(split_list(cyrillic.RUSSIAN_F)), 0.8),
        pool(_cyr(fams), 0.6),
        pool(_cyr([russian_female_surname(n) for n in fams]), 0.6),
        {"patronymic_m": pool(_cyr(pat_m), 0.8), "patronymic_f": pool(_cyr(pat_f), 0.8)},
    )


def _greek_origin() -> OriginNames:
    fams = split_list(greek.GREEK_FAMILY)
    return OriginNames(
        pool(_greek(split_list(greek.GREEK_M)), 0.8),
        pool(_greek(split_list(greek.GREEK_F)), 0.8),
        pool(_greek(fams), 0.6),
        pool(_greek([greek_female_surname(n) for n in fams]), 0.6),
    )


def _arabic() -> OriginNames:
    family = pool(_arabic_family(), 0.6)
    return OriginNames(
        pool(_hand(arabic.ARABIC_M), 0.9), pool(_hand(arabic.ARABIC_F), 0.8), family, family
    )


def _persian() -> OriginNames:
    family = pool(_hand(arabic.PERSIAN_FAMILY), 0.6)
    return OriginNames(
        pool(_hand(arabic.PERSIAN_M), 0.8), pool(_hand(arabic.PERSIAN_F), 0.8), family, family
    )


def _indian() -> OriginNames:
    family = pool(_hand(indian.INDIAN_FAMILY), 0.7)
    return OriginNames(
        pool(_hand(indian.INDIAN_M), 0.7),
        pool(_hand(indian.INDIAN_F), 0.7),
        family,
        family,
        {
            "middle_m": pool(_hand(indian.INDIAN_MIDDLE_M), 1.5),
            "middle_f": pool(_hand(indian.INDIAN_MIDDLE_F), 1.5),
        },
    )


def _chinese_origin() -> OriginNames:
    family = pool(_chinese(cjk.CHINESE_FAMILY), 0.9)
    return OriginNames(
        pool(_chinese(cjk.CHINESE_GIVEN_M), 0.5),
        pool(_chinese(cjk.CHINESE_GIVEN_F), 0.5),
        family,
        family,
    )


def _korean_origin() -> OriginNames:
    family = pool(_korean(cjk.KOREAN_FAMILY), 1.1)
    syllables = {s.native[0]: s.forms for s in _korean(cjk.KOREAN_SYLLABLES)}

    def given(chars: str) -> Pool:
        return pool([Source((c,), syllables[c]) for c in chars], 0.5)

    return OriginNames(
        given(cjk.KOREAN_GIVEN_M), given(cjk.KOREAN_GIVEN_F), family, family, {}, syllables
    )


def _vietnamese() -> OriginNames:
    family = pool(_latin(lb.VIETNAMESE_FAMILY), 1.3)
    return OriginNames(
        pool(_latin(lb.VIETNAMESE_M), 0.6),
        pool(_latin(lb.VIETNAMESE_F), 0.6),
        family,
        family,
        {
            "middle_m": pool(_latin(lb.VIETNAMESE_MIDDLE_M), 1.4),
            "middle_f": pool(_latin(lb.VIETNAMESE_MIDDLE_F), 1.2),
        },
    )


def _japanese_origin() -> OriginNames:
    family = pool(_japanese(japanese.JAPANESE_FAMILY), 0.7)
    return OriginNames(
        pool(_japanese(japanese.JAPANESE_M), 0.6),
        pool(_japanese(japanese.JAPANESE_F), 0.6),
        family,
        family,
    )


_BUILDERS = {
    "hispanic": lambda: _latin_origin(la.HISPANIC_M, la.HISPANIC_F, la.HISPANIC_FAMILY),
    "anglo": lambda: _latin_origin(la.ANGLO_M, la.ANGLO_F, la.ANGLO_FAMILY),
    "french": lambda: _latin_origin(la.FRENCH_M, la.FRENCH_F, la.FRENCH_FAMILY),
    "portuguese": lambda: _latin_origin(la.PORTUGUESE_M, la.PORTUGUESE_F, la.PORTUGUESE_FAMILY),
    "german": lambda: _latin_origin(lb.GERMAN_M, lb.GERMAN_F, lb.GERMAN_FAMILY),
    "turkish": lambda: _latin_origin(lb.TURKISH_M, lb.TURKISH_F, lb.TURKISH_FAMILY),
    "west_african": lambda: _latin_origin(
        lb.WEST_AFRICAN_M, lb.WEST_AFRICAN_F, lb.WEST_AFRICAN_FAMILY
    ),
    "vietnamese": _vietnamese,
    "russian": _russian,
    "greek": _greek_origin,
    "arabic": _arabic,
    "persian": _persian,
    "indian": _indian,
    "chinese": _chinese_origin,
    "korean": _korean_origin,
    "japanese": _japanese_origin,
}
