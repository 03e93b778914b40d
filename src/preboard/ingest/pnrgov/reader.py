"""The walk over one PNR (an SRC group): which group each segment belongs to, and where it goes.

Groups are told apart by the segments that open them, not by the message version: TIF opens a
traveller (group 2), TKT a ticket (3), FOP a payment (4), TVL an itinerary leg (5) and TRI its
check-in, EQN a split (8), MSG a non-air segment (9) and ABI the history (10-12). Segments of
the history, of non-air groups, LTS long text and anything not understood are kept unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from preboard.ingest.context import Context
from preboard.ingest.edifact import Segment
from preboard.ingest.pnrgov import groups, itinerary
from preboard.ingest.pnrgov.drafts import PERSONAL, BookingDraft, State, TicketDraft
from preboard.ingest.pnrgov.ssr import is_sensitive
from preboard.model import Severity


class PnrReader:
    """Feeds the segments of one SRC group into a ``BookingDraft``."""

    def __init__(self, ctx: Context, draft: BookingDraft) -> None:
        self.ctx = ctx
        self.draft = draft
        self.state = State.BOOKING
        self.traveller: int | None = None
        self.ticket: TicketDraft | None = None
        self.leg: int | None = None
        self.checkin: int | None = None
        self.currency: str | None = None
        self.last_payment: int | None = None

    def feed(self, seg: Segment) -> None:
        """Take one segment of the PNR (two, when a lost terminator glued them together)."""
        head, tail = split_glued(seg)
        if tail is not None:
            self.ctx.problem(
                seg,
                f"no segment terminator before {tail.tag}: read as two segments",
                Severity.WARNING,
            )
            self._feed(head)
            self._feed(tail)
        else:
            self._feed(seg)

    def _feed(self, seg: Segment) -> None:
        tag = seg.tag
        if tag == "ABI" or self.state is State.HISTORY:
            self.state = State.HISTORY
            if tag == "SSR" and is_sensitive(seg.get(0, 0).strip().upper()):
                self.draft.sensitive += 1  # not held, even as history text
                return
            self.draft.history += 1
            self.ctx.keep(seg)
            return
        if tag == "MSG":
            self.state = State.NON_AIR
        if self.state is State.NON_AIR or tag == "LTS":
            self.ctx.keep(seg)
            return
        handler = _HANDLERS.get(tag)
        if handler is None or not handler(self, seg):
            self.ctx.keep(seg)

    @property
    def owner(self) -> int | None:
        """The traveller whose group the walk is in, if any."""
        return self.traveller if self.state in PERSONAL else None


# Segments whose elements are codes, never free text: a known tag glued to the end of one of
# their elements (``ORG+…+9TIF+KIM:I+…``) is a segment whose terminator was lost.
_CODED = frozenset({"ORG", "RCI", "DAT", "REF", "FTI", "TKT", "MON", "APD", "RPI", "FAR"})
_GLUED = re.compile(r"^(.*[^A-Z])?(TIF|TVL|SSR|FTI|REF|IFT|TKT|FOP|ADD|SRC)$")


def split_glued(seg: Segment) -> tuple[Segment, Segment | None]:
    """Split ``ORG+…+9TIF+KIM:I+…`` into ``ORG+…+9`` and ``TIF+KIM:I+…``."""
    if seg.tag not in _CODED:
        return seg, None
    for i, element in enumerate(seg.elements):
        m = _GLUED.match(element[0]) if len(element) == 1 else None
        if m is None or i == len(seg.elements) - 1:
            continue
        cut = seg.raw.rfind(m[2], 0, len(seg.raw))
        while cut > 0 and seg.raw[cut + 3 : cut + 4].isalnum():
            cut = seg.raw.rfind(m[2], 0, cut)
        head = Segment(seg.tag, (*seg.elements[:i], (m[1] or "",)), seg.index, seg.raw[:cut])
        tail = Segment(m[2], seg.elements[i + 1 :], seg.index, seg.raw[max(cut, 0) :])
        return head, tail
    return seg, None


Handler = Callable[[PnrReader, Segment], bool]


def _consumed(reader: PnrReader, seg: Segment) -> bool:
    """Segments read and understood that carry nothing the model holds (equipment, fare
    construction, taxes, ticketing agent)."""
    return reader.state is not State.SPLIT


_HANDLERS: dict[str, Handler] = {
    "RCI": groups.rci,
    "DAT": groups.dat,
    "ORG": groups.org,
    "ADD": groups.add,
    "IFT": groups.ift,
    "SSR": groups.ssr,
    "TIF": groups.tif,
    "FTI": groups.fti,
    "REF": groups.ref,
    "TKT": groups.tkt,
    "MON": groups.mon,
    "FOP": groups.fop,
    "EQN": groups.eqn,
    "FAR": _consumed,
    "PTK": _consumed,
    "TXD": _consumed,
    "APD": _consumed,
    "TVL": itinerary.tvl,
    "TRA": itinerary.tra,
    "RPI": itinerary.rpi,
    "TRI": itinerary.tri,
    "SSD": itinerary.ssd,
    "TBD": itinerary.tbd,
}
