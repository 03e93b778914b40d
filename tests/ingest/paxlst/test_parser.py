"""Segment groups of one PAXLST message, on small synthetic messages (made-up people)."""

from __future__ import annotations

import datetime as dt

from preboard.model import PartialDate, Role, Severity, Sex

from .helpers import FLIGHT, HEAD, messages, one, read

PERSON = (
    "NAD+FL+++RAMIREZ SOTO:ANA:LUCIA MARIA'ATT+2++F'DTM+329:850312'"
    "LOC+178+CUN'LOC+179+ATL'LOC+174+MEX'LOC+180+MEX:::GUADALAJARA'NAT+2+MX'"
    "RFF+AVF:QWE123'RFF+ABO:P0001'RFF+SEA:007C'RFF+AVF:ZZZ999'"
    "DOC+P:110:111+G12345678'DTM+36:310101'DTM+182:210101'LOC+91+MEX'"
    "DOC+V+V0011223'DTM+36:280630'LOC+91+US'"
)


def test_header_flight_and_message_ref() -> None:
    manifest = one(FLIGHT + PERSON)
    assert manifest.list_type == "745"
    assert manifest.reported_count == 2
    flight = manifest.flight
    assert flight is not None
    assert (flight.carrier, flight.number, flight.origin, flight.destination) == (
        "AM",
        "402",
        "CUN",
        "ATL",
    )
    assert flight.departure == dt.datetime(2026, 3, 1, 10, 30)
    assert flight.arrival == dt.datetime(2026, 3, 1, 14, 20)
    (ref,) = manifest.messages
    assert (ref.file, ref.reference, ref.kind, ref.version) == (
        "f1.edi",
        "PAX001",
        "PAXLST",
        "D:05B",
    )
    assert (ref.sender, ref.recipient) == ("AEROMEXICO", "CBPAPIS")
    assert ref.prepared_at == dt.datetime(2026, 3, 1, 8, 15)
    assert (ref.common_access_ref, ref.part, ref.last_part) == (None, None, None)


def test_traveller_fields() -> None:
    (t,) = one(FLIGHT + PERSON).travellers
    assert (t.role, t.surname, t.given_names) == (Role.PASSENGER, "RAMIREZ SOTO", "ANA LUCIA MARIA")
    assert (t.sex, t.birth_date) == (Sex.FEMALE, PartialDate(1985, 3, 12))
    assert (t.nationality, t.residence_country) == ("MEX", "MEX")
    assert (t.embarkation, t.debarkation, t.birth_place) == ("CUN", "ATL", "GUADALAJARA")
    assert (t.reservation_ref, t.ref, t.seat) == ("QWE123", "P0001", "7C")
    assert ("rff:AVF", "ZZZ999") in t.extra  # a repeated reference is kept, not dropped
    passport, visa = t.documents
    assert (passport.type, passport.number, passport.issuing_country) == ("P", "G12345678", "MEX")
    assert (passport.expiry, passport.issue_date) == (dt.date(2031, 1, 1), dt.date(2021, 1, 1))
    assert (visa.type, visa.issuing_country, visa.expiry) == ("V", "USA", dt.date(2028, 6, 30))


def test_roles_and_names_sharing_a_component() -> None:
    body = "NAD+FM+++OKAFOR:CHIDI EMEKA'NAD+DDU+++LEE:MIN:JUN'NAD+DDT+++BRAUN:KARL'NAD+FL+++SILVA'"
    people = one(FLIGHT + body).travellers
    assert [(t.role, t.given_names) for t in people] == [
        (Role.CREW, "CHIDI EMEKA"),
        (Role.IN_TRANSIT, "MIN JUN"),
        (Role.IN_TRANSIT, "KARL"),
        (Role.PASSENGER, ""),
    ]
    assert ("role_code", "DDT") in people[2].extra


def test_two_digit_birth_year_is_in_the_past_of_the_message() -> None:
    # The message is of 2026-03-01: 26 is 2026 for a birth before that day, 1926 after it.
    body = "NAD+FL+++A:B'DTM+329:260101'NAD+FL+++C:D'DTM+329:261231'"
    people = one(FLIGHT + body).travellers
    assert [t.birth_date for t in people] == [PartialDate(2026, 1, 1), PartialDate(1926, 12, 31)]


def test_partial_and_eight_digit_dates() -> None:
    body = "NAD+FL+++A:B'DTM+329:1970:602'NAD+FL+++C:D'DTM+329:19700530:102'"
    people = one(FLIGHT + body).travellers
    assert [t.birth_date for t in people] == [PartialDate(1970), PartialDate(1970, 5, 30)]


