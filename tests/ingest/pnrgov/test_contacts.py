"""Contacts: OSI CTC lines, e-mail conventions, phones in free text and ADD."""

from __future__ import annotations

from preboard.ingest.pnrgov.contacts import ctc, normalise_email, phones_in
from tests.ingest.pnrgov.helpers import parse


def test_email_conventions() -> None:
    assert normalise_email("NAME..X//MAIL.COM") == "name_x@mail.com"
    assert normalise_email(" MOLLY..LOUUNT+50BB//GMAIL.COM") == "molly_louunt+50bb@gmail.com"
    assert normalise_email("JOE//EXAMPLE.COM/EN") == "joe@example.com"
    assert normalise_email("NOT AN EMAIL") is None


def test_ctc_variants() -> None:
    assert ctc("CTCM 123456789") == ("phone", ["123456789"])
    assert ctc("CTC M 123456789") == ("phone", ["123456789"])
    assert ctc("AM CTCH MEX01 81 8336 6900 H") == ("phone", ["018183366900"])
    assert ctc("CTCT SEA 866 746-4647 CARLSON WAGONLIT TVL") == ("phone", ["8667464647"])
    assert ctc("CTCM +52 998 555 0101") == ("phone", ["+529985550101"])
    assert ctc("CTCE A..B//C.COM") == ("email", ["a_b@c.com"])
    assert ctc("THIS PASSENGER IS A VIP") is None


def test_two_phones_in_one_address_field() -> None:
    assert phones_in("H5555555555 W 1 555 555 5555 ") == ["5555555555", "15555555555"]


def test_add_phone_and_released_characters() -> None:
    """GTAS pnrAddressPhoneCTCM: ``ADD++700:::::::EK CTC M 5432109876`` is a mobile phone, and
    ``LONT?+50BB`` is ``LONT+50BB`` once released."""
    m = parse(
        "SRC'RCI+AM:ABC123'ADD++702:1 CALLE UNO:CANCUN:::MX:77500:998 555 0199'"
        "ADD++700:::::::EK CTC M 5432109876'TIF+DOE+JANE:A:1'"
        "IFT+4:28::YY+CTCE JANE..DOE?+X//EXAMPLE.MX'"
    )
    c = m.bookings[0].contacts
    assert c.phones == ("9985550199", "5432109876")
    assert c.emails == ("jane_doe+x@example.mx",)
    assert c.addresses[0].text == "1 CALLE UNO, CANCUN, 77500" and c.addresses[0].country == "MEX"
