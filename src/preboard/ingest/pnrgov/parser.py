"""PNRGOV (UN/EDIFACT) messages into a ``Manifest``: level 0 here, each SRC group by
``PnrReader``.

Versions 10.1 to 17.1 and later are read the same way, by segment tags and groups; an unknown
version is only noted. Bad content never raises: it becomes a ``Problem`` with the file, the
segment index, the tag and a reason, and what is not understood stays in ``Manifest.unread``.
"""

from __future__ import annotations

from preboard.ingest.context import Context
from preboard.ingest.edifact import EdifactMessage, Segment
from preboard.ingest.options import ReadOptions
from preboard.ingest.pnrgov.build import build_booking
from preboard.ingest.pnrgov.drafts import BookingDraft
from preboard.ingest.pnrgov.itinerary import read_leg
from preboard.ingest.pnrgov.reader import PnrReader
from preboard.model import Flight, Leg, Manifest, MessageRef, Severity, SourceKind

KNOWN_VERSIONS = frozenset(f"{v}:1" for v in range(10, 18))
DEFAULT_OPTIONS = ReadOptions()


def _context(message: EdifactMessage, options: ReadOptions) -> Context:
    if message.prepared_at is None and options.today is not None:
        reference = options.today
    else:
        reference = message.reference_date
    return Context(message.file, reference, options.fingerprint_key, message.chars.element)


def _check_header(message: EdifactMessage, ctx: Context) -> None:
    if message.kind != "PNRGOV":
        ctx.problem(
            message.header,
            f"message type is {message.kind or 'missing'}, not PNRGOV; read as PNRGOV",
            Severity.WARNING,
        )
    if message.version not in KNOWN_VERSIONS:
        ctx.problem(
            message.header,
            f"PNRGOV version {message.version or 'missing'} is not one of 10.1-17.1; read by "
            "segment tags as the others",
            Severity.INFO,
        )


class _Level0:
    """MSG, ORG, TVL and EQN before the first SRC."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.function: str | None = None
        self.flight: Flight | None = None
        self.count: int | None = None
        self.eqn: Segment | None = None

    def feed(self, seg: Segment) -> None:
        if seg.tag == "MSG" and self.function is None:
            self.function = seg.get(0, 1).strip() or seg.get(0, 0).strip() or None
        elif seg.tag == "TVL" and self.flight is None:
            leg = read_leg(seg, self.ctx.reference, 0)
            legs = (Leg(leg.origin, leg.destination, leg.departure, leg.arrival),)
            self.flight = Flight(leg.carrier, leg.number, legs)
        elif seg.tag == "EQN" and self.eqn is None:
            self.eqn = seg
            text = seg.get(0, 0).strip()
            self.count = int(text) if text.isdecimal() else None
        elif seg.tag != "ORG":  # the sender is on the MessageRef from UNB
            self.ctx.keep(seg)


def _walk(message: EdifactMessage, ctx: Context, head: _Level0) -> list[BookingDraft]:
    drafts: list[BookingDraft] = []
    reader: PnrReader | None = None
    for seg in message.segments:
        if seg.tag == "SRC":
            drafts.append(BookingDraft(seg.index))
            reader = PnrReader(ctx, drafts[-1])
        elif reader is None:
            head.feed(seg)
        else:
            reader.feed(seg)
    return drafts


def _check_counts(ctx: Context, head: _Level0, found: int) -> None:
    if head.flight is None:
        ctx.problem(None, "no TVL at level 0: the flight pushed is unknown", Severity.WARNING)
    if head.eqn is not None and head.count != found:
        ctx.problem(
            head.eqn,
            f"EQN says {head.count if head.count is not None else head.eqn.get(0)!r} PNRs, "
            f"the message has {found} SRC groups; all were read",
            Severity.INFO,
        )


def parse_pnrgov(message: EdifactMessage, options: ReadOptions = DEFAULT_OPTIONS) -> Manifest:
    """Read one PNRGOV message: the flight (level 0 TVL), one booking per SRC group, and all
    their travellers (each with ``reservation_ref`` set to the record locator)."""
    ctx = _context(message, options)
    _check_header(message, ctx)
    head = _Level0(ctx)
    drafts = _walk(message, ctx, head)
    _check_counts(ctx, head, len(drafts))
    bookings = tuple(build_booking(d, ctx, head.flight) for d in drafts)
    for draft in drafts:
        if not draft.locator:
            ctx.problem(None, f"PNR at segment {draft.index} has no RCI locator", Severity.WARNING)
    ref = MessageRef(
        file=message.file,
        reference=message.reference,
        kind=message.kind or "PNRGOV",
        version=message.version or None,
        sender=message.sender,
        recipient=message.recipient,
        prepared_at=message.prepared_at,
        common_access_ref=message.common_access_ref,
        function=head.function,
    )
    return Manifest(
        source=SourceKind.PNRGOV,
        flight=head.flight,
        travellers=tuple(t for b in bookings for t in b.travellers),
        bookings=bookings,
        messages=(ref,),
        problems=tuple(ctx.problems),
        unread=tuple(sorted(ctx.unread, key=lambda u: u.index)),
    )


__all__ = ["KNOWN_VERSIONS", "parse_pnrgov"]