def test_flight_times_in_twelve_and_eight_digits() -> None:
    flight = (
        "TDT+20+AM402+++AM'LOC+125+CUN'DTM+189:202603011030:203'LOC+87+ATL'DTM+232:20260301:102'"
    )
    manifest = one(flight)
    assert manifest.flight is not None
    assert manifest.flight.departure == dt.datetime(2026, 3, 1, 10, 30)
    assert manifest.flight.arrival == dt.datetime(2026, 3, 1)


def test_bad_birth_date_is_a_problem_with_where_and_the_raw_value_kept() -> None:
    manifest = one(FLIGHT + "NAD+FL+++A:B'DTM+329:851332'")
    (problem,) = [p for p in manifest.problems if p.tag == "DTM"]
    assert problem.severity == Severity.WARNING
    assert problem.file == "f1.edi" and problem.segment is not None
    assert "851332" in problem.message
    assert ("birth_date_raw", "851332") in manifest.travellers[0].extra


def test_missing_surname_is_reported() -> None:
    manifest = one(FLIGHT + "NAD+FL+++:ANA'")
    assert manifest.travellers[0].surname == ""
    assert any("without a surname" in m for m in messages(manifest, Severity.WARNING))


def test_unknown_country_reported_once_per_manifest() -> None:
    body = "NAD+FL+++A:B'NAT+2+ABC'DOC+P+1'LOC+91+ABC'NAD+FL+++C:D'NAT+2+ABC'"
    manifest = one(FLIGHT + body)
    assert [t.nationality for t in manifest.travellers] == ["ABC", "ABC"]
    infos = [m for m in messages(manifest, Severity.INFO) if "'ABC'" in m]
    assert len(infos) == 1


def test_birth_place_text_and_address_and_contacts_are_kept() -> None:
    body = (
        "NAD+FM+++KAYA:DENIZ+CALLE 5 NUM 10+CANCUN+QR+77500+MEX'LOC+180+:::Merida MEX'"
        "COM+5219981234567:TE+d.kaya@example.org:EM'EMP+1+CR1:110:111'GEI+4+ZZZ'"
    )
    (t,) = one(FLIGHT + body).travellers
    assert t.birth_place == "Merida MEX"
    extra = dict(t.extra)
    assert extra["address"] == "CALLE 5 NUM 10, CANCUN, QR, 77500, MEX"
    assert extra["com:TE"] == "5219981234567" and extra["com:EM"] == "d.kaya@example.org"
    assert "emp" in extra and "gei" in extra


def test_bag_weight_in_pounds_is_converted() -> None:
    (t,) = one(FLIGHT + "NAD+FL+++A:B'MEA+CT++:2'MEA+WT++LBR:50'").travellers
    assert (t.bags, t.bag_weight_kg) == (2, 22.7)


def test_placeholder_bag_tag_is_ignored_with_a_note() -> None:
    manifest = one(FLIGHT + "NAD+FL+++A:B'MEA+CT++:0'FTX+BAG+++NULL'")
    assert (manifest.travellers[0].bags, manifest.travellers[0].bag_tags) == (0, ())
    assert any("placeholder" in m for m in messages(manifest, Severity.INFO))


def test_nothing_dropped_silently() -> None:
    body = "RFF+TN:BART34567890:::1'NAD+MS+++HELP DESK'COM+555 0100:TE'" + FLIGHT
    body += "NAD+FL+++A:B'XYZ+1'ATT+9++Q'LOC+999+ZZZ'"
    manifest = one(body)
    assert [u.tag for u in manifest.unread] == ["RFF", "NAD", "COM", "XYZ", "ATT", "LOC"]
    assert all(u.file == "f1.edi" and u.text for u in manifest.unread)


def test_cnt_in_the_wrong_element_and_count_difference() -> None:
    (m,) = read(HEAD + FLIGHT + "NAD+FM+++A:B'CNT+41+8'UNT+5+PAX001'UNZ+1+1'")
    assert m.reported_count == 8
    assert any("next element" in p.message for p in m.problems)
    assert any("8 travellers, 1 read" in p.message for p in m.problems)


def test_other_list_types_are_kept() -> None:
    head = HEAD.replace("BGM+745'", "BGM+266+CP'")
    manifest = one(FLIGHT, head=head)
    assert manifest.list_type == "266:CP"
    assert manifest.messages[0].function == "CP"


def test_crew_list_function() -> None:
    manifest = one(FLIGHT, head=HEAD.replace("BGM+745'", "BGM+250+C'"))
    assert (manifest.list_type, manifest.messages[0].function) == ("250", "C")


def test_message_without_tdt() -> None:
    manifest = one("NAD+FL+++A:B'")
    assert manifest.flight is None
    assert any("no TDT" in m for m in messages(manifest, Severity.WARNING))
