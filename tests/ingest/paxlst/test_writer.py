"""Writing PAXLST and reading it back gives the same flight and travellers."""

from __future__ import annotations

import datetime as dt

import pytest

from preboard.ingest.edifact import ServiceChars
from preboard.ingest.paxlst import write_paxlst
from preboard.model import (
    Flight,
    Leg,
    Manifest,
    PartialDate,
    Role,
    Sex,
    SourceKind,
    TravelDocument,
    Traveller,
)

from .helpers import read

FLIGHT = Flight(
    "UA",
    "1532",
    (
        Leg(
            "MEX", "CUN", dt.datetime(2026, 3, 1, 7, 0), dt.datetime(2026, 3, 1, 9, 5), "UA", "1530"
        ),
        Leg("CUN", "IAH", dt.datetime(2026, 3, 1, 10, 30), dt.datetime(2026, 3, 1, 13, 0)),
    ),
    1,
)


def _traveller(surname: str, given: str, **kw: object) -> Traveller:
    base: dict[str, object] = {
        "role": Role.PASSENGER,
        "surname": surname,
        "given_names": given,
        "birth_date": PartialDate(1984, 7, 9),
        "sex": Sex.MALE,
        "nationality": "MEX",
        "residence_country": "MEX",
        "birth_place": "PUEBLA",
        "embarkation": "CUN",
        "debarkation": "IAH",
        "documents": (
            TravelDocument("P", "G0012345", "MEX", dt.date(2020, 2, 3), dt.date(2030, 2, 2)),
            TravelDocument("V", "B12345678", "USA", None, dt.date(2032, 5, 1)),
        ),
        "reservation_ref": "KQ7ZPA",
        "ref": "1001",
        "seat": "21C",
        "bags": 2,
        "bag_weight_kg": 31.5,
        "bag_tags": ("0016123456", "0016123457"),
    }
    base.update(kw)
    return Traveller(**base)  # type: ignore[arg-type]


PEOPLE = (
    _traveller("O'NEIL", "PATRICK"),
    _traveller("PEREZ+GIL", "JOSE: MARIA", sex=Sex.FEMALE, seat=None),
    _traveller("QUE?", "ANA", birth_date=PartialDate(1990), documents=()),
    _traveller("VANCE", "LEE", role=Role.CREW, bags=None, bag_tags=(), bag_weight_kg=None),
    _traveller("NGUYEN", "THI", role=Role.IN_TRANSIT, birth_date=PartialDate(1975, 4)),
)
MANIFEST = Manifest(SourceKind.PAXLST, FLIGHT, PEOPLE)


def _roundtrip(manifest: Manifest, **kw: object) -> Manifest:
    texts = write_paxlst(manifest, **kw)  # type: ignore[arg-type]
    (back,) = read(*texts)
    return back


def test_roundtrip_keeps_flight_and_travellers() -> None:
    back = _roundtrip(MANIFEST)
    assert back.flight == FLIGHT
    assert back.travellers == PEOPLE
    assert back.problems == ()
    assert back.reported_count == len(PEOPLE)


def test_separators_in_names_are_released() -> None:
    (text,) = write_paxlst(MANIFEST)
    assert "NAD+FL+++O?'NEIL:PATRICK'" in text
    assert "PEREZ?+GIL:JOSE?: MARIA" in text
    assert "QUE??:ANA" in text


@pytest.mark.parametrize("una", [":*.? #", ":-.? '", ":+.? '"])
def test_roundtrip_with_other_service_characters(una: str) -> None:
    back = _roundtrip(MANIFEST, chars=ServiceChars.from_una(una))
    assert back.travellers == PEOPLE


def test_parts_are_assembled_back() -> None:
    texts = write_paxlst(MANIFEST, parts=3, reference="T")
    assert len(texts) == 3
    assert "+01:C'" in texts[0] and "+02'" in texts[1] and "+03:F'" in texts[2]
    back = _roundtrip(MANIFEST, parts=3)
    assert back.travellers == PEOPLE
    assert [r.part for r in back.messages] == [1, 2, 3]
    assert back.problems == ()


def test_unt_counts_the_segments() -> None:
    (text,) = write_paxlst(MANIFEST)
    lines = text.splitlines()
    unh = next(i for i, line in enumerate(lines) if line.startswith("UNH"))
    unt = next(i for i, line in enumerate(lines) if line.startswith("UNT"))
    assert lines[unt].startswith(f"UNT+{unt - unh + 1}+")


def test_crew_list() -> None:
    crew = Manifest(SourceKind.PAXLST, FLIGHT, (PEOPLE[3],))
    (text,) = write_paxlst(crew)
    assert "BGM+250'" in text and "CNT+41:1'" in text
    assert _roundtrip(crew).list_type == "250"
