"""The demo PNRGOV messages in src/preboard/examples read with no warning or error."""

from __future__ import annotations

from pathlib import Path

import pytest

from preboard.ingest.edifact import read_interchanges
from preboard.ingest.pnrgov import parse_pnrgov
from preboard.model import Severity

EXAMPLES = Path(__file__).resolve().parents[3] / "src" / "preboard" / "examples"


@pytest.mark.parametrize(
    ("name", "pnrs", "people"),
    [("pnrgov_AM0402_CUN_ATL.edi", 5, 7), ("pnrgov_UA1532_CUN_IAH_v11.edi", 3, 4)],
)
def test_example_reads_cleanly(name: str, pnrs: int, people: int) -> None:
    ics, problems = read_interchanges((EXAMPLES / name).read_bytes(), name)
    (message,) = ics[0].messages
    m = parse_pnrgov(message)
    problems += ics[0].problems + list(m.problems)
    assert [p for p in problems if p.severity is not Severity.INFO] == []
    assert (len(m.bookings), len(m.travellers)) == (pnrs, people)
    assert m.unread == ()


def test_the_two_cash_bookings_share_a_phone() -> None:
    name = "pnrgov_AM0402_CUN_ATL.edi"
    ics, _ = read_interchanges((EXAMPLES / name).read_bytes(), name)
    m = parse_pnrgov(ics[0].messages[0])
    cash = [b for b in m.bookings if b.payments and b.payments[0].method.value == "cash"]
    assert len(cash) == 2 and cash[0].contacts.phones == cash[1].contacts.phones
