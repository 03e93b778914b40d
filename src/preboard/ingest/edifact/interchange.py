"""Interchanges and messages: the UNB/UNG/UNH/UNT/UNE/UNZ envelope, read leniently.

``read_interchanges`` never raises for bad content. Everything it repairs or cannot read becomes
a ``Problem`` with the file, the segment index and a reason; segments outside any message are
kept on ``Interchange.loose`` so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from preboard.ingest.edifact.syntax import ServiceChars, find_envelope
from preboard.ingest.edifact.tokenizer import (
    Segment,
    SegmentList,
    decode,
    fix_curly_terminators,
    is_tag,
    parse_segment,
    split_segments,
)
from preboard.model import Problem, Severity

_QUOTE = 60
# Tags of data segments seen inside messages; envelope tags (UN*) are never in it.
_GOOD_TAGS: set[str] = set()
_MAX_BAD_SEGMENTS = 20


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE else text[: _QUOTE - 1] + "…"


@dataclass(slots=True)
class EdifactMessage:
    """One UNH…UNT message with the envelope facts a parser needs."""

    file: str
    header: Segment
    segments: SegmentList
    trailer: Segment | None
    chars: ServiceChars
    sender: str | None = None
    recipient: str | None = None
    prepared_at: dt.datetime | None = None
    group: Segment | None = None

    @property
    def reference(self) -> str:
        return self.header.get(0)

    @property
    def kind(self) -> str:
        """Message type, ``PAXLST`` or ``PNRGOV`` (upper case)."""
        return self.header.get(1, 0).strip().upper()

    @property
    def version(self) -> str:
        """``D:05B`` for PAXLST, ``11:1`` for PNRGOV: the version and release components."""
        parts = [p for p in self.header.components(1)[1:3] if p]
        return ":".join(parts)

    @property
    def common_access_ref(self) -> str | None:
        return self.header.get(2) or None

    @property
    def part(self) -> tuple[int | None, str | None]:
        """Sequence number of a multi-part message and its flag (``C`` first, ``F`` last)."""
        seq, flag = self.header.get(3, 0), self.header.get(3, 1)
        # The sequence number is n..2 in the directories; anything past 999 is noise, not a part.
        number = int(seq) if seq.isdecimal() and len(seq) <= 3 else None
        return number, (flag.upper() or None)

    @property
    def reference_date(self) -> dt.date:
        """The date two-digit years are read against: when the message was prepared."""
        return self.prepared_at.date() if self.prepared_at else dt.date.today()


@dataclass(slots=True)
class Interchange:
    """What one file (or one interchange in it) holds."""

    file: str
    chars: ServiceChars
    header: Segment | None = None
    messages: list[EdifactMessage] = field(default_factory=list)
    loose: list[Segment] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _unb_time(seg: Segment) -> dt.datetime | None:
    date, time = seg.get(3, 0), seg.get(3, 1)
    try:
        if len(date) == 8:
            day = dt.datetime.strptime(date, "%Y%m%d")
        elif len(date) == 6:
            day = dt.datetime.strptime(date, "%y%m%d")
        else:
            return None
        if len(time) == 4 and time.isdecimal():
            return day.replace(hour=int(time[:2]), minute=int(time[2:]))
    except ValueError:
        return None
    return day


class _Reader:
    """State machine over the segments of one interchange."""

    def __init__(self, file: str, chars: ServiceChars, first_index: int) -> None:
        self.ic = Interchange(file, chars)
        self.index = first_index
        self.group: Segment | None = None
        self.current: EdifactMessage | None = None

    def problem(self, seg: Segment | None, message: str, severity: Severity) -> None:
        self.ic.problems.append(
            Problem(
                self.ic.file,
                seg.index if seg else None,
                message,
                severity,
                seg.tag if seg else None,
            )
        )

    def close(self, trailer: Segment | None) -> None:
        msg = self.current
        if msg is None:
            return
        msg.trailer = trailer
        if trailer is None:
            self.problem(
                msg.header,
                f"message {msg.reference!r} has no UNT: it was cut short; read up to the last "
                f"complete segment ({len(msg.segments)} segments)",
                Severity.WARNING,
            )
        else:
            counted = len(msg.segments) + 2
            said = trailer.get(0)
            if said != str(counted) and said.lstrip("0") != str(counted):
                self.problem(
                    trailer,
                    f"UNT says {said or 'nothing'} segments, message {msg.reference!r} has "
                    f"{counted}; read all of them",
                    Severity.INFO,
                )
        self.ic.messages.append(msg)
        self.current = None

    def feed(self, seg: Segment) -> bool:
        """Take one segment; ``True`` when it ends the interchange (UNZ)."""
        tag = seg.tag
        if tag == "UNB":
            self.ic.header = seg
        elif tag == "UNG":
            self.group = seg
        elif tag == "UNE":
            self.group = None
        elif tag == "UNH":
            if self.current is not None:
                self.close(None)
            unb = self.ic.header
            self.current = EdifactMessage(
                self.ic.file,
                seg,
                SegmentList(self.ic.chars, seg.index + 1),
                None,
                self.ic.chars,
                sender=unb.get(1) if unb else None,
                recipient=unb.get(2) if unb else None,
                prepared_at=_unb_time(unb) if unb else None,
                group=self.group,
            )
        elif tag == "UNT":
            if self.current is None:
                self.problem(seg, "UNT without a UNH before it; ignored", Severity.WARNING)
            self.close(seg)
        elif tag == "UNZ":
            self.close(None)
            return True
        elif self.current is not None:
            raw, chars = seg.raw, self.ic.chars
            plain = raw[:3] == tag and raw[3:4] in (chars.element, chars.component, "")
            self.current.segments.append(raw, well_formed=plain)
        else:
            self.ic.loose.append(seg)
            self.problem(seg, f"segment {tag} outside any message; kept unread", Severity.WARNING)
        return False


def _read_one(text: str, file: str, first_index: int) -> tuple[Interchange | None, str, int]:
    """Read the first interchange in ``text``; return it, the text after its UNZ, next index."""
    env = find_envelope(text)
    if env is None:
        return None, "", first_index
    body, curly = fix_curly_terminators(env.body, env.chars)
    reader = _Reader(file, env.chars, first_index)
    ic = reader.ic
    if env.skipped.strip():
        reader.problem(
            None,
            f"skipped {len(env.skipped.strip())} characters before the interchange header "
            f"(telex envelope or other text): {_quote(env.skipped)!r}",
            Severity.WARNING,
        )
    for note in env.notes:
        reader.problem(None, note, Severity.WARNING)
    if curly:
        reader.problem(
            None, f"{curly} typographic quotes used as segment terminators", Severity.WARNING
        )
    rest = ""
    index = first_index
    ended = False
    bad = 0
    chars = env.chars
    pieces = split_segments(body, chars)
    elem, comp = chars.element, chars.component
    good_tags = _GOOD_TAGS
    for i, piece in enumerate(pieces):
        raw = piece.lstrip()
        if not raw:
            continue
        current = reader.current
        if current is not None and raw[:3] in good_tags and raw[3:4] in (elem, "", comp):
            current.segments.append(raw)  # the common case: split later, when read
            index += 1
            continue
        seg = parse_segment(raw, chars, index)
        index += 1
        tag = seg.tag
        if not is_tag(tag):
            bad += 1
            if bad <= _MAX_BAD_SEGMENTS:
                reader.problem(
                    seg,
                    f"not a segment (bad tag {tag[:10]!r}): {_quote(raw)!r}",
                    Severity.WARNING,
                )
            if current is not None:
                current.segments.append(raw, well_formed=False)
            else:
                ic.loose.append(seg)
            continue
        if current is not None and not tag.startswith("UN") and len(_GOOD_TAGS) < 2048:
            good_tags.add(tag)
        if reader.feed(seg):
            rest = chars.terminator.join(pieces[i + 1 :])
            ended = True
            break
    if bad > _MAX_BAD_SEGMENTS:
        reader.problem(
            None,
            f"{bad - _MAX_BAD_SEGMENTS} more pieces of text that are not segments (kept unread)",
            Severity.WARNING,
        )
    if not ended:
        reader.close(None)
        if ic.messages or ic.header is not None:
            reader.problem(None, "interchange has no UNZ: the file was cut short", Severity.WARNING)
    return ic, rest, index


def read_interchanges(data: bytes, file: str) -> tuple[list[Interchange], list[Problem]]:
    """Every interchange in ``data``, and the problems that belong to the file as a whole."""
    text, bad_offset = decode(data)
    problems: list[Problem] = []
    if bad_offset is not None:
        problems.append(
            Problem(
                file,
                None,
                f"bytes that are not UTF-8 (first at byte {bad_offset}) were read as Latin-1",
                Severity.WARNING,
            )
        )
    if not text.strip():
        problems.append(Problem(file, None, "the file is empty", Severity.ERROR))
        return [], problems
    found: list[Interchange] = []
    index = 1
    while text:
        ic, rest, index = _read_one(text, file, index)
        if ic is None:
            if not found:
                problems.append(
                    Problem(
                        file,
                        None,
                        "not an EDIFACT interchange: no UNA or UNB header found "
                        f"(starts with {_quote(text)!r})",
                        Severity.ERROR,
                    )
                )
            elif text.strip():
                problems.append(
                    Problem(
                        file,
                        index,
                        f"text after UNZ ignored: {_quote(text)!r}",
                        Severity.WARNING,
                        "UNZ",
                    )
                )
            break
        found.append(ic)
        text = rest
    return found, problems
