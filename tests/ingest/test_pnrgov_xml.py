"""PNRGOV XML on our own fixtures (written from the public description: no licensed sample)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.ingest.options import ReadOptions, fingerprint
from preboard.ingest.pnrgov_xml import parse_pnrgov_xml
from preboard.model import Manifest, PartialDate, PaymentMethod, Role, Severity, Sex, SourceKind

EXAMPLE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "preboard"
    / "examples"
    / "pnrgov_xml_AA1407_CUN_MIA.xml"
)


def _one(path: Path, options: ReadOptions | None = None) -> Manifest:
    manifests, problems = parse_pnrgov_xml(path.read_bytes(), path.name, options or ReadOptions())
    assert problems == []
    assert len(manifests) == 1
    return manifests[0]


def test_example_flight_and_message() -> None:
    manifest = _one(EXAMPLE)
    assert manifest.source is SourceKind.PNRGOV_XML
    assert manifest.flight is not None
    assert manifest.flight.designator == "AA1407"
    assert (manifest.flight.origin, manifest.flight.destination) == ("CUN", "MIA")
    assert manifest.flight.departure == dt.datetime(2026, 11, 28, 13, 5)
    (message,) = manifest.messages
    assert (message.reference, message.version, message.sender) == (
        "AA1407-20261128-24H",
        "13.1",
        "AA",
    )
    assert manifest.reported_count == 3
    assert [b.record_locator for b in manifest.bookings] == ["QWE7RT", "ZX9KLM", "HJ4P2N"]
    assert len(manifest.travellers) == 7


def test_example_family_booking() -> None:
    family = _one(EXAMPLE).bookings[0]
    assert family.booked_at == dt.datetime(2026, 9, 14, 18, 22)
    assert family.ticketed_at == dt.datetime(2026, 9, 14, 18, 30)
    assert family.last_modified_at == dt.datetime(2026, 11, 20, 8, 15)
    assert (family.agency, family.agency_country, family.carrier) == ("AA.COM", "USA", "AA")
    assert family.contacts.phones == ("+13055550147",)
    assert family.contacts.emails == ("maria.gonzalez-ortiz@example.com",)
    assert {a.country for a in family.contacts.addresses} == {"USA"}
    assert family.bags == 3
    assert family.seats == (("1", "21A"), ("2", "21B"), ("3", "21C"))
    assert family.frequent_flyer == ("AA 7XK2291",)
    assert [t.number for t in family.tickets] == ["0012345678901", "0012345678902"]
    roles = [t.role for t in family.travellers]
    assert roles == [Role.PASSENGER, Role.PASSENGER, Role.PASSENGER, Role.INFANT]
    assert {t.reservation_ref for t in family.travellers} == {"QWE7RT"}


def test_card_is_kept_as_fingerprint_and_last_four_only() -> None:
    key = b"test-key"
    manifest = _one(EXAMPLE, ReadOptions(fingerprint_key=key))
    (payment,) = manifest.bookings[0].payments  # the same card on two tickets is one payment
    assert payment.method is PaymentMethod.CARD
    assert payment.card_fingerprint == fingerprint("4111111111111111", key)
    assert payment.card_last4 == "1111"
    assert (payment.card_vendor, payment.amount, payment.currency) == ("VI", "1650.40", "USD")
    assert "4111111111111111" not in repr(manifest)


def test_docs_from_attributes_and_from_free_text() -> None:
    family = _one(EXAMPLE).bookings[0]
    mother, father = family.travellers[:2]
    assert mother.birth_date == PartialDate(1984, 3, 2)
    assert mother.sex is Sex.FEMALE
    assert mother.residence_country == "USA"
    assert mother.documents[0].expiry == dt.date(2031, 6, 30)
    assert father.birth_date == PartialDate(1981, 11, 11)
    assert father.nationality == "MEX"
    assert (father.documents[0].type, father.documents[0].issuing_country) == ("P", "MEX")
    assert father.documents[0].expiry == dt.date(2033, 2, 4)


def test_cash_booking_by_agency_with_doco_visa() -> None:
    booking = _one(EXAMPLE).bookings[1]
    assert booking.payments[0].method is PaymentMethod.CASH
    assert booking.payments[0].card_fingerprint is None
    assert (booking.agency, booking.agency_country) == ("86512345", "MEX")
    traveller = booking.travellers[0]
    assert (traveller.title, traveller.given_names, traveller.surname) == (
        "MR",
        "Oluwaseun",
        "Adeyemi",
    )
    assert traveller.birth_place == "LAGOS"
    visa = traveller.documents[1]
    assert (visa.type, visa.issuing_country, visa.issue_date) == ("V", "USA", dt.date(2025, 2, 10))


def test_return_itinerary_and_unread_elements() -> None:
    manifest = _one(EXAMPLE)
    itinerary = manifest.bookings[2].itinerary
    assert [(s.carrier, s.number, s.origin, s.destination) for s in itinerary] == [
        ("AA", "1407", "CUN", "MIA"),
        ("AA", "1408", "MIA", "CUN"),
    ]
    assert [u.tag for u in manifest.unread] == ["FareInfo", "FareInfo"]
    assert manifest.unread[0].text == "PNRs/PNR/Passenger/FareInfo"
    infos = [p for p in manifest.problems if p.severity is Severity.INFO]
    assert [p.message for p in infos] == ["2 elements not read: FareInfo ×2"]
    assert manifest.bookings[2].travellers[1].documents[0].issuing_country == "DEU"


def test_name_variants_without_namespace(fixtures: Path) -> None:
    manifest = _one(fixtures / "pnrgov_xml" / "variants_no_namespace.xml")
    assert manifest.flight is not None
    assert (manifest.flight.designator, manifest.flight.origin) == ("UA989", "CUN")
    assert manifest.flight.departure == dt.datetime(2026, 11, 28, 7, 30)  # local time kept
    booking = manifest.bookings[0]
    traveller = booking.travellers[0]
    assert (traveller.surname, traveller.given_names) == ("NGUYEN", "VAN AN")
    assert traveller.birth_date == PartialDate(1988, 6, 5)
    assert traveller.documents[0].expiry == dt.date(2028, 6, 4)
    assert (traveller.bags, traveller.bag_tags, traveller.seat) == (1, ("0016123456",), "14C")
    assert booking.contacts.phones == ("+842855550100",)
    assert booking.contacts.emails == ("nguyen_an@mail.example",)
    assert booking.contacts.addresses[0].country == "VNM"
    assert booking.payments[0].card_last4 == "4444"
    assert booking.payments[0].payer == "NGUYEN VAN AN"
    assert booking.itinerary[0].operating_carrier == "UA"
    assert booking.remarks == ("PAX REQUESTED AISLE",)
    assert [u.tag for u in manifest.unread] == ["Upgrade", "Meal"]
    assert any("'ZZZ'" in p.message for p in manifest.problems)


def test_problems_are_reported_and_reading_goes_on(fixtures: Path) -> None:
    manifest = _one(fixtures / "pnrgov_xml" / "problems_other_namespace.xml")
    messages = {p.message: p for p in manifest.problems}
    assert "PNR without a BookingRefID ID (record locator)" in messages
    assert "passenger without a surname" in messages
    assert "DOCS birth date is not a date (YYYY-MM-DD or DDMMMYY)" in messages
    assert "DepartureDateTime 'tomorrow' is not an ISO 8601 date" in messages
    assert messages["NumberOfPnrs says 5, the message holds 1 PNRs"].severity is Severity.INFO
    (traveller,) = manifest.travellers
    assert traveller.surname == "Παπαδοπούλου"
    assert traveller.birth_date is None
    assert manifest.flight is not None and manifest.flight.designator == "AM0412"


def test_malformed_xml_gives_an_error_with_line_and_column(fixtures: Path) -> None:
    path = fixtures / "pnrgov_xml" / "malformed.xml"
    manifests, problems = parse_pnrgov_xml(path.read_bytes(), path.name)
    assert manifests == []
    (problem,) = problems
    assert problem.severity is Severity.ERROR
    assert problem.message == "not well-formed XML at line 11, column 6: mismatched tag"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (
            b'<!DOCTYPE x [<!ENTITY a "b">]><IATA_PNRGOV_NotifRQ>&a;</IATA_PNRGOV_NotifRQ>',
            "refused",
        ),
        (b"<Other><Thing/></Other>", "root element <Other> is not IATA_PNRGOV_NotifRQ"),
        (b"", "not well-formed XML at line 1, column 0"),
    ],
)
def test_refused_or_foreign_xml(data: bytes, needle: str) -> None:
    manifests, problems = parse_pnrgov_xml(data, "x.xml")
    assert manifests == []
    assert needle in problems[0].message
    assert problems[0].severity is Severity.ERROR


def test_no_flight_leg_is_a_warning() -> None:
    data = (
        b"<IATA_PNRGOV_NotifRQ><PNRs><PNR><BookingRefID ID='A1B2C3'/></PNR></PNRs>"
        b"</IATA_PNRGOV_NotifRQ>"
    )
    manifests, _ = parse_pnrgov_xml(data, "x.xml")
    assert manifests[0].flight is None
    assert manifests[0].problems[0].message == "no FlightLeg: the push does not say which flight"


def test_fuzz_unknown_encoding_in_the_declaration_is_a_problem() -> None:
    """Found by atheris: ``encoding="UTF-8fff…"`` made expat raise LookupError."""
    data = b'<?xml version="1.0" encoding="UTF-8ffff"?><IATA_PNRGOV_NotifRQ/>'
    manifests, problems = parse_pnrgov_xml(data, "bad.xml")
    assert manifests == []
    assert problems[0].severity == Severity.ERROR
    assert "not readable" in problems[0].message
