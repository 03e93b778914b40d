"""write_pnrgov → parse_pnrgov gives back the same bookings and travellers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from preboard.ingest.edifact import ServiceChars, read_interchanges
from preboard.ingest.options import ReadOptions
from preboard.ingest.pnrgov import parse_pnrgov, write_pnrgov
from preboard.model import Booking, Manifest, Severity
from tests.ingest.pnrgov.helpers import KEY, parse
from tests.ingest.pnrgov.test_parser import FAMILY

# Names with every EDIFACT special character in them.
AWKWARD = (
    "SRC'RCI+AM:QQ1234::011126:101010'"
    "TIF+O?'NEIL?+SMITH+ANNE?:MARIE?? MS:A:1'"
    "SSR+DOCS:HK:1:AM:::::/P/IRL/PA0000001/IRL/01JAN80/F/01JAN30/O?'NEIL?+SMITH/ANNE?:MARIE?? +::1'"
    "FOP+CA::120.00'"
    "TVL+281126:1005:281126:1425+CUN+ATL+AM+0402:Y'"
)


def _round_trip(m: Manifest, chars: ServiceChars | None = None) -> Manifest:
    text = write_pnrgov(m, chars=chars)
    ics, problems = read_interchanges(text.encode(), "w.edi")
    assert problems == [] and ics[0].problems == []
    options = ReadOptions(fingerprint_key=KEY, today=dt.date(2026, 11, 28))
    return parse_pnrgov(ics[0].messages[0], options)


def _comparable(b: Booking) -> Booking:
    """Fingerprints are keyed hashes of the number as sent, which the writer only has masked."""
    pays = tuple(dataclasses.replace(p, card_fingerprint=None) for p in b.payments)
    return dataclasses.replace(b, payments=pays)


def test_round_trip_of_a_family_booking() -> None:
    m = parse(FAMILY)
    back = _round_trip(m)
    assert [_comparable(b) for b in back.bookings] == [_comparable(b) for b in m.bookings]
    assert back.travellers == m.travellers
    assert back.flight == m.flight


def test_round_trip_of_names_with_separators_and_other_service_chars() -> None:
    m = parse(AWKWARD)
    (t,) = m.travellers
    assert (t.surname, t.given_names, t.title) == ("O'NEIL+SMITH", "ANNE:MARIE?", "MS")
    for chars in (None, ServiceChars.from_una(":-.? *")):
        back = _round_trip(m, chars)
        assert back.travellers == m.travellers
        assert [_comparable(b) for b in back.bookings] == [_comparable(b) for b in m.bookings]


def test_written_card_is_masked_and_unt_counts_true() -> None:
    text = write_pnrgov(parse(FAMILY))
    assert "4111111111111111" not in text and "XXXXXXXXXXXX1111" in text
    ics, problems = read_interchanges(text.encode(), "w.edi")
    assert not [p for p in problems + ics[0].problems if p.severity is not Severity.INFO]
    assert all("UNT says" not in p.message for p in ics[0].problems)
