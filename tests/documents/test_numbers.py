"""Number keys, OCR folding, document types and masked descriptions."""

from __future__ import annotations

import pytest

from preboard.documents.numbers import (
    describe,
    fold,
    is_visa,
    nationality_of,
    number_key,
    type_category,
)
from preboard.model import TravelDocument
from tests.documents.helpers import passport, person


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("G24681357", "G24681357"),
        ("g 246-813.57", "G24681357"),
        ("A-0551 2999", "A05512999"),
        ("C01X/00T_47", "C01X00T47"),
        ("", ""),
    ],
)
def test_number_key_removes_separators_and_case(raw: str, key: str) -> None:
    assert number_key(raw) == key


def test_fold_maps_confusable_letters_onto_digits() -> None:
    assert fold("GO1I5SB8Z2") == "G0115588" + "22"
    assert fold("G5060708O") == fold("G50607080")
    assert fold("C01X00T47") == "C01X00T47"  # X and T are not confusable
    assert fold("ÉOS") == "É05"  # non-ASCII text folds too


@pytest.mark.parametrize(
    ("raw", "category"),
    [
        ("P", "P"),
        ("PP", "P"),
        ("passport", "P"),
        ("Diplomatic passport", "P"),
        ("V", "V"),
        ("VISA", "V"),
        ("ID", "I"),
        ("identity card", "I"),
        ("", None),
        (None, None),
        ("1", None),
    ],
)
def test_type_category(raw: str | None, category: str | None) -> None:
    assert type_category(raw) == category


def test_is_visa_for_v_and_types_starting_with_v() -> None:
    assert is_visa(TravelDocument("V", "1"))
    assert is_visa(TravelDocument("VISA", "1"))
    assert not is_visa(TravelDocument("P", "1"))


def test_describe_masks_the_number() -> None:
    text = describe(passport("G24681357"))
    assert text == "passport ••••••357 (MEX)"
    assert "G24681357" not in text
    assert describe(TravelDocument("L", "ABC12345", None)) == "document of type L •••••345"
    assert describe(TravelDocument(None, None)) == "document without a number"


def test_nationality_falls_back_on_a_document_and_normalises_alpha2() -> None:
    assert nationality_of(person(nationality="MX")) == "MEX"
    doc = TravelDocument("P", "1", "MEX", nationality="MEX")
    assert nationality_of(person(doc, nationality=None)) == "MEX"
    assert nationality_of(person(nationality=None)) is None
