"""Writing EDIFACT: escaping with the release character and counting segments for UNT."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from preboard.ingest.edifact.syntax import ServiceChars

Element = str | Sequence[str]


class SegmentWriter:
    """Builds an interchange segment by segment with the given service characters.

    ``segment("NAD", "FL", "", "", ["SURNAME", "GIVEN"])`` writes ``NAD+FL+++SURNAME:GIVEN'``;
    separators inside values are released. Trailing empty elements and components are dropped.
    """

    def __init__(self, chars: ServiceChars | None = None, *, newline: bool = True) -> None:
        self.chars = chars or ServiceChars()
        if self.chars.release is None:
            raise ValueError("a writer needs a release character")
        self._release = self.chars.release
        self._specials = set(self.chars.specials)
        self.lines: list[str] = []
        self.newline = newline
        self._message_start: int | None = None

    def escape(self, value: str) -> str:
        if not any(c in self._specials for c in value):
            return value
        return "".join(self._release + c if c in self._specials else c for c in value)

    def segment(self, tag: str, *elements: Element) -> None:
        parts: list[str] = []
        for element in elements:
            comps = [element] if isinstance(element, str) else list(element)
            while comps and comps[-1] == "":
                comps.pop()
            parts.append(self.chars.component.join(self.escape(c) for c in comps))
        while parts and parts[-1] == "":
            parts.pop()
        text = self.chars.element.join([tag, *parts]) if parts else tag
        self.lines.append(text + self.chars.terminator)

    def begin_message(self, *elements: Element) -> None:
        """Write UNH and start counting segments for the UNT."""
        self._message_start = len(self.lines)
        self.segment("UNH", *elements)

    def end_message(self, reference: str) -> None:
        """Write UNT with the true segment count."""
        if self._message_start is None:
            raise ValueError("end_message without begin_message")
        count = len(self.lines) - self._message_start + 1
        self.segment("UNT", str(count), reference)
        self._message_start = None

    def text(self, *, una: bool = True) -> str:
        sep = "\n" if self.newline else ""
        body = sep.join(self.lines)
        return (self.chars.una() + sep + body if una else body) + sep


def prepared_time(stamps: Iterable[dt.datetime | None]) -> dt.datetime:
    """When an interchange is prepared: the first known stamp, else now (to the minute).

    Writers put it in UNB; readers place two-digit years relative to it, so it must never be
    a made-up date far from the data.
    """
    for stamp in stamps:
        if stamp is not None:
            return stamp
    return dt.datetime.now().replace(second=0, microsecond=0)
