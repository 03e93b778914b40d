"""The legacy US CEDIPAX PAXLST (UNS/PDT), on GTAS's inline messages (EXPECTED.md §B,
PaxlstParserUSedifactTest)."""

from __future__ import annotations

import datetime as dt

from preboard.model import PartialDate, Role, Severity, Sex

from .helpers import read

CEDIPAX = (
    "UNA:+.? 'UNB+UNOA:1+SAMPLAIR:NZ+USCS:US+020131:2359+0201312359++CEDIPAX+A+++0'"
    "UNG+PAXLST+SAMPLECOMM:NZ+TECS:US+020131:2359+0201312359+NZ+001:000'"
    "UNH+0201312359+PAXLST:001:000:NZ+SA812/020131/2300'"
    "CTA+IC+:FRED? SAMPLES+1-703-644-5200:TE+1-703-566-8224:FX'TDT++SA812+40+SA'"
    "LOC+005+NZAKL:50'DTM+136+020131+1030+M05'LOC+008+USLAX:50'DTM+132+020131+2200+M05'"
    "UNS+D'PDT+P/182345345:990909:US+MANGUS:SIMON:P:590429:M+PAX+NZAKL:USLAX'"
    "PDT+P/122222345:970902:US+FEFE:THEODORE:C:560704:U+PAX+NZAKL:USLAX'"
    "PDT+P/C76543D:920429:GB+BOYLE:ALVIN::521221:U+PAX+NZAKL:USLAX'"
    "PDT+P/E54321A:980831:IE+O?'LEARY:KRIS:ANN:331231:F+PAX+NZAKL:USLAX'"
    "UNT+000011+0201312359'UNE+1+0201312359'UNZ+1+0201312359'"
)
PROGRESSIVE = (
    "UNA:+.? 'UNB+UNOA:1+SAMPLEAIR:NZ+USCS:US+020131:2359+0201312359++CEDIPAX+A+++0'"
    "UNG+PAXLST+SAMPLCOMM:NZ+TECS:US+020131:2359+0201312359+NZ+001:000'"
    "UNH+0201312359+PAXLST:001:000:NZ+SA812/020131/2300+01:C'"
    "CTA+IC+:FRED-SAMPLE+1-703-644-5200:TE+1-703-566-8224:FX'TDT++SA812+40+SA'"
    "LOC+5+NZAKL:50'DTM+136+020131+2200+M10'LOC+PT+USHNL:50'DTM+132+020131+1900+P8'"
    "LOC+PT+USLAX:50'DTM+132+020131+2300+P5'LOC+8+USJFK:50'DTM+132+020201+0400+P2'"
    "UNS+D'PDT+P/121234324:980701:US+JONES:INDIANA::351230'"
    "UNT+000008+0201312359'UNE+1+0201312359'UNZ+1+0201312359'"
)


def test_cedipax_one_flight_four_passengers() -> None:
    (manifest,) = read(CEDIPAX)
    assert manifest.flight is not None
    assert (manifest.flight.carrier, manifest.flight.number) == ("SA", "812")
    assert [(leg.origin, leg.destination) for leg in manifest.flight.legs] == [("AKL", "LAX")]
    assert manifest.flight.departure == dt.datetime(2002, 1, 31, 10, 30)
    assert len(manifest.travellers) == 4
    assert manifest.travellers[-1].surname == "O'LEARY"
    assert not [p for p in manifest.problems if p.severity != Severity.INFO]


def test_cedipax_pdt_fields() -> None:
    (manifest,) = read(CEDIPAX)
    first, last = manifest.travellers[0], manifest.travellers[-1]
    assert (first.given_names, first.sex, first.role) == ("SIMON P", Sex.MALE, Role.PASSENGER)
    assert first.birth_date == PartialDate(1959, 4, 29)
    (doc,) = first.documents
    assert (doc.type, doc.number, doc.issuing_country) == ("P", "182345345", "USA")
    assert doc.expiry == dt.date(1999, 9, 9)
    assert (first.embarkation, first.debarkation) == ("AKL", "LAX")
    assert last.birth_date == PartialDate(1933, 12, 31)
    assert last.documents[0].issuing_country == "IRL"


def test_cedipax_contact_and_section_marker_are_kept_unread() -> None:
    (manifest,) = read(CEDIPAX)
    assert [u.tag for u in manifest.unread] == ["CTA", "UNS"]


def test_cedipax_progressive_three_legs_one_passenger() -> None:
    (manifest,) = read(PROGRESSIVE)
    assert manifest.flight is not None
    legs = [(leg.origin, leg.destination) for leg in manifest.flight.legs]
    assert legs == [("AKL", "HNL"), ("HNL", "LAX"), ("LAX", "JFK")]
    assert manifest.flight.legs[-1].arrival == dt.datetime(2002, 2, 1, 4, 0)
    assert [t.surname for t in manifest.travellers] == ["JONES"]
    # "01:C" without a last part: the message says more parts follow.
    assert any("last part (F) not received" in p.message for p in manifest.problems)
