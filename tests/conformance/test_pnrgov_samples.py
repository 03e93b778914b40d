"""PNRGOV conformance on real samples written by others (../shared/samples, never copied here).

Every file gives at least one manifest with no ERROR problem, and each expectation GTAS's own
tests assert (samples/gtas/EXPECTED.md §A rows 1-13, the other-tests table, §B PnrUtilsTest)
holds where it fits our model. Where we differ from GTAS on purpose, the test says so and why.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.ingest.edifact import read_interchanges
from preboard.ingest.pnrgov import parse_pnrgov
from preboard.model import Manifest, Problem, Severity

pytestmark = pytest.mark.conformance

FOLDERS = ("pnrgov", "gtas/pnr-messages")


def _read(path: Path) -> tuple[list[Manifest], list[Problem]]:
    ics, problems = read_interchanges(path.read_bytes(), path.name)
    manifests = [parse_pnrgov(m) for ic in ics for m in ic.messages]
    problems += [p for ic in ics for p in ic.problems]
    problems += [p for m in manifests for p in m.problems]
    return manifests, problems


def _one(samples: Path, name: str) -> Manifest:
    manifests, _ = _read(samples / "gtas" / "pnr-messages" / name)
    return manifests[0]


def test_every_sample_parses_without_error(samples: Path) -> None:
    files = [f for folder in FOLDERS for f in sorted((samples / folder).iterdir())]
    files = [f for f in files if f.suffix in (".edi", ".txt")]
    assert len(files) >= 40
    for path in files:
        manifests, problems = _read(path)
        assert manifests, path.name
        errors = [p for p in problems if p.severity is Severity.ERROR]
        assert errors == [], path.name
        assert all(m.bookings for m in manifests), path.name


def test_bad_format_trailing_text_is_a_warning(samples: Path) -> None:
    manifests, problems = _read(samples / "gtas" / "pnr-messages" / "pnrBadFormat.txt")
    assert len(manifests[0].travellers) == 2
    assert any(p.severity is Severity.WARNING and "after UNZ" in p.message for p in problems)


def test_row1_origin_seat_and_bags(samples: Path) -> None:
    """Row 1, pnrMessageExample. The booking's first itinerary leg starts at WDH (not the
    pushed flight FRA-IAD). Seats: traveller 1 sits in 22C on the flight pushed.

    Bags differ from GTAS on purpose: GTAS reports 18, summing the 9 bags over the 2 legs that
    carry TBD. The same 9 bags are checked through both legs, so we count bags per leg and keep
    the most any leg carries per traveller: 9 bags for the PNR, 4 for traveller 5."""
    b = _one(samples, "pnrMessageExample.txt").bookings[0]
    assert b.itinerary[0].origin == "WDH"
    assert b.travellers[0].seat == "22C"
    assert b.bags == 9
    assert [t.bags for t in b.travellers] == [1, 1, 1, 2, 4]


def test_row2_rci_dates_and_references(samples: Path) -> None:
    """Row 2, pnrMessagePg77: reservation creation and date booked are the RCI time."""
    m = _one(samples, "pnrMessagePg77.txt")
    b = m.bookings[0]
    assert b.booked_at == dt.datetime(2013, 5, 23, 18, 13, 48)
    assert b.record_locator == "W9TEND" and m.travellers[0].reservation_ref == "W9TEND"
    assert m.travellers[0].ref == "43576"


def test_row3_date_booked_is_the_rci_date(samples: Path) -> None:
    """Row 3, pnrMessagePg76: booked 2013-02-15 (the RCI date), not the DAT 710 of a ticket."""
    b = _one(samples, "pnrMessagePg76.txt").bookings[0]
    assert b.booked_at is not None and b.booked_at.date() == dt.date(2013, 2, 15)


def test_row4_email_with_released_plus(samples: Path) -> None:
    """Row 4, pnrEdge. GTAS asserts ``" MOLLY_LOUUNT+50BB@GMAIL.COM"`` with a leading space and
    in upper case; we strip the space and lower-case e-mails so they compare across PNRs."""
    b = _one(samples, "pnrEdge.txt").bookings[0]
    assert b.contacts.emails == ("molly_louunt+50bb@gmail.com",)


@pytest.mark.parametrize(
    ("name", "phone"),
    [
        ("pnrPhoneCTC_M.txt", "123456789"),  # row 5: OSI CTC M
        ("pnrPhoneCTCM.txt", "123456789"),  # row 6: OSI CTCM
        ("pnrAddressPhoneCTCM.txt", "5432109876"),  # row 7: ADD …EK CTC M
    ],
)
def test_rows5_7_phones(samples: Path, name: str, phone: str) -> None:
    """The second phone of the PNR, as GTAS indexes it; the first is the ADD phone."""
    phones = _one(samples, name).bookings[0].contacts.phones
    assert phones[0] == "8675309" and phones[1] == phone


def test_row8_seat_formats(samples: Path) -> None:
    """Row 8, pnrSeatFormats: two seats for traveller 1; NSST ``074E`` is 74E."""
    m = _one(samples, "pnrSeatFormats.txt")
    assert m.bookings[0].seats == (("1", "36K"), ("1", "74E"))
    assert m.travellers[0].seat == "36K"


def test_row9_doco(samples: Path) -> None:
    """Row 9, pnrWithDoco: DOCS first, DOCO (visa) second. GTAS puts DOCO's place of issue
    ``OTHER PLACE`` in the issuing-country field; we keep it as ``issue_place`` and read the
    DOCO country (``LI``) as the issuing country, so country fields only hold countries."""
    t = _one(samples, "pnrWithDoco.txt").travellers[0]
    visa = t.documents[1]
    assert (visa.number, visa.type, visa.issue_place) == ("8675309", "V", "OTHER PLACE")
    assert visa.issuing_country == "LIE"
    assert visa.issue_date == dt.date(2006, 12, 22) and visa.expiry is None


def test_row10_bags_by_leg(samples: Path) -> None:
    """Row 10, pnrWithPrefixesAndBookingDetailBags: GTAS counts 4 bags (1 per traveller on each
    of 2 legs); we count the bags each traveller checked, 1 each, 2 for the PNR. The first bag
    is a UA tag checked through to KWI on a leg that is not the flight pushed."""
    b = _one(samples, "pnrWithPrefixesAndBookingDetailBags.txt").bookings[0]
    first = b.travellers[0]
    assert b.bags == 2 and first.bags == 1
    assert first.bag_tags[0].startswith("UA") and ("bags_to", "KWI") in first.extra


def test_row11_custom_separators_four_ift(samples: Path) -> None:
    """Row 11, danglingMetaCharacter (``UNA:-.? *``): the four IFT segments are all read: an
    e-mail, two phones (one with its ``-`` read back) and a remark with decimal points."""
    b = _one(samples, "danglingMetaCharacter.txt").bookings[0]
    assert b.contacts.emails == ("reuben_serio@gmail.com",)
    assert {"1234536789", "8667464647"} <= set(b.contacts.phones)
    assert b.remarks == ("AA 1A-IP ADDRESS OF THE BOOKING 987.654.321",)


def test_row12_ift_sponsor_text(samples: Path) -> None:
    """Row 12, pnrWithIFTSegment: the sponsor IFT ``ABRAHAM MIMPSON-3304  AVENUE`` is read as
    the payer and an address (GTAS keeps the raw segment via a regex; we read it)."""
    b = _one(samples, "pnrWithIFTSegment.txt").bookings[0]
    assert b.payments[0].payer == "ABRAHAM MIMPSON"
    assert any(a.text == "3304  AVENUE" for a in b.contacts.addresses)


def test_row13_bigbig_has_47_pnrs(samples: Path) -> None:
    m = _one(samples, "bigbigPnr.txt")
    assert len(m.bookings) == 47


def test_big_message_has_bags(samples: Path) -> None:
    m = _one(samples, "bigMessagePnr.txt")
    assert any(t.bags for t in m.travellers)


def test_no_msg_no_org(samples: Path) -> None:
    m = _one(samples, "pnrNoOrgMsg.txt")
    assert m.messages[0].function is None and m.bookings[0].record_locator == "7C789A"


def test_page75_is_read(samples: Path) -> None:
    """GTAS @Ignores this file; we read both PNRs and their travellers."""
    m = _one(samples, "pnrMessagePg75.txt")
    assert [t.surname for t in m.travellers] == ["PARK", "KIM"]


def test_codeshare_operating_flight(samples: Path) -> None:
    leg = _one(samples, "pnrWithPrefixesAndBookingDetailBags.txt").bookings[0].itinerary[1]
    assert (leg.carrier, leg.number, leg.operating_carrier, leg.operating_number) == (
        "UA",
        "8749",
        "LH",
        "624",
    )


def test_split_pnr(samples: Path) -> None:
    b = _one(samples, "pnr_split.edi").bookings[1]
    assert b.split_count == 1 and "split PNR AM:ZLMXXX" in b.remarks


def test_infants(samples: Path) -> None:
    m = _one(samples, "adult_and_infant.edi")
    adult, infant = m.travellers
    assert infant.role.value == "infant" and infant.documents[0].number == "AO234000"
    assert adult.documents[0].number == "52263000"


def test_pnr_utils_split_into_three(samples: Path) -> None:
    """§B PnrUtilsTest: three SRC groups MFN4TI1..3 under ``EQN+2``; the mismatch is INFO."""
    text = (
        "UNA:+.?*'\nUNB+IATA:1+DL++101209:2100+020A07'\nUNH+1+PNRGOV:10:1:IA+F6C2C268'\n"
        "MSG+:22'\nORG+DL:ATL+52519950'\nTVL+121210:0915+LHR+JFK+DL+324'\n"
        "EQN+2'SRC'RCI+DL:MFN4TI1'SRC'RCI+DL:MFN4TI2'SRC'RCI+DL:MFN4TI3'UNT+135+1'\n"
        "UNZ+1+020A07'"
    )
    ics, _ = read_interchanges(text.encode(), "inline")
    m = parse_pnrgov(ics[0].messages[0])
    assert [b.record_locator for b in m.bookings] == ["MFN4TI1", "MFN4TI2", "MFN4TI3"]
    assert any(p.tag == "EQN" and p.severity is Severity.INFO for p in m.problems)


def test_multiple_flight_leg_prime_flight(samples: Path) -> None:
    """GTAS's PnrMessageServiceIT loads this file with the prime flight key
    [FRA, IAD, UA, 0988, …]: our pushed flight (TVL at level 0) is UA 988 FRA→IAD. GTAS pads
    the number to four digits; we keep it as sent."""
    manifest = _one(samples, "multiple_flight_leg_pnr.txt")
    flight = manifest.flight
    assert flight is not None
    assert (flight.carrier, flight.number.lstrip("0") if flight.number else None) == ("UA", "988")
    assert (flight.origin, flight.destination) == ("FRA", "IAD")
    assert len(manifest.bookings[0].itinerary) >= 2


@pytest.mark.parametrize(("name", "pnrs"), [("2_pnrs_basic.edi", 2), ("3_pnrs.edi", 3)])
def test_smoke_loaded_files_give_their_pnrs(samples: Path, name: str, pnrs: int) -> None:
    """GTAS only smoke-loads these; the SRC counts come from SOURCES.md."""
    assert len(_one(samples, name).bookings) == pnrs
