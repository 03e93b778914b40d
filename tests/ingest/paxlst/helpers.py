"""Reading PAXLST text in tests: envelope, then parser."""

from __future__ import annotations

import datetime as dt

from preboard.ingest.edifact import read_interchanges
from preboard.ingest.options import ReadOptions
from preboard.ingest.paxlst import parse_paxlst
from preboard.model import Manifest, Severity

HEAD = (
    "UNA:+.? 'UNB+UNOA:4+AEROMEXICO:AM+CBPAPIS:ZZ+260301:0815+000000001++APIS'"
    "UNH+PAX001+PAXLST:D:05B:UN:IATA'BGM+745'"
)
TAIL = "CNT+42:2'UNT+135+1'UNZ+1+020A07'"
FLIGHT = "TDT+20+AM0402+++AM'LOC+125+CUN'DTM+189:2603011030:201'LOC+87+ATL'DTM+232:2603011420:201'"


def read(*texts: str, today: dt.date | None = None) -> list[Manifest]:
    """Manifests of the interchanges in ``texts`` (one file each, named ``f1.edi``…)."""
    messages = []
    for n, text in enumerate(texts, 1):
        ics, _ = read_interchanges(text.encode(), f"f{n}.edi")
        messages.extend(m for ic in ics for m in ic.messages)
    return parse_paxlst(messages, ReadOptions(today=today))


def one(body: str, head: str = HEAD) -> Manifest:
    """The one manifest of a message made of ``head``, ``body`` and the standard trailer."""
    manifests = read(head + body + TAIL)
    assert len(manifests) == 1
    return manifests[0]


def messages(manifest: Manifest, severity: Severity | None = None) -> list[str]:
    """Problem texts of ``manifest`` (of one severity when given)."""
    return [p.message for p in manifest.problems if severity is None or p.severity == severity]
