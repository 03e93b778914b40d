"""Missing documents and missing key data, shown as findings so nothing goes unchecked
silently."""

from __future__ import annotations

from preboard.documents import check_document_present, missing_data_findings
from preboard.model import TravelDocument
from preboard.model.findings import FindingKind, FindingSeverity
from tests.documents.helpers import passport, person, visa


def test_a_complete_traveller_has_nothing_missing() -> None:
    assert missing_data_findings(person()) == []
    assert check_document_present(person()) == []


def test_no_document_is_a_low_document_finding() -> None:
    nobody = person(TravelDocument("P", None, "MEX"))
    [finding] = check_document_present(nobody)
    assert (finding.kind, finding.code) == (FindingKind.DOCUMENT, "document.missing")
    assert finding.severity is FindingSeverity.LOW


def test_a_visa_alone_is_no_travel_document() -> None:
    assert [f.code for f in check_document_present(person(visa()))] == ["document.missing"]


def test_each_missing_field_is_an_info_data_finding() -> None:
    traveller = person(TravelDocument("V", "1", "USA"), birth=None, nationality=None)
    findings = missing_data_findings(traveller)
    assert [f.code for f in findings] == [
        "data.missing_document",
        "data.missing_birth_date",
        "data.missing_nationality",
    ]
    assert {(f.kind, f.severity) for f in findings} == {(FindingKind.DATA, FindingSeverity.INFO)}


def test_missing_document_can_be_left_to_check_document_present() -> None:
    traveller = person(TravelDocument("P", None))
    assert missing_data_findings(traveller, document=False) == []


def test_a_document_without_expiry_is_named_masked() -> None:
    [finding] = missing_data_findings(person(passport(expiry=None)))
    assert finding.code == "data.missing_document_expiry"
    assert "••••••357" in finding.explanation and "G24681357" not in finding.explanation
