"""PAXLST conformance on real messages written by others (../shared/samples, never copied
here): every file reads without an ERROR, and GTAS's and our own expectations hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from preboard.ingest.edifact import read_interchanges
from preboard.ingest.paxlst import parse_paxlst
from preboard.model import Manifest, Role, Severity

pytestmark = pytest.mark.conformance

FOLDERS = ("paxlst", "gtas/apis-messages", "gtas/tamr-integration-data")
FILES = [
    "paxlst/US-CBP_GTAS__Test1_crew_D02B.edi",
    "paxlst/US-CBP_GTAS__Test3_pax_D02B.edi",
    "paxlst/US-CBP_GTAS__airline2_custom_separators_D02B.edi",
    "paxlst/US-CBP_GTAS__apisMessage_progressive_D05B.edi",
    "paxlst/US-CBP_GTAS__multiple_flight_leg_D05B.edi",
    "paxlst/US-CBP_GTAS__tamr_flight1_bags_visas_D02B.edi",
    *(f"paxlst/janotaz_ediclean__{c}.txt" for c in "ABCDEF"),
    *(f"gtas/apis-messages/{n}" for n in ("Test1.txt", "Test3.txt", "airline2.edi")),
    "gtas/apis-messages/apisMessage.txt",
    "gtas/apis-messages/multiple_flight_leg_apis.txt",
    *(f"gtas/tamr-integration-data/flight{n}.txt" for n in (1, 2, 3)),
]


def _read(samples: Path, *names: str) -> list[Manifest]:
    messages = []
    for name in names:
        ics, _ = read_interchanges((samples / name).read_bytes(), Path(name).name)
        messages.extend(m for ic in ics for m in ic.messages)
    return parse_paxlst(messages)


def _one(samples: Path, *names: str) -> Manifest:
    (manifest,) = _read(samples, *names)
    return manifest


def test_the_list_covers_every_sample_file(samples: Path) -> None:
    found = {
        str(p.relative_to(samples))
        for folder in FOLDERS
        for p in (samples / folder).iterdir()
        if p.is_file() and p.suffix in (".edi", ".txt")
    }
    assert found == set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_every_file_gives_a_manifest_without_error(samples: Path, name: str) -> None:
    manifests = _read(samples, name)
    assert manifests
    for manifest in manifests:
        assert manifest.travellers
        assert manifest.flight is not None
        errors = [p for p in manifest.problems if p.severity == Severity.ERROR]
        assert errors == []


def test_apis_message_progressive_two_legs(samples: Path) -> None:
    flight = _one(samples, "gtas/apis-messages/apisMessage.txt").flight
    assert flight is not None
    assert [(leg.origin, leg.destination) for leg in flight.legs] == [
        ("ATL", "ORD"),
        ("ORD", "JFK"),
    ]
    assert (flight.carrier, flight.number) == ("AA", "123")
    assert (flight.legs[1].carrier, flight.legs[1].number) == ("AA", "124")


def test_multiple_flight_leg_prime_leg(samples: Path) -> None:
    flight = _one(samples, "gtas/apis-messages/multiple_flight_leg_apis.txt").flight
    assert flight is not None
    assert (flight.carrier, flight.number, flight.origin, flight.destination) == (
        "QQ",
        "827",
        "JFK",
        "CDG",
    )
    assert flight.departure == dt.datetime(2008, 8, 10, 20, 0)
    assert [(leg.origin, leg.number) for leg in flight.legs] == [
        ("MIA", "877"),
        ("IAD", None),
        ("JFK", None),
    ]


def test_tamr_flight1(samples: Path) -> None:
    manifest = _one(samples, "gtas/tamr-integration-data/flight1.txt")
    flight = manifest.flight
    assert flight is not None
    assert (flight.designator, flight.origin, flight.destination) == ("LA532", "SCL", "JFK")
    assert len(manifest.travellers) == 10
    jiang = manifest.travellers[0]
    assert [d.type for d in jiang.documents] == [None, "V"]  # DOC++number: empty type
    assert jiang.seat == "56F"
    nood = next(t for t in manifest.travellers if t.surname == "NOOD")
    assert (nood.bags, nood.bag_weight_kg) == (2, 32.0)


def test_test3_large_passenger_list(samples: Path) -> None:
    manifest = _one(samples, "paxlst/US-CBP_GTAS__Test3_pax_D02B.edi")
    assert len(manifest.travellers) == 260
    assert all(t.role is Role.PASSENGER for t in manifest.travellers)
    # One name has the byte 0x87, not UTF-8: read as Latin-1, the name is kept.
    assert any("\x87" in t.given_names + t.surname for t in manifest.travellers)


def test_test1_crew(samples: Path) -> None:
    manifest = _one(samples, "paxlst/US-CBP_GTAS__Test1_crew_D02B.edi")
    assert len(manifest.travellers) == 8
    assert all(t.role is Role.CREW for t in manifest.travellers)
    assert manifest.reported_count == 8  # CNT+41+8: the count in the wrong element
    assert manifest.travellers[0].birth_place == "Hartford USA"


def test_airline2_custom_separators(samples: Path) -> None:
    manifest = _one(samples, "gtas/apis-messages/airline2.edi")
    assert len(manifest.travellers) == 10
    assert manifest.travellers[0].reservation_ref == "QXGYLO"
    assert manifest.messages[0].part == 10 and manifest.messages[0].last_part


def test_ediclean_d_and_e_are_two_parts_of_one_flight(samples: Path) -> None:
    manifest = _one(samples, "paxlst/janotaz_ediclean__E.txt", "paxlst/janotaz_ediclean__D.txt")
    assert [(r.part, r.last_part) for r in manifest.messages] == [(10, False), (16, True)]
    assert len(manifest.travellers) == 4
    assert manifest.flight is not None and manifest.flight.designator == "AT123"
    warnings = [p.message for p in manifest.problems if p.severity == Severity.WARNING]
    assert any("parts 1-9, 11-15 not received" in w for w in warnings)
    assert manifest.reported_count == 161


def test_ediclean_b_and_c(samples: Path) -> None:
    manifest = _one(samples, "paxlst/janotaz_ediclean__B.txt", "paxlst/janotaz_ediclean__C.txt")
    assert [r.part for r in manifest.messages] == [6, 8]
    assert [t.surname for t in manifest.travellers] == [
        "MULLERSFER",
        "MULLERSFER",
        "RDEERF",
        "AERWDEDE",
    ]
    child = manifest.travellers[0]
    assert child.birth_date is not None and child.birth_date.year == 2015
    assert (child.bags, child.bag_tags, child.seat) == (1, ("B2585631",), "17B")


def test_ediclean_f_crew_with_two_documents(samples: Path) -> None:
    manifest = _one(samples, "paxlst/janotaz_ediclean__F.txt")
    assert manifest.list_type == "250"
    for person in manifest.travellers:
        assert person.role is Role.CREW
        assert [d.type for d in person.documents] == ["P", "L"]
    keti = manifest.travellers[0]
    assert keti.birth_place == "BAKIRKOY"
    assert keti.nationality == "ABC"  # obfuscated code kept as given, reported as INFO
    assert any(p.severity == Severity.INFO and "'ABC'" in p.message for p in manifest.problems)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("flight2.txt", ("FI615", "KEF", "JFK")),
        ("flight3.txt", ("YY123", "IAD", "BRU")),
    ],
)
def test_tamr_flights_2_and_3_prime_keys(samples: Path, name: str, key: tuple[str, ...]) -> None:
    """GTAS's TamrIT loads these with keys [KEF, JFK, FI, 0615] and [IAD, BRU, YY, 0123], and
    its mock counts 10 passengers each. GTAS pads flight numbers to four digits; we keep the
    number without leading zeros (``615``), as the PAXLST parser does everywhere."""
    manifest = _one(samples, f"gtas/tamr-integration-data/{name}")
    flight = manifest.flight
    assert flight is not None
    assert (flight.designator, flight.origin, flight.destination) == key
    assert len(manifest.travellers) == 10


def test_tamr_name_variants_are_read_as_sent(samples: Path) -> None:
    """The Tamr test's entity-resolution cases need the names exactly as sent (matching them is
    the watchlist engine's job, not the parser's)."""
    names = {
        (t.surname, t.given_names)
        for n in (1, 2, 3)
        for t in _one(samples, f"gtas/tamr-integration-data/flight{n}.txt").travellers
    }
    assert {("JIANG", "HSIUYUAN"), ("CHIANG", "XIUYUAN"), ("JIANG", "XIUYUAN")} <= names
    assert {("JOSEPH", "GAYLA COOKE"), ("THEBAULT", "REUBEN")} <= {
        (s, g) for s, g in names if s in ("JOSEPH", "THEBAULT")
    }
