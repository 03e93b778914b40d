"""The demo's replay: a day's message files sent to the intake as the airlines would send them.

    plan = replay_plan(day / "messages")          # every file, in sending order, with its time
    replay = Replay(plan, ReplayTarget(url, token), speed=fit_speed(plan, 60), stopped=...)
    replay.start()                                # a thread: one POST per file, at its time

Each file is sent at the time its sender prepared it (the interchange header's date and time,
``UNB``; the push's ``TimeStamp`` in PNRGOV XML), the day compressed ``speed`` times (600: ten
minutes a second). At the same time a PNR push goes before the passenger list (API), so the
bookings are in when the list arrives. Files are sent byte for byte, as ``POST
/api/v1/messages`` with the intake token; nothing of their content is printed or logged (a
refused file is counted, and logged by name and status only).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import structlog

from preboard.ingest.edifact.interchange import read_interchanges
from preboard.ingest.reader import Format, detect_format, read_paths

__all__ = ["Outgoing", "Replay", "ReplayTarget", "fit_speed", "replay_plan", "sent_at"]

log = structlog.get_logger(__name__)

_SUFFIXES = {".edi", ".xml"}
_PNR_FIRST = {"PNR": 0, "API": 1}


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One file to send: its flight folder, whether it is a PNR push or an API list, and when
    the airline prepared it (``None``: not said; sent at the start)."""

    path: Path
    flight: str
    kind: str  # "PNR" or "API"
    at: dt.datetime | None


@dataclass(frozen=True, slots=True)
class ReplayTarget:
    """Where to send: the intake URL and the intake token."""

    url: str
    token: str


def _natural(name: str) -> tuple[str | int, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _earliest(times: list[dt.datetime | None]) -> dt.datetime | None:
    """The earliest time, as a local clock (a zone, where given, dropped: a day's files are
    compared with each other only)."""
    return min((t.replace(tzinfo=None) for t in times if t is not None), default=None)


def sent_at(path: Path) -> tuple[str, dt.datetime | None]:
    """The file's kind (``PNR`` or ``API``) and the time its sender prepared it."""
    data = path.read_bytes()
    if detect_format(data) is Format.EDIFACT:
        interchanges, _ = read_interchanges(data, path.name)
        messages = [m for ic in interchanges for m in ic.messages]
        kind = "PNR" if any(m.kind == "PNRGOV" for m in messages) else "API"
        return kind, _earliest([m.prepared_at for m in messages])
    refs = [r for m in read_paths([path]).manifests for r in m.messages]
    kind = "PNR" if any(r.kind.upper().startswith("PNR") for r in refs) else "API"
    return kind, _earliest([r.prepared_at for r in refs])


def replay_plan(messages: Path) -> list[Outgoing]:
    """Every ``.edi`` and ``.xml`` file under ``messages`` (one folder per flight), in the
    order the airlines send them: by preparation time, PNR before API at the same time, then
    by flight and file name (``paxlst-2`` before ``paxlst-10``)."""
    found = []
    for path in sorted(messages.rglob("*")):
        if path.is_file() and path.suffix.lower() in _SUFFIXES:
            kind, at = sent_at(path)
            found.append(Outgoing(path, path.parent.name, kind, at))
    start = min((o.at for o in found if o.at is not None), default=dt.datetime.min)
    return sorted(
        found,
        key=lambda o: (o.at or start, _PNR_FIRST[o.kind], o.flight, _natural(o.path.name)),
    )


def span(plan: list[Outgoing]) -> float:
    """Seconds of the day between the first and the last file."""
    times = [o.at for o in plan if o.at is not None]
    return (max(times) - min(times)).total_seconds() if times else 0.0


def fit_speed(plan: list[Outgoing], seconds: float) -> float:
    """The speed at which the plan's day takes about ``seconds``."""
    return max(span(plan) / seconds, 1.0)


class Replay(threading.Thread):
    """Sends the plan in the background (see the module docstring); ``sent``, ``refused``
    and ``done`` say how far it is. ``stopped()`` is asked between files and while waiting."""

    def __init__(
        self,
        plan: list[Outgoing],
        target: ReplayTarget,
        speed: float,
        stopped: Callable[[], bool],
    ) -> None:
        super().__init__(name="preboard-demo-replay", daemon=True)
        self.plan = plan
        self.target = target
        self.speed = speed
        self.stopped = stopped
        self.sent = 0
        self.refused = 0
        self.clock: dt.datetime | None = None  # the day's time of the last file sent
        self.done = threading.Event()

    def _wait_until(self, due: float) -> bool:
        """Sleep until ``due`` (monotonic), a little at a time; ``False`` when stopped."""
        while (left := due - time.monotonic()) > 0:
            if self.stopped():
                return False
            time.sleep(min(left, 0.2))
        return not self.stopped()

    def _send(self, item: Outgoing) -> None:
        request = urllib.request.Request(  # noqa: S310 (the URL is ours: http://127.0.0.1...)
            self.target.url,
            data=item.path.read_bytes(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.target.token}",
                "Content-Type": "application/octet-stream",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                response.read()
            self.sent += 1
        except urllib.error.HTTPError as err:
            self.refused += 1
            log.warning("demo.refused", file=item.path.name, status=err.code)
        except (urllib.error.URLError, OSError) as err:
            self.refused += 1
            log.warning("demo.unsent", file=item.path.name, error=type(err).__name__)

    def run(self) -> None:
        start = min((o.at for o in self.plan if o.at is not None), default=None)
        began = time.monotonic()
        try:
            for item in self.plan:
                offset = (item.at - start).total_seconds() if item.at and start else 0.0
                if not self._wait_until(began + offset / self.speed):
                    return
                self._send(item)
                self.clock = item.at or self.clock
        finally:
            self.done.set()
