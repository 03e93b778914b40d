"""Writing a manifest as UN/EDIFACT PAXLST D:05B interchanges (one per part).

Each leg gets its own TDT group: the prime leg as LOC 125 / LOC 87, the others as LOC 92, so
the parser gives back the same legs. Separators inside values are released by
``SegmentWriter``.
"""

from __future__ import annotations

import datetime as dt

from preboard.ingest.edifact import SegmentWriter, ServiceChars
from preboard.ingest.edifact.writer import prepared_time
from preboard.model import Flight, Manifest, PartialDate, Role, Traveller

_ROLE_CODES = {Role.PASSENGER: "FL", Role.CREW: "FM", Role.IN_TRANSIT: "DDU", Role.INFANT: "FL"}
_TIME = "%y%m%d%H%M"


def _yymmdd(value: dt.date | None) -> str | None:
    return value.strftime("%y%m%d") if value else None


def _birth(value: PartialDate) -> list[str]:
    if value.day is not None and value.month is not None:
        return ["329", f"{value.year % 100:02d}{value.month:02d}{value.day:02d}"]
    if value.month is not None:
        return ["329", f"{value.year:04d}{value.month:02d}", "610"]
    return ["329", f"{value.year:04d}", "602"]


def _flight(w: SegmentWriter, flight: Flight) -> None:
    legs = flight.legs or ()
    if not legs:
        w.segment("TDT", "20", f"{flight.carrier or ''}{flight.number or ''}", "", "", "")
    for i, leg in enumerate(legs):
        carrier = leg.carrier or flight.carrier or ""
        number = leg.number or flight.number or ""
        w.segment("TDT", "20", f"{carrier}{number}", "", "", carrier)
        prime = i == flight.prime
        if leg.origin:
            w.segment("LOC", "125" if prime else "92", leg.origin)
        if leg.departure:
            w.segment("DTM", ["189", leg.departure.strftime(_TIME), "201"])
        if leg.destination:
            w.segment("LOC", "87" if prime else "92", leg.destination)
        if leg.arrival:
            w.segment("DTM", ["232", leg.arrival.strftime(_TIME), "201"])


def _bags(w: SegmentWriter, t: Traveller) -> None:
    if t.bags is not None:
        w.segment("MEA", "CT", "", ["", str(t.bags)])
    if t.bag_weight_kg is not None:
        weight = f"{t.bag_weight_kg:g}"
        w.segment("MEA", "WT", "", ["KGM", weight])
    for tag in t.bag_tags:
        w.segment("FTX", "BAG", "", "", tag)


def _documents(w: SegmentWriter, t: Traveller) -> None:
    for doc in t.documents:
        w.segment("DOC", doc.type or "", doc.number or "")
        if doc.expiry:
            w.segment("DTM", ["36", _yymmdd(doc.expiry) or ""])
        if doc.issue_date:
            w.segment("DTM", ["182", _yymmdd(doc.issue_date) or ""])
        if doc.issuing_country:
            w.segment("LOC", "91", doc.issuing_country)


def _traveller(w: SegmentWriter, t: Traveller) -> None:
    code = _ROLE_CODES[t.role]
    if t.role is Role.IN_TRANSIT and ("role_code", "DDT") in t.extra:
        code = "DDT"
    w.segment("NAD", code, "", "", [t.surname, t.given_names])
    if t.sex:
        w.segment("ATT", "2", "", t.sex.value)
    if t.birth_date:
        w.segment("DTM", _birth(t.birth_date))
    _bags(w, t)
    for qualifier, value in (
        ("178", t.embarkation),
        ("179", t.debarkation),
        ("174", t.residence_country),
        ("180", t.birth_place),
    ):
        if value:
            w.segment("LOC", qualifier, [value] if qualifier != "180" else ["", "", "", value])
    if t.nationality:
        w.segment("NAT", "2", t.nationality)
    for qualifier, value in (("AVF", t.reservation_ref), ("ABO", t.ref), ("SEA", t.seat)):
        if value:
            w.segment("RFF", [qualifier, value])
    _documents(w, t)


def _part_flag(index: int, parts: int) -> list[str]:
    if parts == 1:
        return []
    flag = "C" if index == 1 else "F" if index == parts else ""
    return [f"{index:02d}", flag]


def _charset(manifest: Manifest) -> str:
    text = "".join(t.surname + t.given_names for t in manifest.travellers)
    return "UNOA" if text.isascii() else "UNOY"


def write_paxlst(
    manifest: Manifest,
    *,
    chars: ServiceChars | None = None,
    parts: int = 1,
    reference: str = "PREBOARD1",
) -> list[str]:
    """The manifest as PAXLST D:05B interchanges, one per part (``parts`` ≥ 1).

    Travellers are split evenly across parts; each part repeats the header and flight, its UNH
    carries the common access reference and the part flag (``01:C`` … ``NN:F``) when there is
    more than one part, and its CNT gives the flight total.
    """
    parts = max(1, min(parts, max(1, len(manifest.travellers))))
    people = manifest.travellers
    size = -(-len(people) // parts) if people else 0
    prepared = prepared_time(m.prepared_at for m in manifest.messages)
    flight = manifest.flight
    car = f"{flight.designator if flight else reference}/{prepared:%y%m%d/%H%M}"
    crew = manifest.list_type == "250" or (people and all(t.role is Role.CREW for t in people))
    list_type = manifest.list_type or ("250" if crew else "745")
    out = []
    for index in range(1, parts + 1):
        w = SegmentWriter(chars)
        w.segment(
            "UNB",
            [_charset(manifest), "4"],
            "PREBOARD",
            "APIS",
            [f"{prepared:%y%m%d}", f"{prepared:%H%M}"],
            f"{reference}{index}",
        )
        msg_ref = f"{reference}{index}"
        w.begin_message(
            msg_ref, ["PAXLST", "D", "05B", "UN", "IATA"], car, _part_flag(index, parts)
        )
        w.segment("BGM", *list_type.split(":"))
        w.segment("NAD", "MS", "", "", "PREBOARD")
        if flight is not None:
            _flight(w, flight)
        for t in people[(index - 1) * size : index * size]:
            _traveller(w, t)
        w.segment("CNT", ["41" if crew else "42", str(len(people))])
        w.end_message(msg_ref)
        w.segment("UNZ", "1", f"{reference}{index}")
        out.append(w.text())
    return out
