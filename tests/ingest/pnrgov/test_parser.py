"""The PNRGOV walk: level 0, SRC groups, travellers, itinerary, check-in, splits, history."""

from __future__ import annotations

import datetime as dt

from preboard.model import Role, Severity, SourceKind
from tests.ingest.pnrgov.helpers import parse

# One family PNR: two adults and an infant named only in SSR INFT, paid by card through an
# agency, round trip CUN-ATL-CUN, seats and bags checked on the flight pushed.
FAMILY = (
    "SRC'RCI+AM:QX7P2L::021126:154510'DAT+700:271126:0812+710:031126:1002'"
    "ORG+1A:MEX+86512345:CUNAG0101++++MX'"
    "IFT+4:28::AM+CTCE ANA..RUIZ//EXAMPLE.MX'IFT+4:28::AM+CTCM 52 998 555 0101'"
    "TIF+RUIZ SOTO+ANA MRS:A:1'FTI+AM:00123456'"
    "SSR+DOCS:HK:1:AM:::::/P/MEX/G00000001/MEX/12MAR88/F/01JAN31/RUIZ SOTO/ANA+::1'"
    "SSR+INFT:HK:1:AM:::::RUIZ/LUCIA/05JUN26+::1'"
    "SSR+DOCS:HK:1:AM:::::/P/MEX/G00000003/MEX/05JUN26/FI/05JUN29/RUIZ/LUCIA+::1'"
    "TKT+1392100000001:T:1'MON+T:8450.00:MXN'DAT+710:031126:1002'"
    "FOP+CC::16900.00:VI:4111111111111111:0829'"
    "TIF+PEREZ+JORGEMR:A:2'"
    "SSR+DOCS:HK:1:AM:::::/P/MEX/G00000002/MEX/30SEP85/M/15JUL30/PEREZ/JORGE+::2'"
    "TVL+281126:1005:281126:1425+CUN+ATL+AM+0402:Y'RPI+2+HK'APD+738'"
    "SSR+SEAT:HK:2:AM:::CUN:ATL+14A::1+14B::2'"
    "DAT+2:281126:0805'TRI++1:::1'TIF+RUIZ SOTO+ANA MRS:A:1'SSD+014A++++Y'"
    "TBD++2:40:700+++AM:123456::ATL'"
    "TVL+051226:1530:051226:1800+ATL+CUN+AM+0403:Y'RPI+2+HK'"
    "DAT+2:051226:1400'TRI++1:::1'TIF+RUIZ SOTO+ANA MRS:A:1'TBD++2:40:700+++AM:123999::CUN'"
)


def test_level_0_gives_the_flight_and_the_message_function() -> None:
    m = parse(FAMILY)
    assert m.source is SourceKind.PNRGOV
    assert m.flight is not None and m.flight.designator == "AM0402"
    assert (m.flight.origin, m.flight.destination) == ("CUN", "ATL")
    assert m.flight.departure == dt.datetime(2026, 11, 28, 10, 5)
    assert m.messages[0].function == "22"
    assert m.messages[0].version == "13:1"


def test_one_booking_with_its_dates_agency_and_contacts() -> None:
    (b,) = parse(FAMILY).bookings
    assert b.record_locator == "QX7P2L"
    assert b.booked_at == dt.datetime(2026, 11, 2, 15, 45, 10)
    assert b.ticketed_at == dt.datetime(2026, 11, 3, 10, 2)
    assert b.last_modified_at == dt.datetime(2026, 11, 27, 8, 12)
    assert b.agency == "1A 86512345 CUNAG0101"
    assert b.agency_country == "MEX"
    assert b.contacts.emails == ("ana_ruiz@example.mx",)
    assert b.contacts.phones == ("529985550101",)


def test_travellers_titles_refs_and_the_infant_from_ssr_inft() -> None:
    m = parse(FAMILY)
    ana, jorge, lucia = m.travellers
    assert (ana.surname, ana.given_names, ana.title) == ("RUIZ SOTO", "ANA", "MRS")
    assert (jorge.given_names, jorge.title) == ("JORGE", "MR")
    assert lucia.role is Role.INFANT and lucia.birth_date is not None
    assert str(lucia.birth_date) == "2026-06-05"
    assert lucia.documents[0].number == "G00000003"
    assert ana.documents[0].number == "G00000001"  # the infant's DOCS moved off the adult
    assert {t.reservation_ref for t in m.travellers} == {"QX7P2L"}
    assert (ana.ref, jorge.ref) == ("1", "2")


