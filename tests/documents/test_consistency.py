"""Linking API travellers (PAXLST) to their bookings (PNRGOV) and reporting disagreements."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from preboard.documents import LinkMethod, link_api_pnr
from preboard.ingest.options import ReadOptions
from preboard.ingest.reader import read_paths
from preboard.model import Booking, Flight, Manifest, PartialDate, Role, SourceKind, Traveller
from preboard.model.findings import FindingKind, FindingSeverity
from tests.documents.helpers import DEPARTURE, TODAY, booking, flight, passport, person

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "preboard" / "examples"

JUAN = person(passport("G24681357"), locator="KXTR4P", ref="1")
MARIA = person(
    passport("G31415926"),
    surname="GARZA VILLARREAL",
    given="MARIA FERNANDA",
    birth=PartialDate(1981, 9, 23),
    locator="KXTR4P",
    ref="2",
)


def api(*travellers: Traveller, on: Flight | None = None) -> Manifest:
    return Manifest(SourceKind.PAXLST, on or flight(), travellers)


def pnr(*bookings: Booking, on: Flight | None = None) -> Manifest:
    return Manifest(SourceKind.PNRGOV, on or flight(number="0402"), bookings=bookings)


def booked(t: Traveller, **changes: Any) -> Traveller:
    """The PNR's entry of the same person: the API's data, changed where asked."""
    return replace(t, **changes)


def test_family_linked_by_record_locator_and_traveller_reference() -> None:
    family = booking("KXTR4P", booked(MARIA), booked(JUAN))  # another order in the PNR
    links = link_api_pnr([api(JUAN, MARIA), pnr(family)])
    assert [(link.traveller, link.booked.surname) for link in links.links] == [
        (JUAN, "HERNANDEZ LOPEZ"),
        (MARIA, "GARZA VILLARREAL"),
    ]
    assert {link.method for link in links.links} == {LinkMethod.LOCATOR_AND_REF}
    assert all(link.findings == () for link in links.links)
    assert links.api_without_pnr == () and links.pnr_without_api == ()
    assert links.booking_for(JUAN) is family


def test_the_unique_passenger_reference_links_too() -> None:
    entry = Traveller(Role.PASSENGER, "HERNANDEZ LOPEZ", "JUAN CARLOS", reservation_ref="KXTR4P",
                      ref="9", extra=(("passenger_ref", "0139042011"),))  # fmt: skip
    traveller = person(locator="KXTR4P", ref="0139042011")
    [link] = link_api_pnr([api(traveller), pnr(booking("KXTR4P", entry))]).links
    assert link.method is LinkMethod.LOCATOR_AND_REF


def test_record_locator_and_name_without_a_reference() -> None:
    no_ref = [person(t.documents[0], surname=t.surname, given=t.given_names, birth=t.birth_date,
                     locator="kxtr4p") for t in (JUAN, MARIA)]  # fmt: skip
    links = link_api_pnr([api(*no_ref), pnr(booking("KXTR4P", booked(MARIA), booked(JUAN)))])
    assert [link.booked.given_names for link in links.links] == ["JUAN CARLOS", "MARIA FERNANDA"]
    assert {link.method for link in links.links} == {LinkMethod.LOCATOR_AND_NAME}


def test_record_locator_alone_links_the_last_traveller_and_reports_the_name() -> None:
    misspelt = booked(JUAN, given_names="JUAN KARLOS", ref=None)
    [link] = link_api_pnr([api(JUAN), pnr(booking("KXTR4P", misspelt))]).links
    assert link.method is LinkMethod.LOCATOR_ONLY
    [finding] = link.findings
    assert dict(finding.detail)["field"] == "name"
    assert finding.severity is FindingSeverity.LOW
    assert "JUAN KARLOS" in finding.explanation


def test_name_birth_date_and_document_without_a_record_locator() -> None:
    walk_in = person(passport("G-2468 1357"), surname="Hernández López", given="Juan Carlos")
    entry = booked(JUAN, reservation_ref="QHD6UY")
    [link] = link_api_pnr([api(walk_in), pnr(booking("QHD6UY", entry))]).links
    assert link.method is LinkMethod.NAME_BIRTH_DOCUMENT
    assert link.findings == ()


def test_name_and_birth_date_when_the_pnr_has_no_document() -> None:
    walk_in = person(passport("G24681357"))
    entry = booked(JUAN, documents=(passport(number=""),))
    [link] = link_api_pnr([api(walk_in), pnr(booking("QHD6UY", entry))]).links
    assert link.method is LinkMethod.NAME_BIRTH


def test_another_document_number_is_not_linked_by_name() -> None:
    walk_in = person(passport("G99999999"))
    links = link_api_pnr([api(walk_in), pnr(booking("QHD6UY", booked(JUAN, reservation_ref=None)))])
    assert links.links == ()
    assert [u.finding.code for u in links.api_without_pnr] == ["data.no_pnr"]


def test_two_equal_candidates_are_not_guessed_between() -> None:
    twin = booked(JUAN, reservation_ref=None, documents=(passport(number=""),))
    bookings = (booking("AAAAAA", twin), booking("BBBBBB", twin))
    links = link_api_pnr([api(person(passport("G24681357"))), pnr(*bookings)])
    assert links.links == ()
    assert len(links.pnr_without_api) == 2


def test_disagreements_of_a_linked_pair() -> None:
    entry = booked(JUAN, documents=(passport("G24681358"),), birth_date=PartialDate(1978, 12, 4))
    [link] = link_api_pnr([api(JUAN), pnr(booking("KXTR4P", entry))]).links
    assert [dict(f.detail)["field"] for f in link.findings] == ["document_number", "birth_date"]
    assert all(f.code == "document.api_pnr_mismatch" for f in link.findings)
    assert all(f.severity is FindingSeverity.MEDIUM and f.score == 1.0 for f in link.findings)
    text = " ".join(f.explanation for f in link.findings)
    assert "G24681357" not in text and "G24681358" not in text
    assert "API ••••••357, PNR ••••••358" in text


def test_travellers_on_one_side_only_are_reported_as_info_data() -> None:
    stranger = person(passport("N09876543"), surname="PECH CHAN", given="JOSE", locator="ZZZZZZ")
    other = person(passport("A05512873", "USA"), surname="OCONNOR", given="BRIDGET",
                   locator="LM3QZA", ref="1")  # fmt: skip
    links = link_api_pnr([api(stranger), pnr(booking("LM3QZA", other))])
    [no_pnr] = links.api_without_pnr
    [not_on_api] = links.pnr_without_api
    assert no_pnr.traveller == stranger and no_pnr.booking is None
    assert no_pnr.finding.kind is FindingKind.DATA
    assert no_pnr.finding.severity is FindingSeverity.INFO
    assert no_pnr.finding.explanation == "No PNR found for this traveller on AM402 2026-11-28."
    assert not_on_api.finding.code == "data.not_on_api"
    assert not_on_api.booking is not None and not_on_api.booking.record_locator == "LM3QZA"


def test_crew_are_neither_linked_nor_reported() -> None:
    captain = person(passport("A11111111", "USA"), surname="REYES", role=Role.CREW)
    links = link_api_pnr([api(captain), pnr(booking("KXTR4P", booked(JUAN)))])
    assert links.links == () and links.api_without_pnr == ()
    assert links.pnr_without_api == ()  # a crew list says nothing about passengers


@pytest.mark.parametrize(
    ("other", "linked"),
    [
        (flight(number="402"), True),
        (flight(number="00402"), True),
        (Flight("am", "402", flight().legs), True),
        (flight(departure=None), True),
        (flight(departure=DEPARTURE + dt.timedelta(days=1)), False),
        (flight(carrier="UA"), False),
        (flight(number="403"), False),
    ],
)
def test_flights_match_on_carrier_number_and_date(other: Flight, linked: bool) -> None:
    links = link_api_pnr([api(JUAN), pnr(booking("KXTR4P", booked(JUAN)), on=other)])
    assert bool(links.links) is linked


def test_a_later_push_replaces_an_earlier_one() -> None:
    early = booking("KXTR4P", booked(JUAN, given_names="JUAN"), modified=dt.datetime(2026, 11, 25))
    late = booking("KXTR4P", booked(JUAN), modified=dt.datetime(2026, 11, 27))
    for order in ([early, late], [late, early]):
        manifests = [api(JUAN)] + [pnr(b) for b in order]
        [link] = link_api_pnr(manifests).links
        assert link.booking is late and link.findings == ()


def test_the_project_examples_link_with_no_disagreement_on_the_family() -> None:
    names = ["paxlst_AM0402_CUN_ATL.edi", "pnrgov_AM0402_CUN_ATL.edi"]
    result = read_paths([EXAMPLES / n for n in names], ReadOptions(today=TODAY))
    links = link_api_pnr(result.manifests)
    family = [link for link in links.links if link.booking.record_locator == "KXTR4P"]
    assert [link.method for link in family] == [LinkMethod.LOCATOR_AND_REF] * 3
    assert all(link.findings == () for link in family)
    assert len(links.links) == 7 and len(links.pnr_without_api) == 0
