"""GTAS's own PAXLST expectations (EXPECTED.md §B, PaxlstParserUNedifactTest), on the inline
messages of its test source. GTAS counts a progressive flight as several "flights"; we read
one ``Flight`` with several legs, so "2 flights" below is "2 legs"."""

from __future__ import annotations

import datetime as dt

from preboard.ingest.paxlst.values import trim_seat
from preboard.model import Manifest

from .helpers import read

GTAS_HEAD = (
    "UNA:+.? 'UNB+UNOA:4+APIS*ABE+USADHS+070429:0900+000000001++USADHS'"
    "UNH+PAX001+PAXLST:D:05B:UN:IATA'BGM+745'"
)
GTAS_TAIL = "CNT+3:2'UNT+135+1'UNZ+1+020A07'"

ONE_LEG = "TDT+20+UA123+++UA'LOC+125+YVR'DTM+189:0704291230:201'LOC+87+JFK'DTM+232:0704291600:201'"
SECOND_TDT = (
    "TDT+20+UA124+++UA'LOC+92+JFK'DTM+189:0704291730:201'LOC+92+ATL'DTM+232:0704291945:201'"
)
KE_92 = "TDT+20+KE250+++KE'LOC+92+JFK'DTM+189:1402010220:201'LOC+92+ANC'DTM+232:1402010550:201'"
KE_PRIME = "LOC+125+ANC'DTM+189:1402010650:201'LOC+87+ICN'DTM+232:1402020840:201'"

BAGS_HEAD = (
    "NAD+MS+++UNITED HELPDESK SIN'COM+044 222 222222:TE'TDT+20+UA988'LOC+125+FRA'"
    "DTM+189:1806261220:201'LOC+87+IAD'DTM+232:1806261505:201'"
    "NAD+FL+++FENNER:JACKI:ANJA'ATT+2++F'DTM+329:700602'"
)
COUNT = "MEA+CT++4'"
WEIGHT = "MEA+WT++KGM:80'"
TAGS = "FTX+BAG+++UA0443'FTX+BAG+++UA0444'FTX+BAG+++UA0445'FTX+BAG+++UA0446'"
BAGS_TAIL = (
    "LOC+178+WDH'LOC+179+FRA'LOC+174+USA'NAT+2+USA'RFF+AVF:9C7313'RFF+SEA:44G'"
    "DOC++448763368'DTM+36:220518'LOC+91+USA'DOC++'DTM+36:190919'LOC+91+'"
)


def _gtas(body: str) -> Manifest:
    (manifest,) = read(GTAS_HEAD + body + GTAS_TAIL)
    return manifest


def _route(manifest: Manifest) -> list[tuple[str | None, str | None, str | None]]:
    assert manifest.flight is not None
    flight = manifest.flight
    return [(leg.number or flight.number, leg.origin, leg.destination) for leg in flight.legs]


def test_single_tdt_with_one_leg() -> None:
    manifest = _gtas(ONE_LEG)
    assert manifest.flight is not None
    assert (manifest.flight.carrier, manifest.flight.number) == ("UA", "123")
    assert _route(manifest) == [("123", "YVR", "JFK")]
    assert manifest.flight.departure == dt.datetime(2007, 4, 29, 12, 30)


def test_multiple_tdt_with_one_leg_each() -> None:
    manifest = _gtas(ONE_LEG + SECOND_TDT)
    assert _route(manifest) == [("123", "YVR", "JFK"), ("124", "JFK", "ATL")]
    assert manifest.flight is not None and manifest.flight.prime == 0
    assert manifest.flight.legs[1].carrier == "UA"


def test_multiple_tdt_with_loc_92() -> None:
    manifest = _gtas(KE_92 + "TDT+20+KE250+++KE'" + KE_PRIME)
    assert _route(manifest) == [("250", "JFK", "ANC"), ("250", "ANC", "ICN")]
    assert manifest.flight is not None and manifest.flight.prime == 1
    assert manifest.flight.origin == "ANC"


def test_single_tdt_with_loc_92() -> None:
    manifest = _gtas(KE_92 + KE_PRIME)
    assert _route(manifest) == [("250", "JFK", "ANC"), ("250", "ANC", "ICN")]
    assert manifest.flight is not None
    assert manifest.flight.legs[1].arrival == dt.datetime(2014, 2, 2, 8, 40)


def _bags(*parts: str) -> tuple[int | None, float | None]:
    traveller = _gtas(BAGS_HEAD + "".join(parts) + BAGS_TAIL).travellers[0]
    return traveller.bags, traveller.bag_weight_kg


def test_bag_weight_and_count_in_mea() -> None:
    assert _bags(COUNT, WEIGHT, TAGS) == (4, 80.0)


def test_only_bag_weight_in_mea() -> None:
    # GTAS: bagNum null. We count the tags when MEA CT is absent: 4 tags, 4 bags.
    assert _bags(WEIGHT, TAGS) == (4, 80.0)


def test_only_bag_count_in_mea() -> None:
    assert _bags(COUNT, TAGS) == (4, None)


def test_no_mea_counts_the_tags() -> None:
    # GTAS gives 1 here: it takes the quantity of the last FTX+BAG (default 1). Four tags are
    # four bags, and bag count is an indicator for rules ("no checked bags on a long stay"),
    # so we count every tag with its quantity.
    assert _bags(TAGS) == (4, None)


def test_no_mea_tag_quantities_are_added() -> None:
    # GTAS gives 2 (the last tag's quantity). Three single tags plus a tag for 2 bags are 5.
    tags = TAGS.replace("UA0446'", "UA0446:2'")
    assert _bags(tags) == (5, None)


def test_bag_message_details() -> None:
    manifest = _gtas(BAGS_HEAD + COUNT + WEIGHT + TAGS + BAGS_TAIL)
    (t,) = manifest.travellers
    assert (t.surname, t.given_names, t.seat, t.reservation_ref) == (
        "FENNER",
        "JACKI ANJA",
        "44G",
        "9C7313",
    )
    assert t.bag_tags == ("UA0443", "UA0444", "UA0445", "UA0446")
    assert [(d.type, d.number, d.issuing_country) for d in t.documents] == [
        (None, "448763368", "USA"),
        (None, None, None),
    ]
    assert t.documents[0].expiry == dt.date(2022, 5, 18)


def test_trim_seat_number() -> None:
    assert [trim_seat(s) for s in ("12B", "012B", "00012B")] == ["12B", "12B", "12B"]
