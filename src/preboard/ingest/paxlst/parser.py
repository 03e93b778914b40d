"""One PAXLST message (or one part of a multi-part message) into a ``Part``.

The message is read segment by segment: the header (BGM, RFF, DTM), segment group 1 (NAD+MS
reporting party with COM, kept unread: the model has no place for it), segment groups 2-3
(TDT, LOC, DTM: the flight), segment groups 4-5 (one NAD per person, then their segments and
documents) and the trailer CNT. Whatever is not turned into the model is kept unread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from preboard.ingest.context import Context
from preboard.ingest.edifact import EdifactMessage, Segment
from preboard.ingest.paxlst import flights, travellers
from preboard.model import Flight, MessageRef, Severity, Traveller

LIST_TYPES = ("745", "250")


@dataclass(slots=True)
class Part:
    """What one message gives, before parts are assembled into a manifest."""

    ref: MessageRef
    flight: Flight | None
    travellers: list[Traveller]
    list_type: str | None = None
    reported_count: int | None = None


def message_ref(msg: EdifactMessage, function: str | None) -> MessageRef:
    """The ``MessageRef`` of a PAXLST message."""
    number, flag = msg.part
    return MessageRef(
        file=msg.file,
        reference=msg.reference,
        kind="PAXLST",
        version=msg.version or None,
        sender=msg.sender,
        recipient=msg.recipient,
        prepared_at=msg.prepared_at,
        common_access_ref=msg.common_access_ref,
        part=number,
        last_part=None if number is None else flag == "F",
        function=function,
    )


@dataclass(slots=True)
class _Reader:
    ctx: Context
    person: travellers.Draft | None = None
    transport: flights.Transport | None = None
    transports: list[flights.Transport] = field(default_factory=list)
    first_tdt: Segment | None = None
    people: list[Traveller] = field(default_factory=list)
    list_type: str | None = None
    function: str | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def close_person(self) -> None:
        if self.person is not None:
            self.people.append(self.person.build())
            self.person = None

    def feed(self, seg: Segment) -> None:
        tag, ctx = seg.tag, self.ctx
        if tag == "NAD":
            self.nad(seg)
            return
        if self.person is not None:
            handler = travellers.HANDLERS.get(tag)
            if handler is not None:
                if not handler(self.person, seg, ctx):
                    ctx.keep(seg)
                return
        if tag == "TDT":
            self.close_person()
            self.transport = flights.start(seg)
            self.transports.append(self.transport)
            self.first_tdt = self.first_tdt or seg
        elif self.transport is not None and tag in ("LOC", "DTM"):
            if not flights.add(self.transport, seg, ctx):
                ctx.keep(seg)
        elif tag == "BGM":
            self.bgm(seg)
        elif tag == "CNT":
            self.close_person()
            self.cnt(seg)
        else:
            ctx.keep(seg)

    def nad(self, seg: Segment) -> None:
        self.close_person()
        self.transport = None
        qualifier = seg.get(0).strip().upper()
        if qualifier in travellers.ROLES:
            self.person = travellers.start(seg, self.ctx)
            return
        self.ctx.keep(seg)
        if qualifier != "MS":
            self.ctx.problem(
                seg, f"NAD {qualifier!r} is not a traveller (FL, FM, DDU, DDT); kept unread"
            )

    def bgm(self, seg: Segment) -> None:
        code, ident = seg.get(0, 0).strip(), seg.get(1, 0).strip().upper()
        self.list_type = code if code in LIST_TYPES or not ident else f"{code}:{ident}"
        self.function = ident or seg.get(2, 0).strip() or None
        if code not in LIST_TYPES:
            self.ctx.problem(
                seg,
                f"document code {code!r} is not 745 (passengers) or 250 (crew); read as a list "
                f"of type {self.list_type!r}",
                Severity.INFO,
            )

    def cnt(self, seg: Segment) -> None:
        qualifier, value = seg.get(0, 0).strip(), seg.get(0, 1).strip()
        if not value and seg.get(1).strip().isdecimal():
            value = seg.get(1).strip()
            self.ctx.problem(seg, "CNT count in the next element instead of the next component")
        if qualifier in ("41", "42") and value.isdecimal():
            self.counts[qualifier] = int(value)
        else:
            self.ctx.problem(seg, f"control total {seg.raw!r} not understood; kept unread")
            self.ctx.keep(seg)


def parse_part(msg: EdifactMessage, ctx: Context) -> Part:
    """Read one UN/EDIFACT PAXLST message; problems and unread segments go to ``ctx``."""
    reader = _Reader(ctx)
    for seg in msg.segments:
        reader.feed(seg)
    reader.close_person()
    flight = flights.build(reader.transports, ctx, reader.first_tdt)
    if flight is None:
        ctx.problem(msg.header, "message has no TDT: the flight is unknown")
    reported = sum(reader.counts.values()) if reader.counts else None
    return Part(
        message_ref(msg, reader.function), flight, reader.people, reader.list_type, reported
    )
