"""Building small PNRGOV messages inline for the unit tests (synthetic people only)."""

from __future__ import annotations

import datetime as dt

from preboard.ingest.edifact import read_interchanges
from preboard.ingest.options import ReadOptions
from preboard.ingest.pnrgov import parse_pnrgov
from preboard.model import Manifest

HEAD = (
    "UNA:+.? 'UNB+IATA:1+AM+PREBOARD+261128:0930+1'UNH+1+PNRGOV:{version}:IA+AM402/281126'"
    "MSG+:22'ORG+AM:MEX'TVL+281126:1005:281126:1425+CUN+ATL+AM+0402'EQN+{count}'"
)
TAIL = "UNT+2+1'UNZ+1+1'"
KEY = b"test-key"


def message(body: str, *, count: int = 1, version: str = "13:1") -> bytes:
    """A PNRGOV interchange for flight AM0402 CUN-ATL with ``body`` after level 0."""
    return (HEAD.format(version=version, count=count) + body + TAIL).encode()


def parse(body: str, *, count: int = 1, version: str = "13:1") -> Manifest:
    """Parse ``body`` wrapped in ``message``; the envelope reader's UNT note is ignored."""
    ics, _ = read_interchanges(message(body, count=count, version=version), "t.edi")
    options = ReadOptions(fingerprint_key=KEY, today=dt.date(2026, 11, 28))
    return parse_pnrgov(ics[0].messages[0], options)
