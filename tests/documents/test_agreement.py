"""Disagreements between an API traveller and their booking entry."""

from __future__ import annotations

import datetime as dt

from preboard.documents import LinkMethod
from preboard.documents.agreement import Pair, birth_dates_agree, disagreements, names_agree
from preboard.model import PartialDate, TravelDocument, Traveller
from preboard.model.findings import FindingSeverity
from tests.documents.helpers import passport, person


def fields(api: Traveller, booked: Traveller) -> list[str]:
    pair = Pair(api, booked, "KXTR4P", LinkMethod.LOCATOR_AND_REF)
    return [dict(f.detail)["field"] for f in disagreements(pair)]


def test_the_same_person_written_alike_agrees() -> None:
    assert fields(person(), person()) == []


def test_names_agree_beyond_case_diacritics_spaces_and_order() -> None:
    a = person(surname="Hernández López", given="Juan Carlos")
    assert names_agree(a, person(surname="HERNANDEZLOPEZ", given="JUAN CARLOS"))
    assert names_agree(a, person(surname="HERNANDEZ", given="LOPEZ JUAN CARLOS"))
    assert names_agree(person(surname="O'CONNOR"), person(surname="OCONNOR"))
    assert not names_agree(a, person(surname="HERNANDEZ LOPEZ", given="JUAN"))


def test_partial_birth_dates_agree_on_what_both_know() -> None:
    assert birth_dates_agree(PartialDate(1978), PartialDate(1978, 4, 12))
    assert birth_dates_agree(None, PartialDate(1978, 4, 12))
    assert not birth_dates_agree(PartialDate(1978, 12, 4), PartialDate(1978, 4, 12))


def test_each_disagreement_is_a_finding_with_its_field() -> None:
    api = person(birth=PartialDate(1978, 4, 12), nationality="MEX", given="JUAN CARLOS")
    booked = person(birth=PartialDate(1978, 12, 4), nationality="GTM", given="JUAN PABLO")
    assert fields(api, booked) == ["birth_date", "nationality", "name"]


def test_document_number_differs_masked_with_a_hint_when_tails_match() -> None:
    api, booked = person(passport("G24681357")), person(passport("G24981357"))
    [finding] = disagreements(Pair(api, booked, "KXTR4P", LinkMethod.LOCATOR_AND_REF))
    assert finding.code == "document.api_pnr_mismatch"
    assert finding.severity is FindingSeverity.MEDIUM
    assert "G24681357" not in finding.explanation and "G24981357" not in finding.explanation
    assert "they differ earlier" in finding.explanation
    assert ("link", "record_locator+traveller_ref") in finding.detail


def test_documents_are_compared_by_type_only() -> None:
    api = person(passport("G24681357"), TravelDocument("V", "61234567", "USA"))
    booked = person(passport("G24681357"))  # no visa in the PNR: nothing to compare
    assert disagreements(Pair(api, booked, "KXTR4P", LinkMethod.LOCATOR_ONLY)) == []


def test_another_expiry_of_the_same_document_is_info() -> None:
    api = person(passport(expiry=dt.date(2028, 4, 11)))
    booked = person(passport(expiry=dt.date(2034, 3, 11)))
    [finding] = disagreements(Pair(api, booked, "N8WFRC", LinkMethod.LOCATOR_AND_NAME))
    assert finding.severity is FindingSeverity.INFO
    assert dict(finding.detail)["field"] == "document_expiry"


def test_the_score_is_the_confidence_of_the_link() -> None:
    api, booked = person(nationality="MEX"), person(nationality="GTM")
    [weak] = disagreements(Pair(api, booked, "X", LinkMethod.NAME_BIRTH))
    [strong] = disagreements(Pair(api, booked, "X", LinkMethod.LOCATOR_AND_REF))
    assert weak.score < strong.score == 1.0
