"""Synthetic people and the romanisation tables behind them."""

from __future__ import annotations

import random

import pytest

from preboard.model import Sex
from preboard.synthetic import ORIGINS, generate_person
from preboard.synthetic.data import cyrillic, greek
from preboard.synthetic.names import origin_names, russian_patronymic
from preboard.synthetic.translit import (
    CYRILLIC,
    GREEK,
    article_forms,
    fold,
    kana_romaji,
    transliterate,
)


def test_evgenii_in_every_system() -> None:
    got = [transliterate("Евгений", t, CYRILLIC) for t in cyrillic.SYSTEMS.values()]
    assert got == ["EVGENII", "EVGENIY", "YEVGENIY", "EVGENY", "JEWGENI", "EVGUENI"]


def test_sergei_german_has_no_double_s() -> None:  # С~ must not fire at the start of a word
    assert transliterate("Сергей", cyrillic.SYSTEMS["german"], CYRILLIC) == "SERGEJ"


def test_greek_systems() -> None:
    got = [transliterate("ΓΕΩΡΓΙΟΣ", t, GREEK) for t in greek.SYSTEMS.values()]
    assert got == ["GEORGIOS", "YEORYIOS", "GEORGIOS"]
    assert transliterate("ΧΡΙΣΤΙΝΑ", greek.SYSTEMS["phonetic"], GREEK) == "HRISTINA"


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        ("おおの", ["ONO", "OHNO", "OONO"]),
        ("なんば", ["NAMBA", "NAMBA", "NANBA"]),
        ("いの|うえ", ["INOUE", "INOUE", "INOUE"]),
        ("きょうへい", ["KYOHEI", "KYOHEI", "KYOUHEI"]),
        ("はっとり", ["HATTORI", "HATTORI", "HATTORI"]),
    ],
)
def test_hepburn(reading: str, expected: list[str]) -> None:
    assert [kana_romaji(reading, s) for s in ("passport", "oh", "wapuro")] == expected


def test_fold() -> None:
    assert fold("MÜLLER", "icao") == "MUELLER"
    assert fold("MÜLLER") == "MULLER"
    assert fold("NGUYỄN VĂN ĐẠT") == "NGUYEN VAN DAT"
    assert fold("GROß") == "GROSS"
    assert fold("ŞAHİN") == "SAHIN"


def test_arabic_article() -> None:
    assert "ASH-SHAMMARI" in article_forms("SHAMMARI", sun=True)
    assert article_forms("HARBI", sun=False)[0] == "AL-HARBI"


def test_patronymics() -> None:
    assert russian_patronymic("Евгений", female=False) == "Евгеньевич"
    assert russian_patronymic("Дмитрий", female=True) == "Дмитриевна"
    assert russian_patronymic("Пётр", female=False) == "Петрович"


def test_pool_sizes_and_skew() -> None:
    for origin in ORIGINS:
        names = origin_names(origin)
        assert len(names.family_m.items) >= 40, origin
        if origin not in ("korean", "chinese"):
            assert len(names.given_m.items) >= 50 and len(names.given_f.items) >= 40, origin
    rng = random.Random(1)
    firsts = [generate_person(rng, "hispanic", sex=Sex.FEMALE).given[0].text for _ in range(2000)]
    assert firsts.count("MARÍA") > 60  # the most common name is common
    surnames = [generate_person(rng, "vietnamese").family[0].text for _ in range(1000)]
    assert surnames.count("NGUYỄN") > 200


@pytest.mark.parametrize("origin", ORIGINS)
def test_generate_person(origin: str) -> None:
    rng = random.Random(origin)
    for _ in range(50):
        p = generate_person(rng, origin)
        assert p.given and p.family and p.passport
        assert p.origin == origin and p.sex in (Sex.MALE, Sex.FEMALE)
        assert len(p.nationality) == 3
        ascii_name = f"{p.given_names(p.fold_style)} {p.surname(p.fold_style)}"
        assert ascii_name.isascii()
        has_script = origin not in {
            "hispanic", "anglo", "vietnamese", "turkish", "west_african", "french", "german",
            "portuguese",
        }  # fmt: skip
        assert (p.native_name is not None) == has_script


def test_generate_person_deterministic() -> None:
    a = [generate_person(random.Random(5), o) for o in ORIGINS]
    b = [generate_person(random.Random(5), o) for o in ORIGINS]
    assert a == b
