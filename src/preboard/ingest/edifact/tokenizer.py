"""Bytes to segments: decoding, envelope discovery, splitting with the release character.

Line breaks are not data in EDIFACT, so they are removed before splitting (real feeds wrap at
64 characters, even inside a tag). Bytes that are not UTF-8 are read as Latin-1, one by one,
so nothing is lost, and a warning gives the first offset.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment: its tag and its elements, each a tuple of unescaped components.

    ``index`` is the segment's position in the interchange, counting the UNB segment as 1.
    ``raw`` is the segment's text as sent, without the terminator.
    """

    tag: str
    elements: tuple[tuple[str, ...], ...]
    index: int
    raw: str

    def get(self, element: int, component: int = 0) -> str:
        """Component ``component`` of element ``element`` (0 is the first after the tag)."""
        if element < len(self.elements):
            comps = self.elements[element]
            if component < len(comps):
                return comps[component]
        return ""

    def components(self, element: int) -> tuple[str, ...]:
        return self.elements[element] if element < len(self.elements) else ()

    def __len__(self) -> int:
        return len(self.elements)


def _split_released(text: str, sep: str, release: str) -> list[str]:
    """Split on ``sep`` where it is not released; keeps release characters (unescaped later)."""
    parts: list[str] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == release and i + 1 < n:
            buf.append(ch)
            buf.append(text[i + 1])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def _unescape(text: str, release: str) -> str:
    if release not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == release and i + 1 < n:
            out.append(text[i + 1])
            i += 2
            continue
        if ch != release:
            out.append(ch)
        i += 1
    return "".join(out)


def split_segments(body: str, chars: ServiceChars) -> Iterator[tuple[int, str]]:
    """``(end, text)`` of each raw segment of ``body``: ``end`` is the offset just past its
    terminator; the text has no terminator and no leading blanks."""
    term, rel = chars.terminator, chars.release
    pieces = (
        body.split(term) if rel is None or rel not in body else _split_released(body, term, rel)
    )
    end = 0
    for piece in pieces:
        end += len(piece) + 1
        text = piece.lstrip()
        if text:
            yield min(end, len(body)), text


def parse_segment(raw: str, chars: ServiceChars, index: int) -> Segment:
    """Split one raw segment into its tag and unescaped elements and components."""
    rel = chars.release
    if rel is None or rel not in raw:
        elements = [tuple(e.split(chars.component)) for e in raw.split(chars.element)]
    else:
        elements = [
            tuple(_unescape(c, rel) for c in _split_released(e, chars.component, rel))
            for e in _split_released(raw, chars.element, rel)
        ]
    tag = elements[0][0].strip().upper() if elements else ""
    return Segment(tag, tuple(elements[1:]), index, raw)


def fix_curly_terminators(body: str, chars: ServiceChars) -> tuple[str, int]:
    """Replace typographic quotes used as terminators (copies from PDF guides) by ``'``."""
    if chars.terminator != "'":
        return body, 0
    return _CURLY.subn("'", body)


def is_tag(text: str) -> bool:
    """True for a well-formed segment tag (three upper-case letters or digits)."""
    return bool(_TAG.match(text))