def test_seats_bags_and_embarkation_on_the_flight_pushed() -> None:
    """Bags are counted per leg and the traveller carries the most checked on any leg: the
    2 bags checked CUN-ATL and the 2 checked back ATL-CUN are not 4 bags."""
    (b,) = parse(FAMILY).bookings
    ana, jorge, _ = b.travellers
    assert (ana.seat, jorge.seat) == ("14A", "14B")  # SSD 014A wins, leading zero dropped
    assert ana.bags == 2 and b.bags == 2
    assert ana.bag_tags == ("AM123456", "AM123999")
    assert (ana.embarkation, ana.debarkation) == ("CUN", "ATL")
    assert [(s.origin, s.destination, s.status) for s in b.itinerary] == [
        ("CUN", "ATL", "HK"),
        ("ATL", "CUN", "HK"),
    ]


def test_card_is_fingerprinted_and_never_kept() -> None:
    m = parse(FAMILY)
    (pay,) = m.bookings[0].payments
    assert (pay.card_vendor, pay.card_last4, pay.card_expiry) == ("VI", "1111", "0829")
    assert pay.card_fingerprint and "4111111111111111" not in repr(m)


def test_several_pnrs_and_an_eqn_that_disagrees() -> None:
    """EXPECTED.md §B PnrUtilsTest: ``EQN+2`` before three SRC groups; all three are read."""
    m = parse("SRC'RCI+DL:MFN4TI1'SRC'RCI+DL:MFN4TI2'SRC'RCI+DL:MFN4TI3'", count=2)
    assert [b.record_locator for b in m.bookings] == ["MFN4TI1", "MFN4TI2", "MFN4TI3"]
    eqn = [p for p in m.problems if p.tag == "EQN"]
    assert eqn and eqn[0].severity is Severity.INFO and "3 SRC" in eqn[0].message


def test_unknown_version_is_info_and_still_read() -> None:
    m = parse("SRC'RCI+AM:ABC123'TIF+DOE+JANE:A:1'", version="19:1")
    assert m.travellers[0].surname == "DOE"
    assert any(p.severity is Severity.INFO and "19:1" in p.message for p in m.problems)


def test_history_and_non_air_groups_are_kept_unread_and_not_itinerary() -> None:
    body = (
        "SRC'RCI+AM:ABC123'TIF+DOE+JANE:A:1'TVL+281126:1005::1425+CUN+ATL+AM+0402:Y'"
        "EQN+1'RCI+AM:ZZZ999'MSG+8'TVL+281126:1500:301126+ATL:HOTEL++XX+1:ROH'"
        "ABI+1+:MEXRR+MEX++AM'DAT+ZT:011126:1010'SAC+++X'"
        "TVL+011126:1005::1425+CUN+MIA+AM+0400:Y'FOP+CC:::VI:4111111111111111:0829'"
    )
    (b,) = parse(body).bookings
    assert len(b.itinerary) == 1 and b.split_count == 1
    assert "split PNR AM:ZZZ999" in b.remarks
    m = parse(body)
    assert [u.tag for u in m.unread] == ["MSG", "TVL", "ABI", "DAT", "SAC", "TVL", "FOP"]
    assert "4111111111111111" not in m.unread[-1].text and "1111" in m.unread[-1].text


def test_meal_and_health_ssrs_are_not_kept() -> None:
    """Special meals and wheelchairs reveal religion or health: counted, never stored."""
    m = parse("SRC'RCI+AM:ABC123'TIF+DOE+JANE:A:1'SSR+KSML:HK:1:AM'SSR+WCHR:HK:1:AM'")
    assert "KSML" not in repr(m.bookings) and "WCHR" not in repr(m.unread)
    assert any("2 SSRs on meals" in p.message for p in m.problems)


def test_lost_terminator_before_tif_is_repaired() -> None:
    """GTAS pnrMessagePg75: ``ORG+…+9TIF+KIM:I+…`` hides a traveller inside ORG."""
    m = parse("SRC'RCI+1A:ABC123'ORG+1A:MUC+12345678:X++++SG+HJGS+9TIF+KIM:I+KONG CHUN MRS:A:3'")
    assert [(t.surname, t.given_names, t.title) for t in m.travellers] == [
        ("KIM", "KONG CHUN", "MRS")
    ]
    assert any(p.severity is Severity.WARNING and "TIF" in p.message for p in m.problems)


def test_codeshare_marketing_and_operating_flight() -> None:
    body = (
        "SRC'RCI+1A:ABC123'TIF+DOE+JANE:A:1'"
        "TVL+281126:1005:281126:1425+CUN+ATL+DL:AM+7044:Y'TVL+++++0402:Y'"
    )
    (leg,) = parse(body).bookings[0].itinerary
    assert (leg.carrier, leg.number, leg.operating_carrier, leg.operating_number) == (
        "DL",
        "7044",
        "AM",
        "0402",
    )


def test_bad_content_never_raises() -> None:
    m = parse("SRC'RCI'TIF'SSR+DOCS'DAT+700:999999:9999'TVL'TBD'FOP+ZZ'SSD'EQN+X'")
    assert len(m.bookings) == 1
    assert all(p.severity is not Severity.ERROR for p in m.problems)
