"""MRZ reading on the ICAO Doc 9303 specimens (public specimen data) and hand-made variants."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from preboard.errors import MrzError, ParseError
from preboard.ingest.mrz import MrzFormat, check_digit, parse_mrz
from preboard.model import PartialDate, Role, Sex

TODAY = dt.date(2026, 11, 28)
TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
MRV_A = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
]
MRV_B = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]
# ICAO 9303 Part 5 long document number: D23145890734, check digit 9, in the optional data.
TD1_LONG = [
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
]


def test_check_digit_of_the_icao_example() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("<<<<") == "0"
    with pytest.raises(ValueError):
        check_digit("ab")


def test_td3_specimen() -> None:
    mrz = parse_mrz(TD3, reference=TODAY)
    assert mrz.format is MrzFormat.TD3
    assert (mrz.document_code, mrz.issuing_state, mrz.nationality) == ("P", "UTO", "UTO")
    assert mrz.document_number == "L898902C3"
    assert (mrz.surname, mrz.given_names, mrz.sex) == ("ERIKSSON", "ANNA MARIA", "F")
    assert mrz.birth_date.raw == "740812"
    assert mrz.birth_date.value == PartialDate(1974, 8, 12)
    assert mrz.expiry.value == PartialDate(2012, 4, 15)
    assert mrz.optional_data == "ZE184226B"
    assert list(mrz.checks) == [
        "document_number",
        "birth_date",
        "expiry",
        "personal_number",
        "composite",
    ]
    assert mrz.valid


@pytest.mark.parametrize(
    ("lines", "fmt", "checks"),
    [
        (TD2, MrzFormat.TD2, {"document_number", "birth_date", "expiry", "composite"}),
        (TD1, MrzFormat.TD1, {"document_number", "birth_date", "expiry", "composite"}),
        (MRV_A, MrzFormat.MRV_A, {"document_number", "birth_date", "expiry"}),
        (MRV_B, MrzFormat.MRV_B, {"document_number", "birth_date", "expiry"}),
    ],
)
def test_other_specimens(lines: list[str], fmt: MrzFormat, checks: set[str]) -> None:
    mrz = parse_mrz(lines, reference=TODAY)
    assert mrz.format is fmt
    assert set(mrz.checks) == checks
    assert mrz.valid
    assert (mrz.surname, mrz.given_names) == ("ERIKSSON", "ANNA MARIA")


def test_visa_optional_data_and_nationality() -> None:
    mrz = parse_mrz(MRV_A, reference=TODAY)
    assert mrz.document_number == "L8988901C"
    assert mrz.nationality == "XXX"
    assert mrz.optional_data == "6ZE184226B"
    assert mrz.birth_date.value == PartialDate(1940, 9, 7)


def test_td1_long_document_number_continues_in_the_optional_data() -> None:
    mrz = parse_mrz(TD1_LONG, reference=TODAY)
    assert mrz.document_number == "D23145890734"
    assert mrz.checks["document_number"].found == "9"
    assert mrz.checks["document_number"].valid
    assert mrz.optional_data == ""
    assert mrz.valid


def test_wrong_composite_makes_the_mrz_invalid_but_readable() -> None:
    lines = [TD3[0], TD3[1][:-1] + "9"]
    mrz = parse_mrz(lines, reference=TODAY)
    assert mrz.validity["composite"] is False
    assert mrz.checks["composite"].expected == "0"
    assert not mrz.valid
    assert mrz.surname == "ERIKSSON"


def test_unknown_birth_month_and_day_give_a_partial_date() -> None:
    line2 = "L898902C36UTO74<<<<1F1204159ZE184226B<<<<<1"
    line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    mrz = parse_mrz([TD3[0], line2], reference=TODAY)
    assert mrz.birth_date.value == PartialDate(1974)
    assert mrz.valid
    assert mrz.to_traveller(TODAY).birth_date == PartialDate(1974)


def test_one_string_lower_case_and_ocr_spaces() -> None:
    text = (
        "\n  p<utoeriksson<<anna<maria<<<<< <<<<<<<<<<<<<<  \r\n"
        "\nL898902C3 6UTO7408122F1204159ZE184226B<<<<<10\n"
    )
    assert parse_mrz(text, reference=TODAY) == parse_mrz(TD3, reference=TODAY)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ([TD3[0]], "found 1 non-empty lines"),
        ([TD3[0], TD3[1][:-1]], "found 2 lines of lengths 44, 43"),
        ([TD3[0], TD2[1]], "lengths 44, 36"),
        ([*TD1, TD1[0]], "found 4 non-empty lines"),
        ([TD3[0].replace("ANNA", "ÄNNA"), TD3[1]], "line 1 has 'Ä' at position 16"),
        ([TD3[0], TD3[1].replace("<", "-", 1)], "line 2 has '-'"),
    ],
)
def test_not_an_mrz_raises_with_a_reason(text: list[str], needle: str) -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz(text)
    assert needle in caught.value.reason
    assert isinstance(caught.value, ParseError)


def test_errors_never_quote_the_document_number() -> None:
    with pytest.raises(MrzError) as caught:
        parse_mrz([TD3[0], TD3[1] + "<"])
    assert "L898902C3" not in str(caught.value)


def test_repr_hides_the_document_number_and_personal_number() -> None:
    text = repr(parse_mrz(TD3, reference=TODAY))
    assert "L898902C3" not in text
    assert "ZE184226B" not in text


def test_to_dict_is_json_ready() -> None:
    data = parse_mrz(TD2, reference=TODAY).to_dict()
    assert json.loads(json.dumps(data)) == data
    for key in (
        "format",
        "document_code",
        "issuing_state",
        "document_number",
        "nationality",
        "birth_date",
        "sex",
        "expiry",
        "surname",
        "given_names",
        "optional_data",
        "checks",
        "valid",
    ):
        assert key in data
    assert data["format"] == "TD2"
    assert data["birth_date"] == {"raw": "740812", "date": "1974-08-12"}
    assert data["checks"]["composite"] == {"found": "6", "expected": "6", "valid": True}
    assert data["valid"] is True


def test_to_traveller() -> None:
    traveller = parse_mrz(TD1_LONG, reference=TODAY).to_traveller(TODAY)
    assert traveller.role is Role.PASSENGER
    assert (traveller.surname, traveller.given_names) == ("STEVENSON", "PETER JOHN")
    assert traveller.sex is Sex.MALE
    assert traveller.birth_date == PartialDate(1934, 7, 12)
    (document,) = traveller.documents
    assert (document.type, document.number) == ("I", "D23145890734")
    assert document.expiry == dt.date(1995, 7, 12)
    assert (document.issuing_country, document.nationality) == ("UTO", "UTO")


def test_to_traveller_places_centuries_and_normalises_countries() -> None:
    line2 = "AA00000000POL0502084F3012314<<<<<<<<<<<<<<<"
    line2 += check_digit(line2[0:10] + line2[13:20] + line2[21:43])
    line1 = "P<D<<KOWALSKA<KWIATKOWSKA<<JOANNA<<<<<<<<<<<"
    traveller = parse_mrz([line1, line2]).to_traveller(TODAY)
    assert traveller.birth_date == PartialDate(2005, 2, 8)
    assert traveller.documents[0].expiry == dt.date(2030, 12, 31)
    assert traveller.documents[0].issuing_country == "DEU"
    assert traveller.nationality == "POL"
    assert traveller.surname == "KOWALSKA KWIATKOWSKA"
