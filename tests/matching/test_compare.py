"""Birth dates (partial, swapped, one digit off, ranges), nationality, sex, documents."""

from __future__ import annotations

import pytest

from preboard.matching.compare import compare_birth, compare_documents, compare_sex
from preboard.model import PartialDate, Sex, TravelDocument
from preboard.watchlist import BirthDate, EntryDocument


def level(traveller: PartialDate | None, *listed: BirthDate) -> str:
    return compare_birth(traveller, listed).level


@pytest.mark.parametrize(
    ("traveller", "listed", "expected"),
    [
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1975, 3, 2)), "exact"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1975)), "year"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1975, 3)), "year_month"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1975, 2, 3)), "swapped"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1976, 3, 2)), "one_digit"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1970), PartialDate(1980)), "in_range"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1977, 8, 9)), "near"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1979, 8, 9)), "far"),
        (PartialDate(1975, 3, 2), BirthDate(PartialDate(1990, 8, 9)), "conflict"),
        (None, BirthDate(PartialDate(1990, 8, 9)), "missing"),
    ],
)
def test_birth_date_levels(traveller: PartialDate | None, listed: BirthDate, expected: str) -> None:
    assert level(traveller, listed) == expected


def test_best_of_several_listed_dates() -> None:
    got = level(PartialDate(1975, 3, 2), BirthDate(PartialDate(1990)), BirthDate(PartialDate(1975)))
    assert got == "year"


def test_documents_exact_ocr_and_transposition() -> None:
    def doc_level(a: str, b: str) -> str:
        return compare_documents((TravelDocument("P", a),), (EntryDocument(b),)).level

    assert doc_level("G 1234-5678", "G12345678") == "exact"
    assert doc_level("GO1234567", "G01234567") == "near"  # O and 0
    assert doc_level("G12345687", "G12345678") == "near"  # one transposition
    assert doc_level("G12345678", "K99999999") == "different"
    assert compare_documents((), (EntryDocument("X1"),)).level == "missing"


def test_sex() -> None:
    assert compare_sex(Sex.FEMALE, Sex.FEMALE).level == "same"
    assert compare_sex(Sex.FEMALE, Sex.MALE).level == "different"
    assert compare_sex(Sex.UNSPECIFIED, Sex.MALE).level == "missing"
