"""Every feature's level on chosen traveller-entry pairs, by the level names of the weights."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from preboard.matching.features import FEATURES, Features, features, traveller_tokens
from preboard.matching.weights import released
from preboard.model import PartialDate, Sex, Traveller
from preboard.watchlist import BirthDate, EntryName, WatchlistEntry
from tests.matching.people import BY_ID, D, F, M, entry, traveller

SMITH = BY_ID["WL-EN-SMITH"]  # John Edward Smith, 1958-03-14, USA, male
GARCIA = BY_ID["WL-ES-GARCIA"]  # Maria Garcia Lopez, 1986-07-14, MEX, female
KHALED = BY_ID["WL-AR-KHALED"]  # Mohammed Abdel Rahman Khaled, weak alias Abu Yusuf
BELOV = BY_ID["WL-DOC-BELOV"]  # Viktor Anatolyevich Belov, document G01234567


def found(
    t: Traveller, e: WatchlistEntry, frequency: Mapping[str, float] | None = None
) -> Features:
    return features(t, e, frequency or {})


def level(feature: str, t: Traveller, e: WatchlistEntry) -> str:
    return found(t, e).levels[feature].level


def test_every_feature_has_a_level_the_released_weights_know() -> None:
    got = found(traveller("MUHAMMAD", "ABDULRAHMAN KHALED", D(1978, 4, 12)), KHALED)
    assert tuple(got.levels) == FEATURES
    table = released().table
    for feature, compared in got.levels.items():
        assert compared.level in table[feature], feature
        assert compared.detail  # every level says why


def test_traveller_tokens_are_given_names_then_surname_without_particles() -> None:
    t = traveller("Juan Carlos", "de la Cruz Pérez")
    assert [tok.text for tok in traveller_tokens(t)] == ["JUAN", "CARLOS", "CRUZ", "PEREZ"]


# -- name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "e", "expected"),
    [
        # Every word the same, in another order: exact.
        (traveller("SMITH", "JOHN EDWARD"), SMITH, "exact"),
        (traveller("Сергей", "Иванов"), BY_ID["WL-RU-IVANOV"], "exact"),
        (traveller("", "张秀元"), BY_ID["WL-CN-ZHANG"], "exact"),
        # Every aligned word the same, a second surname left over: strong.
        (traveller("MARIA", "GARCIA"), GARCIA, "strong"),
        # DELACRUZ against DE LA CRUZ: a particle written together (0.97).
        (traveller("JUAN CARLOS", "DELACRUZ PEREZ"), BY_ID["WL-ES-DELACRUZ"], "strong"),
        # A known equivalent or a romanisation (MUHAMMAD/MOHAMMED, 0.92) decides: good.
        (traveller("MUHAMMAD", "ABDULRAHMAN KHALED"), KHALED, "good"),
        (traveller("SERGEY", "IVANOV"), BY_ID["WL-RU-IVANOV"], "good"),
        (traveller("YORGOS", "PAPADOPOULOS"), BY_ID["WL-GR-PAPADOPOULOS"], "good"),
        (traveller("JOHN EDWARD", "SMTIH"), SMITH, "good"),
        # One letter apart (ELENA/OLENA at 0.90): fair.
        (traveller("ELENA", "KOVALENKO"), BY_ID["WL-UA-KOVALENKO"], "fair"),
        # CHANG and ZHANG share a name symbol: 'equivalent' (0.92), not a one-edit 'spelling'
        # (0.90, which made the level 'fair' before the fix).
        pytest.param(
            traveller("HSIU-YUAN", "CHANG"),
            BY_ID["WL-CN-ZHANG"],
            "good",
            id="wade-giles-chang-zhang",
        ),
        # OLEKSANDR and ALEXANDER agree at 0.78 only: weak.
        (traveller("OLEKSANDR", "KOVALENKO"), entry("X", "Alexander Kovalenko"), "weak"),
        # Nothing in common.
        (traveller("ANNA", "NOVAK"), BELOV, "none"),
    ],
)
def test_name_level(t: Traveller, e: WatchlistEntry, expected: str) -> None:
    assert level("name", t, e) == expected


def test_an_initial_is_counted_apart_from_the_name() -> None:
    got = found(traveller("J.", "SMITH"), SMITH)
    assert got.levels["initials"].level == "some"
    assert got.levels["name"].level == "strong"  # SMITH alone decides the name level
    assert found(traveller("JOHN", "SMITH"), SMITH).levels["initials"].level == "none"


def test_initials_alone_are_no_name_agreement() -> None:
    got = found(traveller("J. E.", "BROWN"), SMITH)
    assert [m.reason for m in got.alignment.matches] == ["initial", "initial"]
    assert got.levels["name"].level == "none"
    assert got.levels["initials"].level == "some"


# -- coverage ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "e", "expected"),
    [
        (traveller("MARIA", "GARCIA LOPEZ"), GARCIA, "full"),
        (traveller("MARIA", "GARCIA"), GARCIA, "traveller_in_entry"),
        (traveller("MARIA ISABEL", "GARCIA LOPEZ"), GARCIA, "entry_in_traveller"),
        (traveller("ANA", "GARCIA LOPEZ"), GARCIA, "partial"),
        (traveller("PETER", "SMITH"), SMITH, "single"),
        (traveller("", "ZAWADI"), entry("X", "Zawadi"), "single_only"),
        (traveller("ANNA", "NOVAK"), BELOV, "none"),
    ],
)
def test_coverage_level(t: Traveller, e: WatchlistEntry, expected: str) -> None:
    assert level("coverage", t, e) == expected


def test_the_best_of_the_entry_names_is_used() -> None:
    got = found(traveller("Сергей", "Иванов"), BY_ID["WL-RU-IVANOV"])
    assert got.entry_name == "Sergei Ivanov"  # both names agree; the first best is kept
    arabic = found(traveller("محمد", "خالد"), KHALED)
    assert arabic.entry_name == "محمد عبد الرحمن خالد"
    assert not arabic.weak_alias


def test_a_weak_alias_is_flagged_and_used_only_when_it_is_the_best() -> None:
    weak = found(traveller("ABU", "YUSUF"), KHALED)
    assert weak.entry_name == "Abu Yusuf"
    assert weak.weak_alias
    assert not found(traveller("MOHAMMED", "KHALED"), KHALED).weak_alias


# -- rarity and undated ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("frequency", "expected"),
    [
        # Bits are -log10 of each aligned entry word's share of the list.
        ({"SERGEI": 0.1, "IVANOV": 0.01}, "common"),  # 1 + 2 = 3
        ({"SERGEI": 0.01, "IVANOV": 0.01}, "usual"),  # 4
        ({"SERGEI": 0.001, "IVANOV": 0.001}, "rare"),  # 6
        ({"SERGEI": 1e-4, "IVANOV": 1e-4}, "very_rare"),  # 8
        ({}, "rare"),  # a word the list does not count weighs 3 bits
    ],
)
def test_rarity_level(frequency: dict[str, float], expected: str) -> None:
    got = found(traveller("SERGEI", "IVANOV"), BY_ID["WL-RU-IVANOV"], frequency)
    assert got.levels["rarity"].level == expected


def test_a_loose_agreement_counts_one_bit_however_rare_the_word() -> None:
    # ELENA/OLENA align at 0.90: OLENA's rarity counts; at 0.78 (OLEKSANDR/ALEXANDER) it does not.
    rare = {"OLENA": 1e-7, "ALEXANDER": 1e-7, "KOVALENKO": 0.1}
    close = found(traveller("ELENA", "KOVALENKO"), BY_ID["WL-UA-KOVALENKO"], rare)
    loose = found(traveller("OLEKSANDR", "KOVALENKO"), entry("X", "Alexander Kovalenko"), rare)
    assert close.levels["rarity"].level == "very_rare"  # 7 + 1
    assert loose.levels["rarity"].level == "common"  # 1 + 1


def test_undated_is_the_rarity_when_no_birth_date_backs_the_name() -> None:
    frequency = {"SERGEI": 0.001, "IVANOV": 0.001}
    dated = found(traveller("SERGEI", "IVANOV", D(1969)), BY_ID["WL-RU-IVANOV"], frequency)
    undated = found(traveller("SERGEI", "IVANOV"), BY_ID["WL-RU-IVANOV"], frequency)
    assert dated.levels["undated"].level == "dated"
    assert undated.levels["undated"].level == undated.levels["rarity"].level == "rare"
    no_listed_date = entry("X", "Sergei Ivanov")
    assert (
        found(traveller("SERGEI", "IVANOV", D(1969)), no_listed_date, frequency)
        .levels["undated"]
        .level
        == "rare"
    )


# -- birth date ----------------------------------------------------------------------------

BORN = D(1975, 3, 2)


@pytest.mark.parametrize(
    ("traveller_date", "listed", "expected"),
    [
        (BORN, (BirthDate(D(1975, 3, 2)),), "exact"),
        (BORN, (BirthDate(D(1975)),), "year"),
        (D(1975), (BirthDate(D(1975, 3, 2)),), "year"),  # the traveller gives the year only
        (BORN, (BirthDate(D(1975, 3)),), "year_month"),
        (BORN, (BirthDate(D(1975, 2, 3)),), "swapped"),
        (BORN, (BirthDate(D(1976, 3, 2)),), "one_digit"),  # 1975 for 1976
        (BORN, (BirthDate(D(1975, 8, 2)),), "one_digit"),  # a typo in the month
        (BORN, (BirthDate(D(1970), D(1980)),), "in_range"),
        (BORN, (BirthDate(D(1972), D(1974)),), "near"),  # a range ending a year before
        (BORN, (BirthDate(D(1977, 8, 9)),), "near"),  # within two years
        (BORN, (BirthDate(D(1975, 9, 19)),), "same_year"),
        (BORN, (BirthDate(D(1979, 8, 9)),), "far"),  # within five years
        (BORN, (BirthDate(D(1960), D(1969)),), "conflict"),
        (BORN, (BirthDate(D(2005, 8, 9)),), "conflict"),  # thirty years apart
        (BORN, (BirthDate(D(1990)), BirthDate(D(1975))), "year"),  # the best listed date
        (None, (BirthDate(BORN),), "missing"),
        (BORN, (), "missing"),
    ],
)
def test_birth_date_level(
    traveller_date: PartialDate | None, listed: tuple[BirthDate, ...], expected: str
) -> None:
    e = entry("X", "Sergei Ivanov", born=listed)
    assert level("birth_date", traveller("SERGEI", "IVANOV", traveller_date), e) == expected


def test_thirty_years_apart_on_the_same_day_and_month_is_a_conflict() -> None:
    """Fixed bug: 1999-11-03 and 1969-11-03 differ in one digit (the decade) and were
    'one_digit', though the two are born thirty years apart (a father and a son)."""
    t = traveller("SERGEI", "IVANOV", D(1999, 11, 3))
    assert level("birth_date", t, BY_ID["WL-RU-IVANOV"]) == "conflict"


def test_a_one_digit_typo_in_the_day_is_one_digit() -> None:
    """Fixed bug: a one-digit typo in the day (1975-03-12 for 1975-03-02) was 'same_year':
    compare._one_date tried 'one_digit' only when the years differed."""
    e = entry("X", "Sergei Ivanov", born=(BirthDate(BORN),))
    assert level("birth_date", traveller("SERGEI", "IVANOV", D(1975, 3, 12)), e) == "one_digit"


# -- nationality, sex, document ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("nationality", "listed", "expected"),
    [
        ("MEX", ("MEX",), "same"),
        ("ESP", ("MEX", "ESP"), "same"),  # any listed nationality
        ("USA", ("MEX",), "different"),
        (None, ("MEX",), "missing"),
        ("MEX", (), "missing"),
    ],
)
def test_nationality_level(nationality: str | None, listed: tuple[str, ...], expected: str) -> None:
    e = WatchlistEntry("X", (EntryName("Maria Garcia Lopez"),), nationalities=listed)
    t = traveller("MARIA", "GARCIA", nationality=nationality)
    assert level("nationality", t, e) == expected


@pytest.mark.parametrize(
    ("sex", "listed", "expected"),
    [
        (F, F, "same"),
        (M, F, "different"),
        (Sex.UNSPECIFIED, F, "missing"),
        (None, F, "missing"),
        (F, None, "missing"),
    ],
)
def test_sex_level(sex: Sex | None, listed: Sex | None, expected: str) -> None:
    e = entry("X", "Maria Garcia Lopez", sex=listed)
    assert level("sex", traveller("MARIA", "GARCIA", sex=sex), e) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("G01234567", "exact"),
        ("g0 1234-567", "exact"),  # separators and case do not count
        ("G10234567", "near"),  # one transposition
        ("GO1234567", "near"),  # O for 0
        ("G0I234567", "near"),  # I for 1
        ("GOI234567", "near"),  # both
        ("K98765432", "different"),
        (None, "missing"),
    ],
)
def test_document_level(number: str | None, expected: str) -> None:
    t = traveller("VIKTOR", "BELOV", document=number)
    assert level("document", t, BELOV) == expected


def test_document_missing_on_the_entry() -> None:
    t = traveller("JOHN", "SMITH", document="G01234567")
    assert level("document", t, SMITH) == "missing"
