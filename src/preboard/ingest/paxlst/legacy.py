"""The legacy US "CEDIPAX" PAXLST (``UNH+…+PAXLST:001:000:NZ``): CTA, TDT, LOC/DTM and, after
``UNS+D``, one PDT segment per person.

``PDT+P/182345345:990909:US+MANGUS:SIMON:P:590429:M+PAX+NZAKL:USLAX`` is document type and
number, expiry and issuing country; surname, given names, birth date and sex; the role; and
the ports of embarkation and debarkation (UN/LOCODEs). The LOCs (005 or 5 departure, PT a port
of call, 008 or 8 arrival) are the stops of one journey, each consecutive pair a leg.
"""

from __future__ import annotations

import datetime as dt
import itertools

from preboard.ingest.context import Context
from preboard.ingest.edifact import EdifactMessage, Segment
from preboard.ingest.paxlst import values
from preboard.ingest.paxlst.parser import Part, message_ref
from preboard.model import Flight, Leg, Role, TravelDocument, Traveller

_STOPS = ("5", "PT", "8")


def is_legacy(msg: EdifactMessage) -> bool:
    """True for a CEDIPAX message: a numeric version (``001:000``), or PDT segments in a
    message without a ``D:…`` directory version."""
    version = msg.version
    if version.startswith("D"):
        return False
    return (bool(version) and version[0].isdecimal()) or "PDT" in msg.segments.tags()


def _place(code: str) -> str | None:
    """``NZAKL`` (UN/LOCODE: country and place) gives ``AKL``."""
    code = code.strip().upper()
    return code[2:] if len(code) == 5 and code.isalpha() else (code or None)


def _time(seg: Segment, ctx: Context) -> dt.datetime | None:
    date, time = seg.get(1).strip(), seg.get(2).strip()
    when = values.flight_time(date + time, "", ctx.reference)
    if when is None and date:
        ctx.problem(seg, f"date and time {date!r} {time!r} not understood")
    return when


def _traveller(seg: Segment, ctx: Context) -> Traveller:
    doc_type, _, doc_number = seg.get(0, 0).partition("/")
    expiry = values.document_date(seg.get(0, 1).strip(), "", ctx.reference, expiry=True)
    issuer = ctx.country(seg, seg.get(0, 2)) if seg.get(0, 2).strip() else None
    names = seg.components(1)
    surname = names[0].strip() if names else ""
    given = " ".join(n.strip() for n in names[1:3] if n.strip())
    birth_text = seg.get(1, 3).strip()
    birth = values.birth_date(birth_text, "", ctx.reference)
    if birth is None and birth_text:
        ctx.problem(seg, f"birth date {birth_text!r} is not a date")
    if not surname:
        ctx.problem(seg, "traveller without a surname; read with an empty surname")
    role = Role.CREW if seg.get(2).strip().upper() in ("CRW", "CREW") else Role.PASSENGER
    document = TravelDocument(
        doc_type.strip().upper() or None, doc_number.strip().upper() or None, issuer, None, expiry
    )
    return Traveller(
        role=role,
        surname=surname,
        given_names=given,
        birth_date=birth,
        sex=values.SEXES.get(seg.get(1, 4).strip().upper()),
        embarkation=_place(seg.get(3, 0)),
        debarkation=_place(seg.get(3, 1)),
        documents=(document,) if doc_number or doc_type else (),
    )


def _legs(stops: list[tuple[str | None, dt.datetime | None, dt.datetime | None]]) -> list[Leg]:
    return [Leg(a[0], b[0], a[1], b[2]) for a, b in itertools.pairwise(stops)]


def parse_part(msg: EdifactMessage, ctx: Context) -> Part:
    """Read one CEDIPAX message; problems and unread segments go to ``ctx``."""
    carrier: str | None = None
    number: str | None = None
    stops: list[tuple[str | None, dt.datetime | None, dt.datetime | None]] = []
    people: list[Traveller] = []
    for seg in msg.segments:
        tag = seg.tag
        if tag == "TDT":
            carrier, number = values.designator(seg.get(1), seg.get(3))
        elif tag == "LOC" and seg.get(0).lstrip("0").upper() in _STOPS:
            stops.append((_place(seg.get(1, 0)), None, None))
        elif tag == "DTM" and stops and seg.get(0) in ("136", "132"):
            place, dep, arr = stops[-1]
            when = _time(seg, ctx)
            stops[-1] = (place, when, arr) if seg.get(0) == "136" else (place, dep, when)
        elif tag == "PDT":
            people.append(_traveller(seg, ctx))
        else:
            ctx.keep(seg)
    flight = Flight(carrier, number, tuple(_legs(stops))) if carrier or number else None
    if flight is None:
        ctx.problem(msg.header, "message has no TDT: the flight is unknown")
    return Part(message_ref(msg, None), flight, people)
