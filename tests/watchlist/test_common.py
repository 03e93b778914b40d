"""Shared loader helpers: birth dates, countries, names and their scripts."""

from __future__ import annotations

import pytest

from preboard.model import PartialDate, Severity
from preboard.watchlist.loaders.common import (
    Report,
    birth_date,
    country,
    country_by_name,
    document_type,
    entry_name,
    plural,
)
from preboard.watchlist.model import BirthDate, NameKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1970", BirthDate(PartialDate(1970))),
        ("1970-05", BirthDate(PartialDate(1970, 5))),
        ("1970-05-12", BirthDate(PartialDate(1970, 5, 12))),
        ("1958/1962", BirthDate(PartialDate(1958), PartialDate(1962))),
        ("1970-05-12T00:00:00", BirthDate(PartialDate(1970, 5, 12))),
    ],
)
def test_birth_dates_that_read_cleanly(text: str, expected: BirthDate) -> None:
    report = Report("f")
    assert birth_date(text, report, 2) == expected
    assert report.problems == []


@pytest.mark.parametrize("text", ["1970-13-45", "1962/1958", "1970/", "born 1970", "70"])
def test_bad_birth_dates_are_reported_and_left_out(text: str) -> None:
    report = Report("f")
    assert birth_date(text, report, 4) is None
    (problem,) = report.problems
    assert (problem.segment, problem.severity) == (4, Severity.WARNING)
    assert problem.message.startswith(f"line 4: birth date {text!r} is not YYYY")


@pytest.mark.parametrize("text", ["c. 1960", "ca. 1960", "circa 1960", "~1960", "C. 1960"])
def test_circa_is_a_range_of_two_years_either_side_with_a_warning(text: str) -> None:
    report = Report("f")
    assert birth_date(text, report, 3) == BirthDate(PartialDate(1958), PartialDate(1962))
    assert (
        report.problems[0].message == f"line 3: birth date {text!r} is approximate: read as "
        "1958/1962"
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ru", "RUS"),
        ("RUS", "RUS"),
        ("xk", "RKS"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Viet Nam", "VNM"),
        ("Russian Federation", "RUS"),
        ("Kosovo", "RKS"),
        ("Iraq", "IRQ"),
    ],
)
def test_countries_by_code_or_name(text: str, code: str) -> None:
    report = Report("f")
    assert country(text, report, 1, "nationality") == code
    assert report.problems == []


def test_unknown_country_is_reported() -> None:
    report = Report("f", "record")
    assert country("Atlantis", report, 2, "nationality") is None
    assert (
        report.problems[0].message == "record 2: nationality 'Atlantis' is not a known "
        "country: left out"
    )
    assert country_by_name("zz") is None


def test_non_latin_names_are_original_script_and_weak_aliases_stay_weak() -> None:
    report = Report("f")
    assert entry_name("Иван  Сидоров", NameKind.PRIMARY, report, 1) is not None
    name = entry_name("Иван  Сидоров", NameKind.ALIAS, report, 1)
    assert name is not None and (name.full, name.kind) == ("Иван Сидоров", NameKind.ORIGINAL_SCRIPT)
    weak = entry_name("Ваня", NameKind.WEAK_ALIAS, report, 1)
    assert weak is not None and weak.kind is NameKind.WEAK_ALIAS
    latin = entry_name("José Müller", NameKind.ALIAS, report, 1)
    assert latin is not None and latin.kind is NameKind.ALIAS
    assert report.problems == []


def test_private_use_character_drops_the_name() -> None:
    report = Report("f")
    assert entry_name("Jo\ue000hn", NameKind.PRIMARY, report, 9) is None
    assert report.problems[0].severity is Severity.ERROR
    assert "U+E000" in report.problems[0].message


def test_rare_script_is_kept_with_a_warning() -> None:
    report = Report("f")
    name = entry_name("ᚋᚐᚊ", NameKind.PRIMARY, report, 6)
    assert name is not None and name.kind is NameKind.ORIGINAL_SCRIPT
    assert (
        report.problems[0].message == "line 6: name 'ᚋᚐᚊ' is in Ogham script, which "
        "screening cannot compare: kept"
    )


def test_document_types_and_plurals() -> None:
    assert [
        document_type(t) for t in ("Passport", "National Identification Number", "", "Visa")
    ] == ["P", "I", None, "Visa"]
    assert (plural(1, "entity"), plural(2, "entity"), plural(3, "value")) == (
        "1 entity",
        "2 entities",
        "3 values",
    )
