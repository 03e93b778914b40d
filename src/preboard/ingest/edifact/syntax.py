"""Service characters and their discovery in real, noisy interchanges.

The UNA service string advice names six characters: component separator, element separator,
decimal mark, release character, repetition separator (reserved in syntax 3) and segment
terminator. Real feeds get it wrong in known ways, so the characters a file *declares* are
checked against the characters it *uses*: the one right after ``UNB`` is the element separator
and the one that ends the UNB segment, just before ``UNG`` or ``UNH``, is the terminator. Where
they disagree, the used ones win and a warning says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DEFAULT_UNA = ":+.? '"
_HEADER = re.compile(r"UN[AB][^A-Za-z0-9]")
_NEXT_TAG = re.compile(r"\s*UN[GH]\s*[^A-Za-z0-9\s]")


@dataclass(frozen=True, slots=True)
class ServiceChars:
    """The six service characters; ``release`` is ``None`` when the interchange has none."""

    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str | None = "?"
    repetition: str = " "
    terminator: str = "'"

    @classmethod
    def from_una(cls, six: str) -> ServiceChars:
        """Read the six characters that follow ``UNA``."""
        comp, elem, dec, rel, rep, term = (six[i] for i in range(6))
        return cls(comp, elem, dec, None if rel == " " else rel, rep, term)

    def una(self) -> str:
        """The UNA segment that declares these characters."""
        rel = self.release if self.release is not None else " "
        six = (self.component, self.element, self.decimal, rel, self.repetition, self.terminator)
        return "UNA" + "".join(six)

    @property
    def specials(self) -> tuple[str, ...]:
        """Characters that must be released inside data."""
        chars = {self.component, self.element, self.terminator}
        if self.release is not None:
            chars.add(self.release)
        return tuple(sorted(chars))


@dataclass(frozen=True, slots=True)
class Envelope:
    """Where an interchange starts in a text, its service characters, and what was repaired.

    ``body`` is the text from the UNB segment on, with hard line breaks removed (unless the
    terminator is a line break); ``skipped`` is the text before the header (telex envelopes).
    """

    chars: ServiceChars
    body: str
    skipped: str
    notes: tuple[str, ...]


def _strip_breaks(text: str, terminator: str) -> str:
    if terminator in "\r\n":
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\r", "").replace("\n", "")


def find_envelope(text: str) -> Envelope | None:
    """Locate the interchange in ``text`` and settle its service characters.

    Returns ``None`` when there is no ``UNA`` or ``UNB`` header at all.
    """
    flat_probe = text.replace("\r", "").replace("\n", "")
    m = _HEADER.search(flat_probe)
    if m is None:
        return None
    notes: list[str] = []
    # Find the same header in the unflattened text to keep a possible line-break terminator.
    raw_match = _HEADER.search(text)
    start = raw_match.start() if raw_match else 0
    skipped = text[:start] if raw_match else ""
    declared: ServiceChars | None = None
    una_len = 0
    if raw_match and text.startswith("UNA", start):
        declared = ServiceChars.from_una(text[start + 3 : start + 9].ljust(6, " "))
        una_len = 9
    elif not raw_match:
        skipped = ""
    rest_raw = text[start + una_len :] if raw_match else flat_probe[m.start() :]
    chars = declared or ServiceChars()
    body = _strip_breaks(rest_raw, chars.terminator)
    if declared is not None and not body.lstrip().startswith("UNB"):
        # A malformed UNA (for example five characters instead of six) swallowed text.
        unb = rest_raw.find("UNB")
        if unb >= 0:
            rest_raw = rest_raw[unb:]
            body = _strip_breaks(rest_raw, chars.terminator)
    used = _used_chars(body.lstrip(), chars)
    if declared is not None and used != declared:
        notes.append(
            f"UNA declares {declared.una()!r} but the segments use {used.una()!r}; "
            "read with the characters in use"
        )
    if used.terminator not in "\r\n":
        # A UNZ line without its terminator must not swallow the text on the lines after it.
        unz_line = re.compile(
            rf"(?m)((?:^|(?<={re.escape(used.terminator)}))[ \t]*UNZ[^A-Za-z0-9\s][^\r\n]*?)"
            r"[ \t]*(?=\r?$)"
        )
        at = rest_raw.find("UNZ")
        if at >= 0:
            at = max(at - 1, 0)  # keep the terminator before UNZ for the look-behind
            tail = unz_line.sub(lambda m: _terminate(m, used.terminator), rest_raw[at:])
            rest_raw = rest_raw[:at] + tail
    body = _strip_breaks(rest_raw, used.terminator).lstrip()
    return Envelope(used, body, skipped, tuple(notes))


def _terminate(m: re.Match[str], terminator: str) -> str:
    line = m.group(1)
    return line if line.endswith(terminator) else line + terminator


def _used_chars(body: str, declared: ServiceChars) -> ServiceChars:
    """The element separator and terminator the UNB segment actually uses."""
    if not body.startswith("UNB") or len(body) < 4:
        return declared
    element = body[3]
    terminator = declared.terminator
    nxt = _NEXT_TAG.search(body, 4)
    if nxt is not None:
        before = body[: nxt.start()].rstrip()
        if before:
            terminator = before[-1]
    if element == declared.element and terminator == declared.terminator:
        return declared
    release, repetition, decimal = declared.release, declared.repetition, declared.decimal
    if terminator in (release, repetition):
        # The declaration was one character short: the decimal mark was left out.
        release, repetition, decimal = declared.decimal, declared.release or " ", "."
        if terminator == repetition:
            repetition = " "
    return ServiceChars(
        declared.component,
        element,
        decimal,
        None if release in (None, " ", terminator, element) else release,
        repetition,
        terminator,
    )
