"""Reading stored messages for the service: their kind, what they say, whether they can be
screened at all, and their problems as JSON-ready dicts.

A message can be screened when at least one of its manifests names a flight (carrier and
number); one that cannot is *malformed*: it is kept, with status ``failed`` and its problems,
for an officer or admin to inspect.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from preboard.ingest.edifact.interchange import read_interchanges
from preboard.ingest.export import problem_dict
from preboard.ingest.reader import Format, ReadResult, detect_format, read_inputs
from preboard.model import Flight, Manifest, Problem, Severity

__all__ = [
    "Reading",
    "check_message",
    "flight_manifests",
    "message_kind",
    "message_name",
    "read_message",
    "read_messages",
]

_EDIFACT_KINDS = (b"PAXLST", b"PNRGOV")
_FLIGHT_SEGMENT = {"PAXLST": "TDT", "PNRGOV": "TVL"}  # where each message names its flight


@dataclass(frozen=True, slots=True)
class Reading:
    """One message as read: its manifests and problems."""

    manifests: tuple[Manifest, ...]
    problems: tuple[Problem, ...]

    @property
    def flights(self) -> list[Flight]:
        """The flights the message describes (those with a carrier and a number)."""
        return [
            m.flight for m in self.manifests if m.flight and m.flight.carrier and m.flight.number
        ]

    @property
    def readable(self) -> bool:
        """Whether the message names a flight, so it can be screened."""
        return bool(self.flights)

    def problem_dicts(self) -> list[dict[str, Any]]:
        """The problems as stored and shown: file, segment, message, severity."""
        problems = [problem_dict(p) for p in self.problems]
        if not self.readable and not any(p.severity is Severity.ERROR for p in self.problems):
            reason = "no flight could be read from the message (no carrier and flight number)"
            problems.append(problem_dict(Problem("", None, reason, Severity.ERROR)))
        return problems


def message_name(message_id: int) -> str:
    """The name a stored message goes by in problems (``message-12``)."""
    return f"message-{message_id}"


def message_kind(body: bytes) -> str:
    """What the message looks like, for the stored ``kind``: ``paxlst``, ``pnrgov``,
    ``edifact`` (another EDIFACT message), ``xml``, ``csv``, ``jsonl``, ``mrz`` or
    ``unknown``."""
    found = detect_format(body)
    if found is Format.EDIFACT:
        head = body[:4096]
        return next((k.decode().lower() for k in _EDIFACT_KINDS if k in head), "edifact")
    return found.value


def read_message(message_id: int, body: bytes) -> Reading:
    """Read one stored message on its own."""
    result = read_inputs([(message_name(message_id), body)])
    return Reading(result.manifests, result.all_problems)


def read_messages(messages: Iterable[tuple[int, bytes]]) -> ReadResult:
    """Read a flight's stored messages together, so PAXLST parts are assembled and the latest
    PNR push of each booking wins."""
    return read_inputs((message_name(i), body) for i, body in messages)


def flight_manifests(
    messages: Sequence[tuple[int, bytes]], known: Mapping[int, Reading]
) -> list[Manifest]:
    """The manifests of a flight's messages read together, re-using ``known`` readings of
    single messages where that gives the same result: a PNR push reads the same alone, while
    PAXLST parts are assembled across messages, so messages holding PAXLST are read again
    together (and so is any message not read yet). PAXLST manifests come first, then the
    others in the order received, as ``read_messages`` gives them."""
    together: list[tuple[int, bytes]] = []
    alone: list[Manifest] = []
    for message_id, body in messages:
        reading = known.get(message_id)
        if reading is None or b"PAXLST" in body:
            together.append((message_id, body))
        else:
            alone.extend(reading.manifests)
    read = read_messages(together).manifests if together else ()
    return [*read, *alone]


def check_message(message_id: int, body: bytes) -> list[dict[str, Any]]:
    """The problems that make a message plainly unscreenable, found cheaply at intake (none:
    take it). An EDIFACT message's envelope is read (UNB…UNZ, UNH…UNT; a few milliseconds, not
    the full read, which is the screening worker's): it must hold a PAXLST with its flight
    segment (TDT) or a PNRGOV with its own (TVL). The worker's full read may still find that
    the flight cannot be read from those segments; it then marks the message ``failed`` with
    its problems, kept for inspection like those refused here. Other formats (PNRGOV XML, CSV,
    JSON lines, MRZ) are read in full."""
    if detect_format(body) is not Format.EDIFACT:
        reading = read_message(message_id, body)
        return [] if reading.readable else reading.problem_dicts()
    name = message_name(message_id)
    interchanges, problems = read_interchanges(body, name)
    messages = [m for ic in interchanges for m in ic.messages]
    if any(any(s.tag == _FLIGHT_SEGMENT.get(m.kind or "") for s in m.segments) for m in messages):
        return []
    problems += [p for ic in interchanges for p in ic.problems]
    reason = (
        "no flight could be read from the message: a PAXLST needs its TDT segment, a PNRGOV "
        "its TVL (other message types are not read)"
        if messages
        else "the interchange holds no message (no UNH)"
    )
    problems.append(Problem(name, None, reason, Severity.ERROR))
    return [problem_dict(p) for p in problems]
