"""Multi-part assembly: the parts of one large flight, in any order and from any file, into
one manifest.

Parts share the UNH common access reference (element 3) and number themselves in element 4
(``01:C`` first, bare numbers in the middle, ``16:F`` last). Missing parts (a gap in the
numbers, or no ``F`` part) are reported; a part received twice is reported and read once.
Messages without a common access reference or part number are a manifest each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from preboard.ingest.context import Context
from preboard.ingest.edifact import EdifactMessage
from preboard.ingest.options import ReadOptions
from preboard.ingest.paxlst import legacy
from preboard.ingest.paxlst.parser import Part, parse_part
from preboard.model import Flight, Manifest, Severity, SourceKind


def group_parts(messages: Sequence[EdifactMessage]) -> list[list[EdifactMessage]]:
    """Messages grouped by common access reference (numbered parts only), in input order."""
    groups: dict[str, list[EdifactMessage]] = {}
    order: list[list[EdifactMessage]] = []
    for msg in messages:
        car = (msg.common_access_ref or "").strip().upper()
        if car and msg.part[0] is not None:
            if car not in groups:
                groups[car] = []
                order.append(groups[car])
            groups[car].append(msg)
        else:
            order.append([msg])
    return order


def _ranges(numbers: list[int]) -> str:
    spans: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n == prev + 1:
            prev = n
            continue
        spans.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(spans)


def _dedupe(group: list[EdifactMessage], ctx: Context) -> list[EdifactMessage]:
    """Parts in sequence order, each read once; duplicates are reported."""
    seen: dict[int, EdifactMessage] = {}
    for msg in sorted(group, key=lambda m: m.part[0] or 0):
        number = msg.part[0] or 0
        first = seen.get(number)
        if first is None:
            seen[number] = msg
            continue
        ctx.file = msg.file
        ctx.problem(
            msg.header,
            f"part {number} of {msg.common_access_ref!r} received twice (first in "
            f"{first.file!r} at segment {first.header.index}); read once, this copy ignored",
        )
    return list(seen.values())


def _check_complete(parts: list[EdifactMessage], ctx: Context) -> None:
    numbers = [m.part[0] or 0 for m in parts]
    last = next((m.part[0] for m in parts if m.part[1] == "F"), None)
    end = last if last is not None else max(numbers)
    missing = sorted(set(range(1, end + 1)) - set(numbers))
    notes = []
    if missing:
        notes.append(f"parts {_ranges(missing)} not received")
    if last is None:
        notes.append("the last part (F) not received")
    if not notes:
        return
    head = parts[0]
    ctx.file = head.file
    ctx.problem(
        head.header,
        f"multi-part message {head.common_access_ref!r} incomplete: {'; '.join(notes)} "
        f"(have parts {_ranges(numbers)}); travellers of the missing parts are not listed",
    )


def _main_flight(parts: list[Part]) -> Flight | None:
    """The flight of the first part, or of the part whose designator the common access
    reference starts with (``AT123/210827/1450``) when parts disagree."""
    flights = [p.flight for p in parts if p.flight is not None]
    car = (parts[0].ref.common_access_ref or "").upper().replace(" ", "")
    agreeing = [f for f in flights if f.designator and car.startswith(f.designator)]
    chosen = agreeing or flights
    return chosen[0] if chosen else None


def _merge(parts: list[Part], ctx: Context) -> Manifest:
    flight = _main_flight(parts)
    list_type = next((p.list_type for p in parts if p.list_type), None)
    for part in parts:
        ctx.file = part.ref.file
        if part.flight is not None and part.flight != flight and flight is not None:
            ctx.problem(
                None,
                f"part {part.ref.part} reports flight {part.flight.designator} "
                f"{part.flight.origin}-{part.flight.destination}, another part "
                f"{flight.designator} {flight.origin}-{flight.destination} (kept)",
            )
        if part.list_type and part.list_type != list_type:
            ctx.problem(None, f"part {part.ref.part} is a list of type {part.list_type!r}")
    people = tuple(t for p in parts for t in p.travellers)
    counts = [p.reported_count for p in parts if p.reported_count is not None]
    reported = max(counts) if counts else None
    if reported is not None and reported != len(people):
        ctx.file = parts[-1].ref.file
        ctx.problem(
            None,
            f"CNT reports {reported} travellers, {len(people)} read (the count is often the "
            "flight total across all parts)",
            Severity.INFO,
        )
    return Manifest(
        SourceKind.PAXLST,
        flight,
        people,
        messages=tuple(p.ref for p in parts),
        problems=tuple(ctx.problems),
        unread=tuple(ctx.unread),
        list_type=list_type,
        reported_count=reported,
    )


def read_group(group: list[EdifactMessage], options: ReadOptions) -> Manifest:
    """One manifest from the messages of one group (one message, or the parts of one)."""
    ctx = Context()
    multi = group[0].part[0] is not None and bool(group[0].common_access_ref)
    messages = _dedupe(group, ctx) if multi else group
    if multi:
        _check_complete(messages, ctx)
    parts: list[Part] = []
    for msg in messages:
        ctx.file = msg.file
        today = options.today or dt.date.today()
        ctx.reference = msg.prepared_at.date() if msg.prepared_at else today
        reader = legacy.parse_part if legacy.is_legacy(msg) else parse_part
        parts.append(reader(msg, ctx))
    return _merge(parts, ctx)


_DEFAULT = ReadOptions()


def parse_paxlst(
    messages: Sequence[EdifactMessage], options: ReadOptions = _DEFAULT
) -> list[Manifest]:
    """Manifests of PAXLST messages from one or more files, in any order.

    The parts of a multi-part message (same UNH common access reference, numbered parts) are
    assembled in sequence order into one manifest; every other message is a manifest of its
    own. Bad content never raises: it becomes a ``Problem`` on the manifest, and segments not
    understood are kept in ``Manifest.unread``.
    """
    manifests = []
    for msg in messages:
        if msg.kind != "PAXLST":
            ctx = Context(file=msg.file)
            ctx.problem(
                msg.header,
                f"message type {msg.kind or '(none)'} is not PAXLST; not read",
                Severity.ERROR,
            )
            manifests.append(Manifest(SourceKind.PAXLST, None, problems=tuple(ctx.problems)))
    paxlst = [m for m in messages if m.kind == "PAXLST"]
    manifests.extend(read_group(group, options) for group in group_parts(paxlst))
    return manifests
