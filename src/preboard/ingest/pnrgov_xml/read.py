"""The push as a whole: the flight, its PNRs, the message reference and what was not read."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from preboard.ingest.options import ReadOptions
from preboard.ingest.pnrgov_xml import booking, people
from preboard.ingest.pnrgov_xml.xmltools import (
    Context,
    attr,
    descendants,
    first,
    first_or_self,
    local,
    place,
    value,
)
from preboard.model import (
    Flight,
    Leg,
    Manifest,
    MessageRef,
    Problem,
    Severity,
    SourceKind,
    UnreadSegment,
)

ROOT = "IATA_PNRGOV_NotifRQ"
_ORIGINATOR = ("Originator", "MessageSource")
_LEG = ("FlightLeg", "FlightLegInfo")
_DEFAULT = ReadOptions()
_READ = people.READ | booking.READ | {ROOT, "PNRs", *_ORIGINATOR, *_LEG}


def _reference(push: Element, options: ReadOptions) -> dt.date:
    if options.today:
        return options.today
    stamp = attr(push, "TimeStamp")
    try:
        return dt.datetime.fromisoformat((stamp or "").replace("Z", "+00:00")).date()
    except ValueError:
        return dt.date.today()


def _flight(ctx: Context, push: Element) -> Flight | None:
    legs: list[Leg] = []
    carrier = number = None
    elements = list(descendants(push, *_LEG)) or [
        el for el in push if local(el) in ("Flight", "FlightSegment")
    ]
    for outer in elements:
        el = first_or_self(outer, "Flight", "FlightSegment")
        airline = first(el, "MarketingAirline", "OperatingAirline")
        carrier = carrier or attr(el, "CarrierCode", "AirlineCode") or value(airline, "Code")
        number = number or attr(el, "FlightNumber") or attr(airline, "FlightNumber")
        leg = Leg(
            place(first(el, "DepartureAirport")),
            place(first(el, "ArrivalAirport")),
            ctx.when(el, "DepartureDateTime"),
            ctx.when(el, "ArrivalDateTime"),
        )
        legs.append(leg)
    if not legs:
        ctx.problem(push, "no FlightLeg: the push does not say which flight", Severity.WARNING)
        return None
    return Flight(carrier, number, tuple(legs))


def _unread(file: str, push: Element, order: dict[int, int]) -> list[UnreadSegment]:
    """The topmost elements whose names preboard does not read, with a short path to each."""
    found: list[UnreadSegment] = []

    def walk(element: Element, path: str) -> None:
        for child in element:
            name = local(child)
            where = f"{path}/{name}" if path else name
            if name in _READ:
                walk(child, where)
            else:
                found.append(UnreadSegment(file, order[id(child)], name, where))

    walk(push, "")
    return found


def _read_push(push: Element, file: str, options: ReadOptions) -> Manifest:
    order = {id(el): i for i, el in enumerate(push.iter())}
    ctx = Context(file, options, _reference(push, options), order)
    flight = _flight(ctx, push)
    bookings = [booking.read_pnr(ctx, pnr) for pnr in descendants(push, "PNR")]
    declared = attr(first(push, "PNRs"), "NumberOfPnrs")
    if declared and declared.isdecimal() and int(declared) != len(bookings):
        message = f"NumberOfPnrs says {declared}, the message holds {len(bookings)} PNRs"
        ctx.problem(first(push, "PNRs"), message, Severity.INFO)
    unread = _unread(file, push, order)
    if unread:
        counts = Counter(u.tag for u in unread)
        names = ", ".join(f"{tag} ×{n}" if n > 1 else tag for tag, n in counts.most_common())
        ctx.problem(push, f"{len(unread)} elements not read: {names}", Severity.INFO)
    originator = first(push, *_ORIGINATOR)
    message_ref = MessageRef(
        file=file,
        reference=attr(push, "EchoToken", "TransactionIdentifier", "SequenceNmbr") or "",
        kind=ROOT,
        version=attr(push, "Version"),
        sender=attr(originator, "AirlineCode", "Code", "SystemCode"),
        prepared_at=ctx.when(push, "TimeStamp"),
    )
    return Manifest(
        source=SourceKind.PNRGOV_XML,
        flight=flight,
        travellers=tuple(t for b in bookings for t in b.travellers),
        bookings=tuple(bookings),
        messages=(message_ref,),
        problems=tuple(ctx.problems),
        unread=tuple(unread),
        reported_count=int(declared) if declared and declared.isdecimal() else None,
    )


def parse_pnrgov_xml(
    data: bytes, file: str, options: ReadOptions = _DEFAULT
) -> tuple[list[Manifest], list[Problem]]:
    """Read an ``IATA_PNRGOV_NotifRQ`` push (or several inside one document) into manifests.

    Element names are matched without their namespace. Each push gives one manifest with its
    own problems and unread elements; the returned problems are those that belong to no
    manifest (XML that is not well-formed, refused, or holds no push), in which case there
    is no manifest. Never raises for bad content.
    """
    try:
        root = SafeET.fromstring(data)
    except ParseError as err:
        line, column = err.position
        reason = str(err).split(":", 1)[0]
        message = f"not well-formed XML at line {line}, column {column}: {reason}"
        return [], [Problem(file, None, message, Severity.ERROR)]
    except DefusedXmlException as err:
        message = f"XML refused: {type(err).__name__} (DTDs and entities are not accepted)"
        return [], [Problem(file, None, message, Severity.ERROR)]
    except (LookupError, ValueError) as err:  # an unknown encoding in the XML declaration
        message = f"XML not readable: {str(err)[:80]}"
        return [], [Problem(file, None, message, Severity.ERROR)]
    pushes = [root] if local(root) == ROOT else list(descendants(root, ROOT))
    if not pushes:
        message = f"root element <{local(root)}> is not {ROOT} and holds none"
        return [], [Problem(file, None, message, Severity.ERROR, local(root))]
    return [_read_push(push, file, options) for push in pushes], []
