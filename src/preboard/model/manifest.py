"""The result of reading a message: a manifest, with every problem and unread segment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from preboard.model.booking import Booking
from preboard.model.people import Traveller
from preboard.model.travel import Flight


class SourceKind(StrEnum):
    """What kind of input a manifest came from."""

    PAXLST = "paxlst"
    PNRGOV = "pnrgov"
    PNRGOV_XML = "pnrgov_xml"
    MRZ = "mrz"
    CSV = "csv"
    JSONL = "jsonl"


class Severity(StrEnum):
    """How much a problem matters: ``error`` loses data, ``warning`` is repaired or doubtful."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input, with where (file, segment index) and a reason."""

    file: str
    segment: int | None
    message: str
    severity: Severity = Severity.WARNING
    tag: str | None = None


@dataclass(frozen=True, slots=True)
class UnreadSegment:
    """A segment the parser did not turn into the model, kept as text so nothing is lost."""

    file: str
    index: int
    tag: str
    text: str


@dataclass(frozen=True, slots=True)
class MessageRef:
    """One message (or message part) that went into a manifest."""

    file: str
    reference: str
    kind: str
    version: str | None = None
    sender: str | None = None
    recipient: str | None = None
    prepared_at: dt.datetime | None = None
    common_access_ref: str | None = None
    part: int | None = None
    last_part: bool | None = None
    function: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """A flight with its travellers and bookings, as read from one or more messages."""

    source: SourceKind
    flight: Flight | None
    travellers: tuple[Traveller, ...] = ()
    bookings: tuple[Booking, ...] = ()
    messages: tuple[MessageRef, ...] = ()
    problems: tuple[Problem, ...] = ()
    unread: tuple[UnreadSegment, ...] = ()
    list_type: str | None = None
    reported_count: int | None = None
