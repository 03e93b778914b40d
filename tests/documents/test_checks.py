"""check_traveller: every per-traveller check through one entry point and its configuration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.documents import DocumentChecks, check_traveller, example_visa_table
from preboard.documents.lost_stolen import load_lost_stolen
from preboard.errors import ConfigurationError
from preboard.model import Role, TravelDocument
from preboard.model.findings import Finding, FindingSeverity
from tests.documents.helpers import TODAY, booking, flight, passport, person, visa


@pytest.fixture
def checks(docs_fixtures: Path) -> DocumentChecks:
    return DocumentChecks(
        lost_stolen=load_lost_stolen(docs_fixtures / "lost_stolen.csv"),
        visa=example_visa_table(),
    )


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_a_traveller_in_order_has_no_findings(checks: DocumentChecks) -> None:
    traveller = person(passport(), visa())
    assert check_traveller(traveller, flight=flight(), checks=checks, on=TODAY) == []


def test_every_problem_of_one_traveller_is_reported(checks: DocumentChecks) -> None:
    stolen_and_expired = passport("G1020-3040", expiry=dt.date(2026, 1, 31))
    traveller = person(stolen_and_expired, birth=None)
    found = check_traveller(traveller, flight=flight("JFK"), checks=checks, on=TODAY)
    assert codes(found) == [
        "document.lost_stolen",
        "document.expired",
        "document.visa_missing",
        "data.missing_birth_date",
    ]
    assert found[0].severity is FindingSeverity.CRITICAL


def test_the_booking_sets_the_end_of_the_journey(checks: DocumentChecks) -> None:
    traveller = person(passport(expiry=dt.date(2026, 12, 5)), visa())
    trip = booking("KXTR4P", back=dt.datetime(2026, 12, 12, 15, 35))
    with_booking = check_traveller(
        traveller, flight=flight(), booking=trip, checks=checks, on=TODAY
    )
    assert codes(with_booking) == ["document.expires_during_trip"]
    assert check_traveller(traveller, flight=flight(), checks=checks, on=TODAY) == []


def test_recently_issued_uses_the_configured_threshold() -> None:
    traveller = person(passport(issued=dt.date(2026, 10, 20)), visa())
    assert codes(check_traveller(traveller, flight=flight(), on=TODAY)) == []
    config = DocumentChecks(recent_issue_days=60)
    found = check_traveller(traveller, flight=flight(), checks=config, on=TODAY)
    assert codes(found) == ["document.recently_issued"]


def test_without_a_visa_table_no_visa_is_checked() -> None:
    assert check_traveller(person(), flight=flight(), on=TODAY) == []


def test_crew_skip_the_visa_check_only(checks: DocumentChecks) -> None:
    crew = person(passport(expiry=dt.date(2026, 1, 1)), role=Role.CREW)
    assert codes(check_traveller(crew, flight=flight(), checks=checks, on=TODAY)) == [
        "document.expired"
    ]


def test_a_traveller_without_anything_shows_what_was_not_checked(checks: DocumentChecks) -> None:
    bare = person(TravelDocument(None, None), birth=None, nationality=None)
    assert codes(check_traveller(bare, flight=flight(), checks=checks, on=TODAY)) == [
        "document.missing",
        "data.missing_birth_date",
        "data.missing_nationality",
    ]


def test_a_negative_threshold_is_refused() -> None:
    with pytest.raises(ConfigurationError):
        DocumentChecks(recent_issue_days=-1)
