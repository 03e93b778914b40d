"""SSR free text: DOCS (with the shifted-field repair), DOCO, INFT, TKNE, seats."""

from __future__ import annotations

import datetime as dt

from preboard.ingest.pnrgov.ssr import (
    parse_doco,
    parse_docs,
    parse_inft,
    seat_number,
    ticket_number,
)
from preboard.model import Severity, Sex
from tests.ingest.pnrgov.helpers import parse

REF = dt.date(2026, 11, 28)


def test_docs_fields_and_two_digit_years() -> None:
    """Birth dates lie in the past, expiry dates around the reference date."""
    d = parse_docs("/P/GBR/123456789/GBR/12JUL64/M/23AUG29/SMITH/JOHN/ROBERT", REF)
    assert d is not None
    assert (d.document.type, d.document.number) == ("P", "123456789")
    assert (d.document.issuing_country, d.document.nationality) == ("GBR", "GBR")
    assert d.birth_date == dt.date(1964, 7, 12)
    assert d.document.expiry == dt.date(2029, 8, 23)
    assert (d.sex, d.infant, d.given, d.shift) == (Sex.MALE, False, "JOHN ROBERT", 0)


def test_docs_infant_gender() -> None:
    d = parse_docs("/P/COL/AO234000/COL/10AUG25/FI/21DEC30/DOE/BABY", REF)
    assert d is not None and d.infant and d.sex is Sex.FEMALE
    assert d.birth_date == dt.date(2025, 8, 10)


def test_docs_with_a_missing_field_is_realigned_with_a_warning() -> None:
    """The nationality was left out with its slash: everything after it moved one slot left."""
    m = parse(
        "SRC'RCI+AM:ABC123'TIF+DOE+JANE:A:1'"
        "SSR+DOCS:HK:1:AM:::::/P/MEX/G00000009/03FEB90/F/03FEB30/DOE/JANE+::1'"
    )
    (t,) = m.travellers
    assert str(t.birth_date) == "1990-02-03" and t.sex is Sex.FEMALE
    assert t.documents[0].expiry == dt.date(2030, 2, 3)
    warning = [p for p in m.problems if p.tag == "SSR"]
    assert warning and warning[0].severity is Severity.WARNING
    assert "G00000009" not in warning[0].message  # no document numbers in problems


def test_docs_with_an_extra_field_is_realigned() -> None:
    d = parse_docs("//P/MEX/G00000009/MEX/03FEB90/F/03FEB30/DOE/JANE", REF)
    assert d is not None and d.shift == -1
    assert (d.document.type, d.document.nationality) == ("P", "MEX")


def test_docs_with_only_a_birth_date() -> None:
    d = parse_docs("/////05FEB53/F//DORON/NINA", REF)
    assert d is not None and d.document.number is None and d.birth_date == dt.date(1953, 2, 5)


def test_doco_keeps_the_place_of_issue_as_a_place() -> None:
    """GTAS stores DOCO's place of issue (``OTHER PLACE``) as the issuing *country*; we keep
    it as ``issue_place`` and the DOCO country (the state the visa is for) as the country."""
    d = parse_doco(" HERE VA/V/8675309/OTHER PLACE/22DEC06/LI", REF)
    assert d is not None
    doc = d.document
    assert (doc.type, doc.number, doc.issue_place) == ("V", "8675309", "OTHER PLACE")
    assert doc.issuing_country == "LIE" and doc.issue_date == dt.date(2006, 12, 22)
    assert doc.expiry is None and d.birth_place == "HERE VA"


def test_inft_both_layouts() -> None:
    a = parse_inft("TESTSURNAMETWO/TESTNAMETWO/10AUG25", REF)
    b = parse_inft("DYE/ARCHER 15APR25", REF)
    assert a is not None and (a.surname, a.given, a.birth_date) == (
        "TESTSURNAMETWO",
        "TESTNAMETWO",
        dt.date(2025, 8, 10),
    )
    assert b is not None and (b.surname, b.given) == ("DYE", "ARCHER")


def test_ticket_numbers() -> None:
    assert ticket_number("1393207166000C1") == ("1393207166000", False)
    assert ticket_number(".1393534576000C2") == ("1393534576000", False)
    assert ticket_number("INF9631270001236C2") == ("9631270001236", True)
    assert ticket_number("TKT NBR 0.291204 20FEB20 E X") == ("0.291204", False)


def test_seat_numbers() -> None:
    """GTAS pnrSeatFormats: ``074E`` is seat 74E; ``XXX`` is no seat."""
    assert seat_number("074E") == "74E"
    assert seat_number("XXX") is None
