"""The operator's visa table, the airport table and the visa_missing check."""

from __future__ import annotations

from pathlib import Path

import pytest

from preboard.documents import (
    Requirement,
    VisaTable,
    check_visa,
    default_airports,
    destination_country,
    example_visa_table,
    load_airports,
    load_visa_table,
    read_visa_table,
)
from preboard.errors import ParseError
from preboard.model import Flight, Leg, Role, Severity
from preboard.model.findings import FindingKind, FindingSeverity
from tests.documents.helpers import flight, passport, person, visa


@pytest.fixture
def table(docs_fixtures: Path) -> VisaTable:
    return load_visa_table(docs_fixtures / "visa_requirements.csv", version="2026-11")


def test_table_rows_and_bad_rows_by_line(table: VisaTable) -> None:
    assert table.source == "visa_requirements@2026-11"
    assert set(table.rules) == {
        ("MEX", "USA"),
        ("COL", "USA"),
        ("DEU", "USA"),
        ("CAN", "USA"),
        ("GTM", "USA"),
    }
    assert [(p.segment, p.severity) for p in table.problems] == [
        (8, Severity.ERROR),  # unknown nationality
        (9, Severity.ERROR),  # unknown requirement
        (10, Severity.INFO),  # repeated, same requirement
        (11, Severity.ERROR),  # repeated, another requirement: the first row is kept
        (12, Severity.ERROR),  # two values
    ]
    rule = table.rule("COL", "USA")
    assert rule is not None and rule.requirement is Requirement.VISA and rule.line == 4


def test_a_wrong_header_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="nationality,destination,requirement,note"):
        read_visa_table(["from,to,needs\n"], "v.csv", version="x")


def test_the_example_table_covers_cancun_to_the_united_states() -> None:
    example = example_visa_table()
    assert example.problems == ()
    expected = {"MEX": "visa", "USA": "none", "CAN": "none", "GBR": "eta", "JPN": "eta"}
    expected |= {"COL": "visa", "CUB": "visa", "NGA": "visa", "PHL": "visa"}
    for nationality, requirement in expected.items():
        rule = example.rule(nationality, "USA")
        assert rule is not None and rule.requirement == requirement


def test_airports_of_the_main_routes() -> None:
    airports = default_airports()
    assert {airports[code] for code in ("CUN", "MEX", "GDL", "SJD", "PVR", "MTY")} == {"MEX"}
    assert {airports[code] for code in ("JFK", "ATL", "IAH", "MIA", "PBI", "RSW")} == {"USA"}
    assert airports["YYZ"] == "CAN"


def test_airports_table_reports_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "airports.csv"
    path.write_text("airport,country\nXXX,MEX\nLONGCODE,USA\nAAA,NOWHERE\n", encoding="utf-8")
    airports, problems = load_airports(path)
    assert airports == {"XXX": "MEX"}
    assert [p.segment for p in problems] == [3, 4]


def test_destination_is_the_last_legs_airport() -> None:
    airports = default_airports()
    two_legs = Flight("AM", "1", (Leg("CUN", "MEX"), Leg("MEX", "JFK")), prime=0)
    assert destination_country(two_legs, airports) == "USA"
    assert destination_country(flight("YUL"), airports) == "CAN"
    assert destination_country(flight("ZZZ"), airports) is None
    assert destination_country(None, airports) is None


def test_visa_required_and_missing_is_medium(table: VisaTable) -> None:
    [finding] = check_visa(person(passport()), destination="USA", table=table)
    assert finding.kind is FindingKind.DOCUMENT
    assert finding.code == "document.visa_missing"
    assert finding.severity is FindingSeverity.MEDIUM
    assert 0 < finding.score <= 1
    assert "Nationals of MEX need a visa for USA" in finding.explanation
    assert finding.source == "visa_requirements@2026-11"


def test_visa_present_gives_nothing(table: VisaTable) -> None:
    assert check_visa(person(passport(), visa()), destination="USA", table=table) == []
    no_country = visa(country=None)
    assert check_visa(person(passport(), no_country), destination="USA", table=table) == []


def test_a_visa_for_another_country_does_not_count(table: VisaTable) -> None:
    canadian = visa("70001234", "CAN")
    [finding] = check_visa(person(passport(), canadian), destination="USA", table=table)
    assert "visa •••••234 (CAN)" in finding.explanation


def test_alpha2_nationality_is_normalised(table: VisaTable) -> None:
    traveller = person(passport("X1"), nationality="CO")
    assert [f.code for f in check_visa(traveller, destination="USA", table=table)] == [
        "document.visa_missing"
    ]


def test_eta_none_and_pairs_not_in_the_table_give_nothing(table: VisaTable) -> None:
    for nationality in ("DEU", "CAN", "JPN"):
        traveller = person(passport(), nationality=nationality)
        assert check_visa(traveller, destination="USA", table=table) == []
    assert check_visa(person(passport()), destination="CAN", table=table) == []


def test_crew_are_exempt(table: VisaTable) -> None:
    crew = person(passport(), role=Role.CREW)
    assert check_visa(crew, destination="USA", table=table) == []


def test_unknown_nationality_gives_no_visa_finding(table: VisaTable) -> None:
    assert check_visa(person(nationality=None), destination="USA", table=table) == []


def test_unknown_destination_is_visible_when_the_table_covers_the_nationality(
    table: VisaTable,
) -> None:
    [finding] = check_visa(person(), destination=None, table=table)
    assert finding.kind is FindingKind.DATA
    assert finding.code == "data.unknown_destination"
    assert finding.severity is FindingSeverity.INFO
    assert check_visa(person(nationality="NZL"), destination=None, table=table) == []
