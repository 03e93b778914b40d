"""Bytes to segments: decoding, envelope discovery, splitting with the release character.

Line breaks are not data in EDIFACT, so they are removed before splitting (real feeds wrap at
64 characters, even inside a tag). Bytes that are not UTF-8 are read as Latin-1, one by one,
so nothing is lost, and a warning gives the first offset.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import cache

from preboard.ingest.edifact.syntax import ServiceChars

_TAG = re.compile(r"^[A-Z][A-Z0-9]{2}$")
_CURLY = re.compile("[\u2019\u2018](?=\\s*(?:[A-Z]{3}[^A-Za-z0-9]|[A-Z]{3}$|$))")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    bad = err.object[err.start : err.end]
    return bytes(bad).decode("latin-1"), err.end


codecs.register_error("preboard-latin1", _latin1_fallback)


def decode(data: bytes) -> tuple[str, int | None]:
    """Text of ``data`` and the offset of the first byte that was not UTF-8 (or ``None``)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        return data.decode("utf-8", errors="preboard-latin1"), err.start


class Segment:
    """One segment: its tag and its elements, each a tuple of unescaped components.

    ``index`` is the segment's position in the interchange, counting the UNB segment as 1.
    ``raw`` is the segment's text as sent, without the terminator. Treat it as immutable: it is
    a plain slotted class rather than a frozen dataclass because tens of thousands are made per
    message and a frozen dataclass costs four times as much to build.
    """

    __slots__ = ("elements", "index", "raw", "tag")

    def __init__(
        self, tag: str, elements: tuple[tuple[str, ...], ...], index: int, raw: str
    ) -> None:
        self.tag = tag
        self.elements = elements
        self.index = index
        self.raw = raw

    def __repr__(self) -> str:
        return f"Segment({self.tag!r}, index={self.index})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Segment):
            return NotImplemented
        return (self.tag, self.elements, self.index, self.raw) == (
            other.tag,
            other.elements,
            other.index,
            other.raw,
        )

    def __hash__(self) -> int:
        return hash((self.tag, self.index, self.raw))

    def get(self, element: int, component: int = 0) -> str:
        """Component ``component`` of element ``element`` (0 is the first after the tag)."""
        try:
            return self.elements[element][component]
        except IndexError:
            return ""

    def components(self, element: int) -> tuple[str, ...]:
        return self.elements[element] if element < len(self.elements) else ()

    def __len__(self) -> int:
        return len(self.elements)


def _split_released(text: str, sep: str, release: str) -> list[str]:
    """Split on ``sep`` where it is not released; keeps release characters (unescaped later).

    Splits in C with ``str.split`` and joins back the pieces that end in an odd number of
    release characters, whose separator was data.
    """
    pieces = text.split(sep)
    if release not in text:
        return pieces
    out: list[str] = []
    held: str | None = None
    for piece in pieces:
        current = piece if held is None else held + sep + piece
        if release in current and (len(current) - len(current.rstrip(release))) % 2:
            held = current
        else:
            out.append(current)
            held = None
    if held is not None:
        out.append(held)
    return out


@cache
def _release_pattern(release: str) -> re.Pattern[str]:
    return re.compile(re.escape(release) + "(.)|" + re.escape(release) + "$", re.S)


def _unescape(text: str, release: str) -> str:
    if release not in text:
        return text
    return _release_pattern(release).sub(lambda m: m.group(1) or "", text)


def split_segments(body: str, chars: ServiceChars) -> list[str]:
    """The raw pieces of ``body`` between terminators, released terminators kept inside.

    Joining the pieces with the terminator gives ``body`` back. Pieces may be blank or carry
    leading blanks (segments separated by spaces or line breaks); the caller strips them.
    """
    term, rel = chars.terminator, chars.release
    if rel is None or rel not in body:
        return body.split(term)
    return _split_released(body, term, rel)


def parse_segment(raw: str, chars: ServiceChars, index: int) -> Segment:
    """Split one raw segment into its tag and unescaped elements and components."""
    rel, comp = chars.release, chars.component
    if rel is None or rel not in raw:
        parts = raw.split(chars.element)
        head = parts[0]
        tag = head if len(head) == 3 and head.isupper() else head.split(comp)[0].strip().upper()
        return Segment(tag, tuple([tuple(e.split(comp)) for e in parts[1:]]), index, raw)
    elements = [
        tuple(_unescape(c, rel) for c in _split_released(e, comp, rel))
        for e in _split_released(raw, chars.element, rel)
    ]
    return Segment(elements[0][0].strip().upper(), tuple(elements[1:]), index, raw)


def fix_curly_terminators(body: str, chars: ServiceChars) -> tuple[str, int]:
    """Replace typographic quotes used as terminators (copies from PDF guides) by ``'``."""
    if chars.terminator != "'" or ("\u2019" not in body and "\u2018" not in body):
        return body, 0
    return _CURLY.subn("'", body)


def is_tag(text: str) -> bool:
    """True for a well-formed segment tag (three upper-case letters or digits)."""
    return bool(_TAG.match(text))


class SegmentList:
    """The segments of one message, kept as raw text and split only while being read.

    A 10 MB interchange holds hundreds of thousands of segments; keeping them as strings (which
    the garbage collector does not track) rather than as split tuples keeps memory near the
    size of the text and the collector out of the way. Iterating builds each ``Segment`` anew;
    ``index`` numbers follow on from ``first_index``.
    """

    __slots__ = ("_chars", "_odd", "_raws", "first_index")

    def __init__(self, chars: ServiceChars, first_index: int) -> None:
        self._chars = chars
        self._raws: list[str] = []
        self._odd: set[int] = set()
        self.first_index = first_index

    def append(self, raw: str, *, well_formed: bool = True) -> None:
        """Add a segment's text; ``well_formed`` when it starts with a valid tag."""
        if not well_formed:
            self._odd.add(len(self._raws))
        self._raws.append(raw)

    def __len__(self) -> int:
        return len(self._raws)

    def __getitem__(self, position: int) -> Segment:
        raw = self._raws[position]
        return parse_segment(raw, self._chars, self.first_index + (position % len(self._raws)))

    def __iter__(self) -> Iterator[Segment]:
        chars = self._chars
        elem, comp = chars.element, chars.component
        release = chars.release or "\x00"
        odd = self._odd
        index = self.first_index
        for position, raw in enumerate(self._raws):
            if release in raw or (odd and position in odd):
                yield parse_segment(raw, chars, index)
            else:
                parts = raw.split(elem)
                yield Segment(raw[:3], tuple([tuple(e.split(comp)) for e in parts[1:]]), index, raw)
            index += 1

    def tags(self) -> Iterator[str]:
        """The tags alone, without splitting the segments (upper-cased, as parsed)."""
        for raw in self._raws:
            yield raw[:3].upper()
