"""MRZ check digits as findings, on the ICAO Doc 9303 specimen (public specimen data)."""

from __future__ import annotations

from preboard.documents import check_mrz, check_traveller
from preboard.ingest.mrz import check_digit, parse_mrz
from preboard.model.findings import FindingKind, FindingSeverity
from tests.documents.helpers import TODAY

LINE1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
LINE2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def test_a_valid_mrz_gives_no_finding() -> None:
    assert check_mrz(parse_mrz([LINE1, LINE2], reference=TODAY)) == []


def test_a_wrong_document_number_digit_is_medium_and_named() -> None:
    bad = LINE2[:9] + "7" + LINE2[10:]  # the document number's check digit 6 becomes 7
    [finding] = check_mrz(parse_mrz([LINE1, bad], reference=TODAY))
    assert finding.kind is FindingKind.DOCUMENT
    assert finding.code == "document.mrz_invalid"
    assert finding.severity is FindingSeverity.MEDIUM
    assert "document number (printed 7, computed 6)" in finding.explanation
    assert "composite" in finding.explanation  # the composite covers the number's digit
    assert "L898902C3" not in finding.explanation
    assert ("invalid", "document_number,composite") in finding.detail
    assert ("format", "TD3") in finding.detail


def test_only_the_personal_number_digit_wrong_is_low() -> None:
    # Personal number digit 1 -> 2 and the composite re-computed so only one digit is wrong.
    body = LINE2[:42] + "2"
    composite = check_digit(body[0:10] + body[13:20] + body[21:43])
    [finding] = check_mrz(parse_mrz([LINE1, body + composite], reference=TODAY))
    assert finding.severity is FindingSeverity.LOW
    assert ("invalid", "personal_number") in finding.detail


def test_the_holder_of_an_mrz_goes_through_the_other_checks() -> None:
    # The specimen expired on 2012-04-15: check_traveller on the MRZ's traveller says so.
    traveller = parse_mrz([LINE1, LINE2], reference=TODAY).to_traveller(TODAY)
    codes = [f.code for f in check_traveller(traveller, flight=None, on=TODAY)]
    assert "document.expired" in codes


def test_a_traveller_read_from_an_mrz_with_a_wrong_digit_gets_the_finding_in_screening() -> None:
    """The ICAO 9303 specimen (a fictitious holder) with its document number's check digit
    changed from 6 to 5: the reader keeps the failure on the holder, and ``check_traveller``
    raises ``document.mrz_invalid``; the correct zone raises nothing."""
    import datetime as dt

    from preboard.documents import check_traveller
    from preboard.ingest.reader import read_inputs

    good = (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10\n"
    )
    bad = good.replace("L898902C36", "L898902C35")
    on = dt.date(2010, 6, 1)
    found = {}
    for name, text in (("good", good), ("bad", bad)):
        (manifest,) = read_inputs([(f"{name}.mrz", text.encode())]).manifests
        (holder,) = manifest.travellers
        found[name] = [f.code for f in check_traveller(holder, flight=None, on=on)]
    assert "document.mrz_invalid" in found["bad"]
    assert "document.mrz_invalid" not in found["good"]
